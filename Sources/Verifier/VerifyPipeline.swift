/// How far a run got.
public struct RunProgress: Sendable, Equatable {
    /// Questions in the shard.
    public var questionsInShard: Int
    /// Stored before this call started (a resumed run).
    public var alreadyStored: Int
    /// Stored by this call.
    public var storedNow: Int

    public var remaining: Int { questionsInShard - alreadyStored - storedNow }
}

/// Runs every candidate of every question of a shard and stores the results, resumably.
///
/// Questions go to the runner in batches of `questionsPerBatch` (all their candidates in one call, so the
/// runner can answer the helper calls of many programs together), up to `concurrentBatches` at once.
/// Each finished batch is committed to the store in one transaction; on restart, stored questions are
/// skipped. Votes and outputs come afterwards from the store (`Verification`).
public struct VerifyPipeline: Sendable {
    public var runner: any CandidateRunner
    public var store: RunStore
    /// Names the runner in the store's identity (see `RunIdentity.runner`).
    public var runnerName: String
    public var questionsPerBatch: Int
    public var concurrentBatches: Int
    /// Called after each committed batch with the run's progress so far (on the task that commits).
    public var onProgress: (@Sendable (RunProgress) -> Void)?

    public init(runner: any CandidateRunner, runnerName: String, store: RunStore, questionsPerBatch: Int = 8,
                concurrentBatches: Int = 2) {
        precondition(questionsPerBatch > 0 && concurrentBatches > 0, "batch size and concurrency must be positive")
        self.runner = runner
        self.runnerName = runnerName
        self.store = store
        self.questionsPerBatch = questionsPerBatch
        self.concurrentBatches = concurrentBatches
    }

    /// Runs the shard's unstored questions. `stopAfter` ends the run early once at least that many
    /// questions were stored by this call (batches already started still finish), which is how a stop
    /// and a later resume are exercised.
    @discardableResult
    public func run(_ input: VerifyInput, shard: ShardSpec = .whole, stopAfter: Int? = nil) async throws -> RunProgress {
        let inShard = input.questions.filter(shard.contains)
        try store.prepare(RunIdentity(inputFingerprint: input.fingerprint, runner: runnerName, shard: shard,
                                      questionsInShard: inShard.count),
                          input: input)
        let done = try store.completedQuestionIDs()
        let pending = inShard.filter { !done.contains($0.id) }
        let batches = stride(from: 0, to: pending.count, by: questionsPerBatch).map {
            Array(pending[$0..<min($0 + questionsPerBatch, pending.count)])
        }
        var progress = RunProgress(questionsInShard: inShard.count, alreadyStored: inShard.count - pending.count,
                                   storedNow: 0)
        let runner = runner
        try await withThrowingTaskGroup(of: [StoredQuestion].self) { group in
            var next = 0
            func shouldStart() -> Bool {
                next < batches.count && stopAfter.map { progress.storedNow < $0 } ?? true
            }
            while next < min(concurrentBatches, batches.count) {
                let batch = batches[next]
                group.addTask { try await Self.runBatch(batch, runner: runner) }
                next += 1
            }
            onProgress?(progress)
            while let finished = try await group.next() {
                try store.commit(finished)
                progress.storedNow += finished.count
                onProgress?(progress)
                if shouldStart() {
                    let batch = batches[next]
                    group.addTask { try await Self.runBatch(batch, runner: runner) }
                    next += 1
                }
            }
        }
        return progress
    }

    static func runBatch(_ questions: [QuestionInput], runner: any CandidateRunner) async throws -> [StoredQuestion] {
        let jobs = questions.flatMap { question in
            question.candidates.map { CandidateJob(question: question, candidate: $0) }
        }
        let results = try await runner.run(jobs)
        guard results.count == jobs.count else {
            throw RunnerContractError(message: "\(results.count) results for \(jobs.count) jobs")
        }
        var positionOfJob: [String: Int] = [:]
        for (position, job) in jobs.enumerated() {
            positionOfJob[RecordedResultRunner.key(job.questionID, job.candidateID)] = position
        }
        var resultsByJob = [CandidateRunResult?](repeating: nil, count: jobs.count)
        for result in results {
            let key = RecordedResultRunner.key(result.questionID, result.candidateID)
            guard let position = positionOfJob[key], resultsByJob[position] == nil else {
                throw RunnerContractError(
                    message: "unexpected or repeated result for \(result.questionID)/\(result.candidateID)")
            }
            resultsByJob[position] = result
        }
        var stored: [StoredQuestion] = []
        var position = 0
        for question in questions {
            let count = question.candidates.count
            stored.append(StoredQuestion(question: question,
                                         results: resultsByJob[position..<position + count].map { $0! }))
            position += count
        }
        return stored
    }
}
