import Foundation
import Oracle
import ProgramOutcome

/// A runner that replays the results a reference run recorded in the input (the GSM8K file's CPython
/// fields) instead of executing anything: the vote code sees the same records sal's own runs produce.
public struct RecordedResultRunner: CandidateRunner {
    let recorded: [String: RecordedRun]

    public init(input: VerifyInput) {
        var recorded: [String: RecordedRun] = [:]
        for question in input.questions {
            for candidate in question.candidates {
                if let run = candidate.recorded { recorded[Self.key(question.id, candidate.id)] = run }
            }
        }
        self.recorded = recorded
    }

    /// Whether the input recorded a result for the job's candidate.
    func hasRecord(for job: CandidateJob) -> Bool {
        recorded[Self.key(job.questionID, job.candidateID)] != nil
    }

    static func key(_ questionID: String, _ candidateID: String) -> String {
        questionID + "\u{1F}" + candidateID
    }

    public func run(_ batch: [CandidateJob]) async throws -> [CandidateRunResult] {
        batch.map { job in
            guard let run = recorded[Self.key(job.questionID, job.candidateID)] else {
                return CandidateRunResult(questionID: job.questionID, candidateID: job.candidateID, outcome: Outcome(
                    status: .error,
                    error: ErrorInfo(type: CandidateRunResult.notRunErrorType, message: "the input recorded no result")))
            }
            return CandidateRunResult(questionID: job.questionID, candidateID: job.candidateID, outcome: run.outcome)
        }
    }
}

extension RecordedRun {
    /// The recorded result as an `Outcome`: `"<Type>: <message>"` errors become error, syntax
    /// (`SyntaxError`, `IndentationError`, `TabError`) or limit (`Timeout`) outcomes; a result becomes an
    /// `ok` outcome whose answer is the int or float value, or the Python literal the repr spells
    /// (`True`, `None`, a string); other reprs (sympy expressions, tuples) keep only `answerRepr`.
    public var outcome: Outcome {
        if let error {
            let type = String(error.prefix(while: { $0 != ":" }))
            var message = String(error.dropFirst(type.count))
            if message.hasPrefix(":") { message.removeFirst() }
            if message.hasPrefix(" ") { message.removeFirst() }
            var line: Int? = nil
            if let range = message.range(of: "(line ", options: .backwards), message.hasSuffix(")") {
                line = Int(message[range.upperBound...].dropLast())
            }
            let status: OutcomeStatus = switch AnswerNormalizer.abstainReason(forRecordedError: error) {
            case .syntax: .syntax
            case .limit: .limit
            default: .error
            }
            return Outcome(status: status, error: ErrorInfo(type: type, message: message, line: line))
        }
        guard let repr = resultRepr else { return Outcome(status: .ok) }
        if let value = resultFloat {
            if let integer = Int(repr) { return Outcome(status: .ok, answer: .int(integer), answerRepr: repr, answerType: "int") }
            return Outcome(status: .ok, answer: .double(value), answerRepr: repr, answerType: "float")
        }
        switch repr {
        case "True", "False":
            return Outcome(status: .ok, answer: .bool(repr == "True"), answerRepr: repr, answerType: "bool")
        case "None":
            return Outcome(status: .ok, answer: .null, answerRepr: repr, answerType: "NoneType")
        default:
            if let text = AnswerNormalizer.pythonStringLiteral(repr) {
                return Outcome(status: .ok, answer: .string(text), answerRepr: repr, answerType: "str")
            }
            return Outcome(status: .ok, answerRepr: repr)
        }
    }
}
