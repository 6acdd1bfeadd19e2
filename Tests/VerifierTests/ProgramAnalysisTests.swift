import Testing
import Synchronization
import Oracle
import ProgramOutcome
import PythonSyntax
@testable import Verifier

/// The parse shared between running a program and judging it, and repeated jobs run once.
@Suite struct ProgramAnalysisTests {
    static let programs = [
        "x = 3\nanswer = round(x * 2.5)\n",
        "y = 3\nanswer = round(y * 7.5)\n",
        "q = ask_llm(\"Legs of a spider?\")\nanswer = q\n",
        "def ask_llm(q):\n    return 1\nanswer = ask_llm(\"not the helper\")\n",
        "answer = (\n",
        "answer = 1 +\n",
        "for i in range(3):\n    pass\nanswer = i\n",
    ]

    /// Every analysis the interpreter records equals the one the verdicts would compute from a parse of
    /// their own, for programs that parse and programs that do not.
    @Test func recordedAnalysesEqualAFreshParse() async throws {
        let analyses = ProgramAnalyses()
        let jobs = Self.programs.enumerated().map { index, program in
            CandidateJob(questionID: "q", candidateID: "c\(index)", program: program, preamble: "", answerSpec: .auto)
        }
        let runner = PausingCandidateRunner(interpreter: SalInterpreter(analyses: analyses),
                                            oracle: ReplayOracle(store: try OracleStore()))
        _ = try await runner.run(jobs)
        let recorded = analyses.snapshot()
        #expect(recorded.count == Self.programs.count)
        for program in Self.programs {
            let fresh = ProgramAnalysis(module: VerifyOptions.pythonParser(program))
            #expect(recorded[program: program] == fresh, "\(program)")
        }
        #expect(recorded[program: Self.programs[4]]?.cluster == nil, "a syntax error has no cluster")
        #expect(recorded[program: Self.programs[2]]?.staticHelperTexts == ["Legs of a spider?"])
        #expect(recorded[program: Self.programs[3]]?.staticHelperTexts == [], "a program's own ask_llm is not the helper")
        #expect(recorded[program: Self.programs[0]]?.cluster == recorded[program: Self.programs[1]]?.cluster)
    }

    /// The one-walk analysis equals the signature and the helper calls each computed on its own.
    @Test func analysisEqualsSignatureAndHelperCalls() throws {
        let programs = Self.programs + [
            "def f(n, ask_llm=None):\n    return lookup(\"Paris\", f\"{n} population\")\nanswer = f(2)\n",
            "xs = [compare(\"a whale\", x) for x in [\"a mouse\"]]\nask_llm = len\nanswer = ask_llm(xs)\n",
        ]
        var parsed = 0
        for program in programs {
            guard let module = VerifyOptions.pythonParser(program) else { continue }
            parsed += 1
            let analysis = ProgramAnalysis(module: module)
            #expect(analysis.cluster == StructuralSignature(module).hash, "\(program)")
            #expect(analysis.staticHelperTexts == StaticHelperCalls.find(in: module).map(\.text), "\(program)")
        }
        #expect(parsed == programs.count - 2)
        let helpers = ProgramAnalysis(module: VerifyOptions.pythonParser(programs[programs.count - 2]))
        #expect(helpers.staticHelperTexts == ["Paris {} population"])
        #expect(ProgramAnalysis(module: nil) == ProgramAnalysis(module: VerifyOptions.pythonParser("answer = (\n")))
    }

