import Testing
import Synchronization
import Oracle
import ProgramOutcome
@testable import Verifier

/// A stand-in for sal's interpreter with the same pausing contract, running a line script:
/// `ask <question>` calls ask_llm, `answer` finishes with the last helper answer, `answer <int>` with a number.
struct ScriptInterpreter: PausableInterpreter {
    struct Paused {
        var lines: [String]
        var next: Int
        var last: JSONValue?
    }

    func start(_ job: CandidateJob) -> ProgramStep<Paused> {
        step(Paused(lines: job.program.split(separator: "\n").map(String.init), next: 0, last: nil))
    }

    func resume(_ paused: Paused, with answer: HelperAnswer) -> ProgramStep<Paused> {
        switch answer {
        case .miss(let reason):
            return .finished(Outcome(status: .limit, error: ErrorInfo(type: HelperAnswer.missErrorType, message: reason)))
        case .value(let value):
            var state = paused
            state.last = value
            return step(state)
        }
    }

    func step(_ state: Paused) -> ProgramStep<Paused> {
        var state = state
        while state.next < state.lines.count {
            let line = state.lines[state.next]
            state.next += 1
            if line.hasPrefix("ask ") { return .paused(.askLLM(String(line.dropFirst(4))), state) }
            if line == "answer" { return .finished(Outcome(status: .ok, answer: state.last)) }
            if line.hasPrefix("answer "), let value = Int(line.dropFirst(7)) {
                return .finished(Outcome(status: .ok, answer: .int(value)))
            }
        }
        return .finished(Outcome(status: .error, error: ErrorInfo(type: "NameError", message: "name 'answer' is not defined")))
    }
}

/// Forwards to a real backend and keeps every batch it was asked.
final class BatchLog: OracleBackend {
    let backend: any OracleBackend
    let batches = Mutex<[[String]]>([])

    init(_ backend: any OracleBackend) {
        self.backend = backend
    }

    func answer(_ calls: [HelperCall]) async -> [HelperAnswer] {
        batches.withLock { $0.append(calls.map(\.key)) }
        return await backend.answer(calls)
    }
}

@Suite struct PausingCandidateRunnerTests {
    static func oracle() throws -> BatchLog {
        let store = try OracleStore()
        _ = try store.importJSONL("""
            {"function": "ask_llm", "arguments": ["Legs of a spider?"], "answer": 8}
            {"function": "ask_llm", "arguments": ["Legs of an ant?"], "answer": 6}
            """, source: "test")
        return BatchLog(ReplayOracle(store: store))
    }

    static func job(_ id: String, _ program: String, preamble: String? = "") -> CandidateJob {
        CandidateJob(questionID: "q", candidateID: id, program: program, preamble: preamble, answerSpec: .auto)
    }

    @Test func gathersDeduplicatesAndResumes() async throws {
        let oracle = try Self.oracle()
        let runner = PausingCandidateRunner(interpreter: ScriptInterpreter(), oracle: oracle)
        let results = try await runner.run([
            Self.job("a", "ask Legs of a spider?\nanswer"),
            Self.job("b", "ask Legs of a spider?\nask Legs of an ant?\nanswer"),
            Self.job("c", "answer 3"),
            Self.job("d", "ask Legs of a spider?\nanswer"),
            Self.job("e", "ask Legs of a bee?\nanswer"),
            Self.job("f", "answer 1", preamble: nil),
        ])
        #expect(results.map(\.candidateID) == ["a", "b", "c", "d", "e", "f"])
        #expect(results[0].outcome == Outcome(status: .ok, answer: .int(8)))
        #expect(results[1].outcome == Outcome(status: .ok, answer: .int(6)))
        #expect(results[1].helperCalls == [HelperExchange(call: .askLLM("Legs of a spider?"), answer: .value(.int(8))),
                                           HelperExchange(call: .askLLM("Legs of an ant?"), answer: .value(.int(6)))])
        #expect(results[2].outcome.answer == .int(3) && results[2].helperCalls.isEmpty)
        #expect(results[4].outcome.status == .limit && results[4].outcome.error?.type == "OracleMiss")
        #expect(results[4].helperCalls.first?.answer == .miss(#"not recorded: ask_llm["Legs of a bee?"]"#))
        #expect(results[5].outcome.error?.type == CandidateRunResult.notRunErrorType)
        let batches = oracle.batches.withLock { $0 }
        #expect(batches == [[#"ask_llm["Legs of a spider?"]"#, #"ask_llm["Legs of a bee?"]"#],
                            [#"ask_llm["Legs of an ant?"]"#]], "one question per distinct call per round")
    }

    @Test func capsHelperCallsPerProgram() async throws {
        let runner = PausingCandidateRunner(interpreter: ScriptInterpreter(), oracle: try Self.oracle(),
                                            maxHelperCallsPerProgram: 2)
        let results = try await runner.run([Self.job("loop", "ask Legs of a spider?\nask Legs of a spider?\nask Legs of an ant?\nanswer")])
        #expect(results[0].helperCalls.map(\.answer) == [.value(.int(8)), .value(.int(8)), .miss("more than 2 helper calls")])
        #expect(results[0].outcome.error?.type == "OracleMiss")
    }
}

@Suite struct PausingPipelineTests {
    /// Helper calls made at run time reach the store, the votes and the repetition check.
    @Test func runtimeHelperCallsFlowIntoTheOutputs() async throws {
        let oracleStore = try OracleStore()
        _ = try oracleStore.importJSONL("""
            {"function": "ask_llm", "arguments": ["How many legs does a spider have?"], "answer": 8}
            {"function": "ask_llm", "arguments": ["How many spiders are in the jar?"], "answer": 2}
            {"function": "ask_llm", "arguments": ["Legs of a spider?"], "answer": 8}
            """, source: "test")
        let question = "Two spiders sit in a jar. How many spider legs are in the jar?"
        let programs = [
            "ask How many legs does a spider have?\nanswer 16",
            "ask Legs of a spider?\nanswer 16",
            "ask Two spiders sit in a jar. How many spider legs are in the jar?\nanswer",
            "answer 16",
        ]
        let lines = programs.map { program -> String in
            let escaped = program.replacingOccurrences(of: "\n", with: "\\n")
            return #"{"id": "s", "question": "\#(question)", "program": "\#(escaped)"}"#
        }
        let input = VerifyInput.read(jsonl: lines.joined(separator: "\n"))
        #expect(input.problems.isEmpty)
        let runner = PausingCandidateRunner(interpreter: ScriptInterpreter(), oracle: ReplayOracle(store: oracleStore))
        let store = try RunStore()
        try await VerifyPipeline(runner: runner, runnerName: "script", store: store).run(input)
        let verification = try Verification(store: store, options: VerifyOptions(rule: VoteRule(minimumShare: 0.5), parse: nil))
        let candidates = verification.questions[0].candidates
        #expect(candidates.map(\.outcomeLabel) == ["ok", "ok", "oracle-miss", "ok"])
        #expect(candidates.map { $0.restatement != nil } == [false, false, true, false])
        #expect(candidates.map(\.kept) == [true, true, false, true])
        #expect(candidates[2].why == "abstains (oracle-miss): OracleMiss: not recorded: "
                + #"ask_llm["Two spiders sit in a jar. How many spider legs are in the jar?"]"#)
        let stored = try store.storedQuestions()[0].results
        #expect(stored[0].helperCalls == [HelperExchange(call: .askLLM("How many legs does a spider have?"),
                                                         answer: .value(.int(8)))])
    }
}
