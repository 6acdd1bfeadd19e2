import Testing
import Oracle
import ProgramOutcome
@testable import Verifier

/// sal's interpreter behind the pausing runner: real programs, a real replay oracle.
@Suite struct SalInterpreterTests {
    static let answers = """
        {"function": "ask_llm", "arguments": ["Can a penguin fly?"], "answer": false}
        {"function": "ask_llm", "arguments": ["Can a sparrow fly?"], "answer": true}
        {"function": "ask_llm", "arguments": ["Can a bat fly?"], "answer": true}
        {"function": "lookup", "arguments": ["Paris", "population"], "answer": 2100000}
        {"function": "lookup", "arguments": ["Rome", "population"], "answer": 2800000}
        {"function": "lookup", "arguments": ["Rome", "founded"], "answer": "753 BC"}
        {"function": "compare", "arguments": ["a whale", "a mouse"], "answer": true}
        {"function": "compare", "arguments": ["a whale", "a mouse", "<"], "answer": false}
        """

    static func oracle() throws -> BatchLog {
        let store = try OracleStore()
        let report = try store.importJSONL(answers, source: "test")
        #expect(report.imported == 8 && report.malformed.isEmpty)
        return BatchLog(ReplayOracle(store: store))
    }

    static func job(_ id: String, _ program: String, preamble: String = "", answer: AnswerSpec = .auto) -> CandidateJob {
        CandidateJob(questionID: "q", candidateID: id, program: program, preamble: preamble, answerSpec: answer)
    }

    static func run(_ jobs: [CandidateJob], oracle: BatchLog? = nil, parallelism: Int = 1) async throws -> [CandidateRunResult] {
        let runner = PausingCandidateRunner(interpreter: SalInterpreter(), oracle: try oracle ?? Self.oracle(),
                                            parallelism: parallelism)
        return try await runner.run(jobs)
    }

