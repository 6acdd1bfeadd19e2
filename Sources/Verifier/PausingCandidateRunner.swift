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
/// (status `.limit`), keeping the output printed so far; it must not pause again.
/// `Paused` values never leave the task that created them, so they need not be Sendable.
public protocol PausableInterpreter: Sendable {
    associatedtype Paused
    func start(_ job: CandidateJob) -> ProgramStep<Paused>
    func resume(_ paused: Paused, with answer: HelperAnswer) -> ProgramStep<Paused>
}

/// Runs a batch of programs on a pausable interpreter, answering their helper calls in rounds.
///
/// Each round gathers the pending call of every paused program, asks the oracle once per distinct call
/// key (in chunks of `oracleBatchSize`), and resumes every program with its answer, so a call made by
/// twenty programs costs one oracle question. A program past `maxHelperCallsPerProgram` is resumed with a
/// miss, which ends it.
public struct PausingCandidateRunner<Interpreter: PausableInterpreter>: CandidateRunner {
    public let interpreter: Interpreter
    public let oracle: any OracleBackend
    public var maxHelperCallsPerProgram: Int
    public var oracleBatchSize: Int

    public init(interpreter: Interpreter, oracle: any OracleBackend, maxHelperCallsPerProgram: Int = 64,
                oracleBatchSize: Int = 256) {
        precondition(maxHelperCallsPerProgram > 0 && oracleBatchSize > 0, "limits must be positive")
        self.interpreter = interpreter
        self.oracle = oracle
        self.maxHelperCallsPerProgram = maxHelperCallsPerProgram
        self.oracleBatchSize = oracleBatchSize
    }

    struct Waiting {
        var position: Int
        var call: HelperCall
        var paused: Interpreter.Paused
    }

    public func run(_ batch: [CandidateJob]) async throws -> [CandidateRunResult] {
        var outcomes = [Outcome?](repeating: nil, count: batch.count)
        var exchanges = [[HelperExchange]](repeating: [], count: batch.count)
        var waiting: [Waiting] = []
        func settle(_ position: Int, _ step: ProgramStep<Interpreter.Paused>, afterMiss: Bool) {
            switch step {
            case .finished(let outcome):
                outcomes[position] = outcome
            case .paused(let call, let paused):
                precondition(!afterMiss, "the interpreter paused again after a missing helper answer")
                waiting.append(Waiting(position: position, call: call, paused: paused))
            }
        }
        for (position, job) in batch.enumerated() {
            guard job.preamble != nil else {
                outcomes[position] = Outcome(status: .error, error: ErrorInfo(
                    type: CandidateRunResult.notRunErrorType, message: "the preamble named by the input is unknown"))
                continue
            }
            settle(position, interpreter.start(job), afterMiss: false)
        }
        while !waiting.isEmpty {
            let round = waiting
            waiting = []
            var distinct: [HelperCall] = []
            var seen: Set<String> = []
            for entry in round where exchanges[entry.position].count < maxHelperCallsPerProgram {
                if seen.insert(entry.call.key).inserted { distinct.append(entry.call) }
            }
            var answers: [String: HelperAnswer] = [:]
            for start in stride(from: 0, to: distinct.count, by: oracleBatchSize) {
                let chunk = Array(distinct[start..<min(start + oracleBatchSize, distinct.count)])
                let chunkAnswers = await oracle.answer(chunk)
                precondition(chunkAnswers.count == chunk.count, "the oracle must answer every call")
                for (call, answer) in zip(chunk, chunkAnswers) { answers[call.key] = answer }
            }
            for entry in round {
                let answer: HelperAnswer = exchanges[entry.position].count < maxHelperCallsPerProgram
                    ? answers[entry.call.key]!
                    : .miss("more than \(maxHelperCallsPerProgram) helper calls")
                exchanges[entry.position].append(HelperExchange(call: entry.call, answer: answer))
                let isMiss = if case .miss = answer { true } else { false }
                settle(entry.position, interpreter.resume(entry.paused, with: answer), afterMiss: isMiss)
            }
        }
        return batch.indices.map { position in
            CandidateRunResult(questionID: batch[position].questionID, candidateID: batch[position].candidateID,
                               outcome: outcomes[position]!,
                               helperCalls: exchanges[position])
        }
    }
}
