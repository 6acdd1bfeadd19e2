import Oracle
import ProgramOutcome

/// One candidate to run: its program, the preamble executed first in the same globals, and where its
/// answer is read.
public struct CandidateJob: Sendable, Equatable {
    public var questionID: String
    public var candidateID: String
    public var program: String
    /// Nil when the input named a preamble the catalog does not know: the runner reports `notRun`.
    public var preamble: String?
    public var answerSpec: AnswerSpec

    public init(questionID: String, candidateID: String, program: String, preamble: String?, answerSpec: AnswerSpec) {
        self.questionID = questionID
        self.candidateID = candidateID
        self.program = program
        self.preamble = preamble
        self.answerSpec = answerSpec
    }

    public init(question: QuestionInput, candidate: CandidateInput) {
        self.init(questionID: question.id, candidateID: candidate.id, program: candidate.program,
                  preamble: candidate.preamble, answerSpec: candidate.answerSpec)
    }
}

/// A helper call a program made and the answer it received, in call order.
public struct HelperExchange: Sendable, Equatable {
    public var call: HelperCall
    public var answer: HelperAnswer

    public init(call: HelperCall, answer: HelperAnswer) {
        self.call = call
        self.answer = answer
    }
}

/// The record of one run: the outcome and every helper call with its answer.
public struct CandidateRunResult: Sendable, Equatable {
    public var questionID: String
    public var candidateID: String
    public var outcome: Outcome
    public var helperCalls: [HelperExchange]
    /// The outcome is the input's recorded result, taken because sal could not run the program
    /// (`RecordedFallbackRunner`).
    public var usedRecordedResult: Bool

    public init(questionID: String, candidateID: String, outcome: Outcome, helperCalls: [HelperExchange] = [],
                usedRecordedResult: Bool = false) {
        self.questionID = questionID
        self.candidateID = candidateID
        self.outcome = outcome
        self.helperCalls = helperCalls
        self.usedRecordedResult = usedRecordedResult
    }

    /// The outcome of a candidate that could not be run at all.
    public static let notRunErrorType = "NotRun"
}

/// Runs a batch of candidates. It returns exactly one result per job, with the job's question and
/// candidate ids (any order); a thrown error aborts the verify run (nothing of the batch is stored, so a resumed run
/// repeats it). Program failures are outcomes, never thrown errors.
public protocol CandidateRunner: Sendable {
    func run(_ batch: [CandidateJob]) async throws -> [CandidateRunResult]
}

/// A runner broke its contract (a missing, extra or repeated result).
public struct RunnerContractError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { "candidate runner: \(message)" }
}
