import Oracle
import ProgramOutcome

/// What an interpreter that stops at host-helper calls returns after each stretch of execution.
public enum ProgramStep<Paused> {
    case finished(Outcome)
    /// The program called a helper; `Paused` holds everything needed to continue it.
    case paused(HelperCall, Paused)
}

/// The interface the verifier needs from sal's interpreter: run a program until it finishes or calls a
/// host helper, then resume it with the answer.
///
/// Contract: before pausing, the interpreter binds the call with `HelperCall.bind` (bad arguments are a
/// Python exception inside the program, never a pause). Resumed with `.value`, the helper call returns
/// that value (JSON → Python: int, float, str, bool, None, list). Resumed with `.miss`, the program
/// stops at once, uncatchable, with an outcome whose error type is `HelperAnswer.missErrorType`
/// (status `.limit`); it must not pause again. A `Paused` value is resumed once, by one thread at a time,
/// but rounds step programs on several threads, so `start` and `resume` must be safe to call concurrently
/// for different programs.
public protocol PausableInterpreter: Sendable {
    associatedtype Paused
    func start(_ job: CandidateJob) -> ProgramStep<Paused>
    func resume(_ paused: Paused, with answer: HelperAnswer) -> ProgramStep<Paused>
}

/// Runs a batch of programs on a pausable interpreter, answering their helper calls in rounds.
///
/// Each round steps every runnable program (in parallel over `parallelism` threads) until it finishes or
/// pauses, gathers the pending call of every paused program, asks the oracle once per distinct call key
/// not answered in an earlier round of the batch (in chunks of `oracleBatchSize`), and resumes every
/// program with its answer in the next round, so a call made by twenty programs costs one oracle
/// question. A program past `maxHelperCallsPerProgram` is resumed with a miss, which ends it.
///
/// A job whose program, preamble and answer convention equal an earlier job's of the batch is not run: it
/// takes that job's outcome and helper calls. Runs are deterministic and every program of a batch gets
/// the same answer to the same call, so the copy is what running it again would give (a run stopped by
/// the time limit is the exception, and its copy is as valid an outcome as a second run's).
public struct PausingCandidateRunner<Interpreter: PausableInterpreter>: CandidateRunner {
    public let interpreter: Interpreter
    public let oracle: any OracleBackend
    public var maxHelperCallsPerProgram: Int
    public var oracleBatchSize: Int
    /// Threads that step the programs of a round; 1 steps them in order on the calling task.
    public var parallelism: Int

    public init(interpreter: Interpreter, oracle: any OracleBackend, maxHelperCallsPerProgram: Int = 64,
                oracleBatchSize: Int = 256, parallelism: Int = 1) {
        precondition(maxHelperCallsPerProgram > 0 && oracleBatchSize > 0 && parallelism > 0, "limits must be positive")
        self.interpreter = interpreter
        self.oracle = oracle
        self.maxHelperCallsPerProgram = maxHelperCallsPerProgram
        self.oracleBatchSize = oracleBatchSize
        self.parallelism = parallelism
    }

    /// One stretch of execution to perform in a round.
    enum Work {
        case start(CandidateJob)
        case resume(Interpreter.Paused, HelperAnswer)
    }

    public func run(_ batch: [CandidateJob]) async throws -> [CandidateRunResult] {
        var outcomes = [Outcome?](repeating: nil, count: batch.count)
        var exchanges = [[HelperExchange]](repeating: [], count: batch.count)
        var work: [(position: Int, work: Work)] = []
        for (position, job) in batch.enumerated() {
            if job.preamble == nil {
                outcomes[position] = Outcome(status: .error, error: ErrorInfo(
                    type: CandidateRunResult.notRunErrorType, message: "the preamble named by the input is unknown"))
            } else {
                work.append((position, .start(job)))
            }
        }
        let firstOfSame = Self.firstOfSameJob(batch)
        work.removeAll { firstOfSame[$0.position] != nil }
        var answers: [String: HelperAnswer] = [:]
        while !work.isEmpty {
            let steps = perform(work.map(\.work))
            var waiting: [(position: Int, call: HelperCall, paused: Interpreter.Paused)] = []
            for (entry, step) in zip(work, steps) {
                switch step {
                case .finished(let outcome):
                    outcomes[entry.position] = outcome
                case .paused(let call, let paused):
                    if case .resume(_, .miss) = entry.work {
                        preconditionFailure("the interpreter paused again after a missing helper answer")
                    }
                    waiting.append((entry.position, call, paused))
                }
            }
            var distinct: [HelperCall] = []
            var seen: Set<String> = []
            for entry in waiting where exchanges[entry.position].count < maxHelperCallsPerProgram {
                if answers[entry.call.key] == nil, seen.insert(entry.call.key).inserted { distinct.append(entry.call) }
            }
            for start in stride(from: 0, to: distinct.count, by: oracleBatchSize) {
                let chunk = Array(distinct[start..<min(start + oracleBatchSize, distinct.count)])
                let chunkAnswers = await oracle.answer(chunk)
                precondition(chunkAnswers.count == chunk.count, "the oracle must answer every call")
                for (call, answer) in zip(chunk, chunkAnswers) { answers[call.key] = answer }
            }
            work = waiting.map { entry in
                let answer: HelperAnswer = exchanges[entry.position].count < maxHelperCallsPerProgram
                    ? answers[entry.call.key]!
                    : .miss("more than \(maxHelperCallsPerProgram) helper calls")
                exchanges[entry.position].append(HelperExchange(call: entry.call, answer: answer))
                return (entry.position, .resume(entry.paused, answer))
            }
        }
        return batch.indices.map { position in
            let source = firstOfSame[position] ?? position
            return CandidateRunResult(questionID: batch[position].questionID, candidateID: batch[position].candidateID,
                                      outcome: outcomes[source]!, helperCalls: exchanges[source])
        }
    }

    /// What makes two jobs run the same way: the program, its preamble and where its answer is read.
    struct SameRun: Hashable {
        let program: SampledText
        let preamble: SampledText?
        let answerSpec: AnswerSpec
    }

    /// For each job that repeats an earlier runnable job of the batch, that earlier job's position.
    static func firstOfSameJob(_ batch: [CandidateJob]) -> [Int?] {
        var firstPosition: [SameRun: Int] = [:]
        firstPosition.reserveCapacity(batch.count)
        return batch.indices.map { position in
            let job = batch[position]
            guard job.preamble != nil else { return nil }
            let key = SameRun(program: SampledText(job.program), preamble: job.preamble.map(SampledText.init),
                              answerSpec: job.answerSpec)
            if let first = firstPosition[key] { return first }
            firstPosition[key] = position
            return nil
        }
    }

    /// Performs every piece of work, on `parallelism` threads; results are in the order of `work`.
    func perform(_ work: [Work]) -> [ProgramStep<Interpreter.Paused>] {
        let interpreter = interpreter
        return ParallelMap.map(work, threads: parallelism) { Self.step($0, on: interpreter) }
    }

    static func step(_ item: Work, on interpreter: Interpreter) -> ProgramStep<Interpreter.Paused> {
        switch item {
        case .start(let job): interpreter.start(job)
        case .resume(let paused, let answer): interpreter.resume(paused, with: answer)
        }
    }
}
