import Foundation
import Testing
import Oracle
import ProgramOutcome
@testable import Verifier

/// `Corpus/verify-demo` (what `make demo` runs): every helper call is recorded and the figures its README
/// states hold.
@Suite struct DemoCorpusTests {
    static let directory = TestData.packageRoot.appendingPathComponent("Corpus/verify-demo")

    @Test func theDemoRunsWithEveryHelperCallAnswered() async throws {
        let input = VerifyInput.read(jsonl: try String(contentsOf: Self.directory.appendingPathComponent("questions.jsonl"),
                                                       encoding: .utf8))
        #expect(input.problems.isEmpty)
        #expect(input.questions.count == 14 && input.candidateCount == 105)
        let oracleStore = try OracleStore()
        let imported = try oracleStore.importJSONL(
            try String(contentsOf: Self.directory.appendingPathComponent("oracle.jsonl"), encoding: .utf8), source: "demo")
        #expect(imported.malformed.isEmpty && imported.conflicts.isEmpty)
        let store = try RunStore()
        let runner = PausingCandidateRunner(interpreter: SalInterpreter(), oracle: ReplayOracle(store: oracleStore), parallelism: 2)
        try await VerifyPipeline(runner: runner, runnerName: "sal", store: store).run(input)
        let verification = try Verification(store: store, options: VerifyOptions())
        let candidates = verification.questions.flatMap(\.candidates)
        #expect(candidates.allSatisfy { $0.ballot != .abstain(.oracleMiss) }, "the recorded oracle answers every call")
        let used = Set(candidates.flatMap { $0.result.helperCalls.map(\.call.key) })
        #expect(used.count >= imported.imported, "every recorded answer is asked for")
        #expect(candidates.filter { $0.ballot.answer == nil }.count == 5, "three NameErrors, a ZeroDivisionError, a SyntaxError")
        #expect(candidates.filter { $0.restatement != nil }.count >= 8)
        #expect(verification.statistics.majorityCorrect == 13)
        #expect(verification.questions.filter(\.decision.kept).map(\.question.id)
                == ["eiffel-pyramid", "iceland-wembley", "tom-money", "hours-weeks"])
        let diverse = verification.measure(.diverse)
        #expect(diverse.kept == 8 && diverse.correct == 8)
        #expect(verification.measure(.plurality).correct == 13)
    }
}
