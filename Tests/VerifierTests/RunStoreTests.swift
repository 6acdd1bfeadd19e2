import Foundation
import Testing
import Oracle
import ProgramOutcome
@testable import Verifier

/// A small input whose candidates carry recorded results, so the recorded runner can replay them.
enum SyntheticInput {
    /// Question i has 10 candidates: `agreeing` of them answer i, one answers -1, the rest fail.
    static func text(questions: Int) -> String {
        (0..<questions).map { index -> String in
            let agreeing = 6 + index % 5
            let candidates = (0..<10).map { slot -> String in
                if slot < agreeing {
                    return #"{"program": "answer = \#(index) + 0 * \#(slot)", "cpython_result": "\#(index)", "result_float": \#(index)}"#
                } else if slot == agreeing {
                    return #"{"program": "answer = -1", "cpython_result": "-1", "result_float": -1}"#
                }
                return #"{"program": "answer = x\#(slot)", "cpython_result": null, "result_float": null, "cpython_error": "NameError: name 'x\#(slot)' is not defined"}"#
            }
            return #"{"id": "q\#(index)", "question": "What is \#(index)?", "gold": \#(index % 7 == 3 ? -1 : index), "candidates": [\#(candidates.joined(separator: ", "))]}"#
        }.joined(separator: "\n") + "\nthis line is broken\n"
    }

    static let input = VerifyInput.read(jsonl: text(questions: 12))

    static func outputs(_ store: RunStore) throws -> [String] {
        let verification = try Verification(store: store, options: VerifyOptions(rule: VoteRule(minimumShare: 0.7)))
        return [verification.supervisionJSONL(), verification.pairsJSONL(), verification.candidatesJSONL(),
                verification.inputProblemsJSONL(), verification.reportMarkdown()]
    }

    static func singleRunOutputs() async throws -> [String] {
        let store = try RunStore()
        try await VerifyPipeline(runner: RecordedResultRunner(input: input), runnerName: "recorded", store: store).run(input)
        return try outputs(store)
    }
}

/// Fails the batch that contains the question with the given id, as a crash in a runner would.
struct FailingRunner: CandidateRunner {
    struct Crash: Error {}
    let inner: RecordedResultRunner
    let failingQuestion: String

    func run(_ batch: [CandidateJob]) async throws -> [CandidateRunResult] {
        if batch.contains(where: { $0.questionID == failingQuestion }) { throw Crash() }
        return try await inner.run(batch)
    }
}

/// Returns one result too few.
struct ShortRunner: CandidateRunner {
    func run(_ batch: [CandidateJob]) async throws -> [CandidateRunResult] {
        batch.dropLast().map { CandidateRunResult(questionID: $0.questionID, candidateID: $0.candidateID,
                                                  outcome: Outcome(status: .ok, answer: .int(1))) }
    }
}

@Suite struct RunStoreTests {
    let input = SyntheticInput.input

