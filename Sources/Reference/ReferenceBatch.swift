import ProgramOutcome

/// One program of a batch: its id (echoed back), source, answer convention and preamble.
public struct ReferenceJob: Sendable, Equatable {
    public var id: String
    public var program: String
    public var answer: AnswerSpec
    public var preamble: String?

    public init(id: String, program: String, answer: AnswerSpec = .auto, preamble: String? = nil) {
        self.id = id
        self.program = program
        self.answer = answer
        self.preamble = preamble
    }
}

/// The reference outcome of one batch job.
public struct ReferenceResult: Sendable, Equatable {
    public var id: String
    public var outcome: Outcome

    public init(id: String, outcome: Outcome) {
        self.id = id
        self.outcome = outcome
    }
}

extension ReferenceInterpreter {
    /// Jobs handed to the interpreter thread at a time: large enough to amortize the hand-over,
    /// small enough that other callers are not held up behind a whole batch.
    static let batchChunkSize = 64

    /// Runs `jobs` in order under `limits`, each exactly as `run(program:answer:preamble:limits:)`
    /// would; results come back in the jobs' order. For `sal diff` and `sal bless`.
    ///
    /// Consecutive jobs with the same preamble compile it once.
    public func run(batch jobs: [ReferenceJob], limits: ReferenceLimits = .init()) -> [ReferenceResult] {
        var results: [ReferenceResult] = []
        results.reserveCapacity(jobs.count)
        for start in stride(from: 0, to: jobs.count, by: Self.batchChunkSize) {
            let chunk = Array(jobs[start..<min(start + Self.batchChunkSize, jobs.count)])
            results += perform { python in
                chunk.map { job in
                    ReferenceResult(id: job.id, outcome: python.run(
                        program: job.program, answer: job.answer, preamble: job.preamble, limits: limits))
                }
            }
        }
        return results
    }
}