    @Test func comprehensionsAndGeneratorsPauseAtEveryCall() async throws {
        let oracle = try Self.oracle()
        let results = try await Self.run([
            Self.job("list", """
                animals = ["penguin", "sparrow", "bat"]
                flying = [a for a in animals if ask_llm(f"Can a {a} fly?")]
                answer = len(flying)
                """),
            Self.job("generator", """
                def populations(cities):
                    return (lookup(city, attribute="population") for city in cities)
                answer = max(populations(["Paris", "Rome"]))
                """),
            Self.job("sum", """
                answer = sum(1 for a in ["penguin", "bat"] if ask_llm("Can a " + a + " fly?"))
                print("counted", answer)
                """),
            Self.job("next", """
                pending = (lookup(c, "population") for c in ["Paris", "Rome"])
                answer = next(pending) + next(pending)
                """),
        ], oracle: oracle)
        #expect(results[0].outcome.answer == .int(2))
        #expect(results[0].helperCalls.map(\.call) == [.askLLM("Can a penguin fly?"), .askLLM("Can a sparrow fly?"),
                                                       .askLLM("Can a bat fly?")])
        #expect(results[1].outcome.answer == .int(2_800_000))
        #expect(results[1].helperCalls.map(\.call) == [.lookup("Paris", "population"), .lookup("Rome", "population")])
        #expect(results[2].outcome.answer == .int(1) && results[2].outcome.stdout == "counted 1\n")
        #expect(results[3].outcome.answer == .int(4_900_000))
        #expect(results[3].helperCalls.map(\.call) == [.lookup("Paris", "population"), .lookup("Rome", "population")])
        let batches = oracle.batches.withLock { $0 }
        #expect(batches.count == 2, "one oracle batch per round; the third round's only call was answered before")
        #expect(batches[0] == [#"ask_llm["Can a penguin fly?"]"#, #"lookup["Paris", "population"]"#],
                "the first call of 'sum' repeats the first of 'list' and is asked once")
        #expect(batches[1] == [#"ask_llm["Can a sparrow fly?"]"#, #"lookup["Rome", "population"]"#, #"ask_llm["Can a bat fly?"]"#])
    }

    @Test func deduplicatesAcrossProgramsOfABatch() async throws {
        let oracle = try Self.oracle()
        let program = #"answer = "yes" if ask_llm("Can a bat fly?") and compare("a whale", "a mouse") else "no""#
        let results = try await Self.run((0..<20).map { Self.job("c\($0)", program) }, oracle: oracle, parallelism: 4)
        #expect(results.allSatisfy { $0.outcome.answer == .string("yes") && $0.helperCalls.count == 2 })
        let batches = oracle.batches.withLock { $0 }
        #expect(batches == [[#"ask_llm["Can a bat fly?"]"#], [#"compare["a whale", "a mouse", ">"]"#]])
    }

    @Test func numericComparisonsNeedNoOracleAndKeywordsBind() async throws {
        let results = try await Self.run([
            Self.job("numbers", "answer = [compare(3, 2), compare(2, 2.5, '>='), compare(a=1, b=1, relation='==')]"),
            Self.job("keywords", "answer = compare('a whale', relation='<', b='a mouse')"),
        ])
        #expect(results[0].outcome.answer == .array([.bool(true), .bool(false), .bool(true)]))
        #expect(results[1].outcome.answer == .bool(false))
        #expect(results[1].helperCalls.map(\.call) == [.compare(.string("a whale"), .string("a mouse"), "<")])
    }

    @Test func badCallsRaiseInsideTheProgram() async throws {
        let results = try await Self.run([
            Self.job("caught", """
                try:
                    ask_llm(5)
                except TypeError as e:
                    message = str(e)
                answer = message
                """),
            Self.job("uncaught", "answer = lookup('Paris')"),
            Self.job("relation", "answer = compare('a', 'b', '<>')"),
            Self.job("keyword", "answer = ask_llm(query='x')"),
        ])
        #expect(results[0].outcome.answer == .string("ask_llm() argument 'question' must be str, not int"))
        #expect(results[0].helperCalls.isEmpty)
        #expect(results[1].outcome.status == .error)
        #expect(results[1].outcome.error?.type == "TypeError")
        #expect(results[1].outcome.error?.message == "lookup() missing 1 required positional argument: 'attribute'")
        #expect(results[2].outcome.error?.type == "ValueError")
        #expect(results[3].outcome.error?.message == "ask_llm() got an unexpected keyword argument 'query'")
    }

    @Test func theFirstBadKeywordWrittenIsReported() async throws {
        let results = try await Self.run([
            Self.job("later parameter first", "answer = compare('a', 'b', zz=1, relation='<', aa=2)"),
            Self.job("repeated after unknown", "answer = lookup('Rome', 'founded', zz=1, entity='Paris')"),
        ])
        #expect(results[0].outcome.error?.message == "compare() got an unexpected keyword argument 'zz'")
        #expect(results[1].outcome.error?.message == "lookup() got an unexpected keyword argument 'zz'")
    }

    @Test func aMissEndsTheProgramUncatchably() async throws {
        let results = try await Self.run([
            Self.job("guarded", """
                print("before")
                try:
                    x = ask_llm("Is the moon made of cheese?")
                except BaseException:
                    x = "caught"
                answer = x
                """),
            Self.job("typed", #"answer = lookup("Rome", "population") + 1"#),
        ])
        let miss = results[0].outcome
        #expect(miss.status == .limit && miss.error?.type == HelperAnswer.missErrorType)
        #expect(miss.error?.message == #"not recorded: ask_llm["Is the moon made of cheese?"]"#)
        #expect(miss.answer == nil)
        #expect(miss.stdout == "before\n", "the output printed before the call the oracle missed")
        #expect(results[0].helperCalls == [HelperExchange(call: .askLLM("Is the moon made of cheese?"),
                                                          answer: .miss(#"not recorded: ask_llm["Is the moon made of cheese?"]"#))])
        #expect(results[1].outcome.answer == .int(2_800_001))
        #expect(AnswerNormalizer().ballot(for: miss) == .abstain(.oracleMiss))
    }

    @Test func compileErrorsAndPreamblesBecomeOutcomes() async throws {
        let preamble = "def double(x):\n    return 2 * x\n"
        let results = try await Self.run([
            Self.job("syntax", "answer = (1 +"),
            Self.job("preamble", "answer = double(lookup('Rome', 'founded'))", preamble: preamble),
            Self.job("broken preamble", "answer = 1", preamble: "def f(:\n"),
            Self.job("call", "def solution():\n    return ask_llm('Can a bat fly?')\n", answer: .call("solution")),
            CandidateJob(questionID: "q", candidateID: "unknown", program: "answer = 1", preamble: nil, answerSpec: .auto),
        ])
        #expect(results[0].outcome.status == .syntax)
        #expect(results[1].outcome.answer == .string("753 BC753 BC"))
        #expect(results[2].outcome.status == .syntax && results[2].outcome.error?.message.hasPrefix("in the preamble: ") == true)
        #expect(results[3].outcome.answer == .bool(true) && results[3].helperCalls.count == 1)
        #expect(results[4].outcome.error?.type == CandidateRunResult.notRunErrorType)
    }

    @Test func parallelRoundsGiveTheSameResultsAsSerialOnes() async throws {
        let programs = (0..<60).map { index in
            Self.job("p\(index)", """
                total = 0
                for i in range(\(index * 50)):
                    total += i % 7
                cities = ["Paris", "Rome"][: \(index % 3)]
                answer = total + sum(lookup(c, "population") for c in cities)
                """)
        }
        let serial = try await Self.run(programs)
        let parallel = try await Self.run(programs, parallelism: 3)
        #expect(serial == parallel)
        #expect(serial[5].outcome.answer == .int((0..<250).reduce(0) { $0 + $1 % 7 } + 2_100_000 + 2_800_000))
    }
}