    @Test func aStoppedRunResumesWithNothingLostOrRepeated() async throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.sqlite").path
        let runner = RecordedResultRunner(input: input)
        do {
            let first = VerifyPipeline(runner: runner, runnerName: "recorded", store: try RunStore(path: path),
                                       questionsPerBatch: 2, concurrentBatches: 1)
            let progress = try await first.run(input, stopAfter: 5)
            #expect(progress.storedNow == 6 && progress.remaining == 6)
        }
        do {
            let crashing = VerifyPipeline(runner: FailingRunner(inner: runner, failingQuestion: "q9"), runnerName: "recorded",
                                          store: try RunStore(path: path), questionsPerBatch: 2, concurrentBatches: 1)
            await #expect(throws: FailingRunner.Crash.self) { try await crashing.run(input) }
        }
        let store = try RunStore(path: path)
        #expect(try store.completedCount() == 8, "the batches before the crash were kept")
        let resumed = VerifyPipeline(runner: runner, runnerName: "recorded", store: store, questionsPerBatch: 2)
        let progress = try await resumed.run(input)
        #expect(progress.alreadyStored == 8 && progress.storedNow == 4 && progress.remaining == 0)
        let again = try await resumed.run(input)
        #expect(again.storedNow == 0)
        #expect(try store.storedQuestions().map(\.question.id) == (0..<12).map { "q\($0)" })
        #expect(try store.inputProblems().map(\.line) == [13])
        #expect(try SyntheticInput.outputs(store) == (try await SyntheticInput.singleRunOutputs()))
    }

    @Test func storedResultsReadBackExactly() async throws {
        let store = try RunStore()
        let results = [
            CandidateRunResult(questionID: "q", candidateID: "a",
                               outcome: Outcome(status: .ok, answer: .double(2.5), answerRepr: "2.5", answerType: "float",
                                                stdout: "hi\n"),
                               helperCalls: [HelperExchange(call: .askLLM("x?"), answer: .value(.bool(true))),
                                             HelperExchange(call: .compare(.string("a"), .int(3)), answer: .miss("down"))]),
            CandidateRunResult(questionID: "q", candidateID: "b",
                               outcome: Outcome(status: .error, error: ErrorInfo(type: "ZeroDivisionError",
                                                                                 message: "division by zero", line: 2, column: 5))),
            CandidateRunResult(questionID: "q", candidateID: "c", outcome: Outcome(status: .ok, answer: .null, answerRepr: "None")),
        ]
        let text = """
            {"id": "q", "question": "Q?", "gold": "two", "cot_answers": [1], "candidates": [{"cid": "a", "program": "p", "preamble": "pot", "convention": "call:solution", "model": "m", "cpython_result": "2.5", "result_float": 2.5}, {"cid": "b", "program": "p2", "preamble": "fcot"}, {"cid": "c", "program": "p3"}]}
            """
        let input = VerifyInput.read(jsonl: text, catalog: PreambleCatalog(preambles: ["fcot": "import math\n"]))
        let question = try #require(input.questions.first)
        try store.prepare(RunIdentity(inputFingerprint: input.fingerprint, runner: "test", shard: .whole, questionsInShard: 1),
                          input: input)
        try store.commit(StoredQuestion(question: question, results: results))
        #expect(try store.storedQuestions() == [StoredQuestion(question: question, results: results)])
        #expect(try store.storedInput() == input, "the stored text and catalog read back as the same input")
        #expect(question.candidates[0].preamble == nil && question.candidates[1].preamble == "import math\n")
        #expect(throws: (any Error).self) { try store.commit(StoredQuestion(question: question, results: results)) }
    }

    @Test func refusesToResumeWithOtherInputOrRunner() async throws {
        let store = try RunStore()
        let runner = RecordedResultRunner(input: input)
        try await VerifyPipeline(runner: runner, runnerName: "recorded", store: store).run(input, stopAfter: 1)
        let other = VerifyInput.read(jsonl: SyntheticInput.text(questions: 3))
        await #expect(throws: RunStoreError.self) {
            try await VerifyPipeline(runner: runner, runnerName: "recorded", store: store).run(other)
        }
        await #expect(throws: RunStoreError.self) {
            try await VerifyPipeline(runner: runner, runnerName: "sal", store: store).run(input)
        }
        await #expect(throws: RunStoreError.self) {
            try await VerifyPipeline(runner: runner, runnerName: "recorded", store: store).run(input, shard: ShardSpec(index: 0, count: 2))
        }
    }

    @Test func aRunnerThatLosesAResultStopsTheRun() async throws {
        let store = try RunStore()
        await #expect(throws: RunnerContractError.self) {
            try await VerifyPipeline(runner: ShortRunner(), runnerName: "short", store: store).run(input)
        }
        #expect(try store.completedCount() == 0)
    }

    @Test(arguments: [ShardSpec.Assignment.hash, .position])
    func shardsMergeIntoTheSingleRunOutputs(_ assignment: ShardSpec.Assignment) async throws {
        let runner = RecordedResultRunner(input: input)
        var shardStores: [RunStore] = []
        var seen: [String] = []
        for index in 0..<3 {
            let shard = ShardSpec(index: index, count: 3, assignment: assignment)
            let store = try RunStore()
            try await VerifyPipeline(runner: runner, runnerName: "recorded", store: store).run(input, shard: shard)
            seen += try store.storedQuestions().map(\.question.id)
            shardStores.append(store)
        }
        #expect(seen.sorted() == input.questions.map(\.id).sorted(), "the shards partition the questions")
        let merged = try RunStore()
        let report = try merged.merge(from: shardStores)
        #expect(report.isComplete && report.questions == 12)
        #expect(try SyntheticInput.outputs(merged) == (try await SyntheticInput.singleRunOutputs()))
    }

    @Test func mergeReportsMissingShardsAndRefusesMixedRuns() async throws {
        let runner = RecordedResultRunner(input: input)
        let zero = try RunStore(), one = try RunStore(), otherRunner = try RunStore()
        try await VerifyPipeline(runner: runner, runnerName: "recorded", store: zero).run(input, shard: ShardSpec(parsing: "0/3")!)
        try await VerifyPipeline(runner: runner, runnerName: "recorded", store: one).run(input, shard: ShardSpec(parsing: "1/3")!,
                                                                                       stopAfter: 1)
        try await VerifyPipeline(runner: runner, runnerName: "sal", store: otherRunner).run(input, shard: ShardSpec(parsing: "2/3")!)
        let partial = try RunStore()
        let report = try partial.merge(from: [zero, one])
        #expect(report.missingShardIndices == [2] && !report.isComplete)
        #expect(report.shards.map(\.shard.index) == [0, 1])
        #expect(throws: RunStoreError.targetNotEmpty) { try partial.merge(from: [zero]) }
        #expect(throws: RunStoreError.self) { try RunStore().merge(from: [zero, otherRunner]) }
    }

    @Test func shardSpecParsing() {
        #expect(ShardSpec(parsing: "2/5") == ShardSpec(index: 2, count: 5))
        #expect(ShardSpec(parsing: "0/2:position") == ShardSpec(index: 0, count: 2, assignment: .position))
        #expect(ShardSpec(parsing: "5/5") == nil && ShardSpec(parsing: "1") == nil && ShardSpec(parsing: "0/2:x") == nil)
        #expect(ShardSpec(index: 1, count: 4, assignment: .position).description == "1/4:position")
    }
}