    /// Verdicts made from recorded analyses are the verdicts made by parsing every program again.
    @Test func verdictsWithRecordedAnalysesAreTheSame() async throws {
        let lines = Self.programs.map { program -> String in
            let escaped = program.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            return #"{"id": "q", "question": "How many legs does a spider have?", "program": "\#(escaped)"}"#
        }
        let input = VerifyInput.read(jsonl: lines.joined(separator: "\n"))
        #expect(input.problems.isEmpty)
        let analyses = ProgramAnalyses()
        let runner = PausingCandidateRunner(interpreter: SalInterpreter(analyses: analyses),
                                            oracle: ReplayOracle(store: try OracleStore()))
        let store = try RunStore()
        try await VerifyPipeline(runner: runner, runnerName: "sal", store: store).run(input)
        let rule = VoteRule(minimumShare: 0.2)
        let parsed = try Verification(store: store, options: VerifyOptions(rule: rule))
        let shared = try Verification(store: store, options: VerifyOptions(rule: rule, analyses: analyses.snapshot()))
        let fromParse = parsed.questions[0].candidates, fromShared = shared.questions[0].candidates
        #expect(fromParse.map(\.cluster) == fromShared.map(\.cluster))
        #expect(fromParse.map(\.clusterSize) == fromShared.map(\.clusterSize))
        #expect(fromParse.map { $0.restatement?.coverage } == fromShared.map { $0.restatement?.coverage })
        #expect(fromParse.map(\.why) == fromShared.map(\.why))
        #expect(parsed.questions[0].supervision == shared.questions[0].supervision)
        #expect(fromParse.compactMap(\.cluster).count == Self.programs.count - 2, "two programs do not parse")
    }

    /// A job repeating an earlier one's program, preamble and convention is run once and gets its result.
    @Test func repeatedJobsRunOnce() async throws {
        let starts = CountingInterpreter()
        let jobs = [
            CandidateJob(questionID: "q", candidateID: "a", program: "answer 3", preamble: "", answerSpec: .auto),
            CandidateJob(questionID: "q", candidateID: "b", program: "answer 3", preamble: "", answerSpec: .auto),
            CandidateJob(questionID: "q", candidateID: "c", program: "answer 3", preamble: "other", answerSpec: .auto),
            CandidateJob(questionID: "q", candidateID: "d", program: "answer 3", preamble: "", answerSpec: .variable("ans")),
            CandidateJob(questionID: "r", candidateID: "e", program: "answer 3", preamble: "", answerSpec: .auto),
            CandidateJob(questionID: "r", candidateID: "f", program: "answer 3", preamble: nil, answerSpec: .auto),
        ]
        let runner = PausingCandidateRunner(interpreter: starts, oracle: ReplayOracle(store: try OracleStore()))
        let results = try await runner.run(jobs)
        #expect(starts.count.withLock { $0 } == 3, "a, c and d run; b and e repeat a; f names no preamble")
        #expect(results.map(\.candidateID) == ["a", "b", "c", "d", "e", "f"])
        #expect(results.map(\.questionID) == ["q", "q", "q", "q", "r", "r"])
        #expect(results[1].outcome == results[0].outcome && results[4].outcome == results[0].outcome)
        #expect(results[5].outcome.error?.type == CandidateRunResult.notRunErrorType)
    }
}

@Suite struct SampledTextTests {
    /// Equal texts hash alike; texts that differ only between the sampled bytes are still told apart.
    @Test func equalityReadsTheWholeText() {
        let long = String(repeating: "total = total + 1\n", count: 40)
        var changed = Array(long.utf8)
        changed[long.utf8.count / 2 + 3] = UInt8(ascii: "Q")
        let other = String(decoding: changed, as: UTF8.self)
        #expect(SampledText(long) == SampledText(String(long)))
        #expect(SampledText(long).hashValue == SampledText(String(long)).hashValue)
        #expect(SampledText(long) != SampledText(other))
        let keys: Set<SampledText> = [SampledText(long), SampledText(other), SampledText("x"), SampledText(""),
                                      SampledText("answer = 1"), SampledText("answer = 2")]
        #expect(keys.count == 6)
        #expect(keys.contains(SampledText(other)) && keys.contains(SampledText("answer = 2")))
    }
}

/// `ScriptInterpreter`, counting the programs it starts.
final class CountingInterpreter: PausableInterpreter {
    let count = Mutex<Int>(0)
    let script = ScriptInterpreter()

    func start(_ job: CandidateJob) -> ProgramStep<ScriptInterpreter.Paused> {
        count.withLock { $0 += 1 }
        return script.start(job)
    }

    func resume(_ paused: ScriptInterpreter.Paused, with answer: HelperAnswer) -> ProgramStep<ScriptInterpreter.Paused> {
        script.resume(paused, with: answer)
    }
}
