import Oracle
import ProgramOutcome

/// A stored record that does not have the shape this version of sal writes.
public struct RecordDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { "run store record: \(message)" }
}

/// Field access that throws `RecordDecodingError` instead of returning nil.
struct RecordReader {
    let value: JSONValue
    let context: String

    init(_ value: JSONValue, _ context: String) throws(RecordDecodingError) {
        guard case .object = value else { throw RecordDecodingError(message: "\(context) is not an object") }
        self.value = value
        self.context = context
    }

    func string(_ key: String) throws(RecordDecodingError) -> String {
        guard let text = value.member(key)?.stringValue else { throw missing(key, "string") }
        return text
    }

    func optionalString(_ key: String) -> String? { value.member(key)?.stringValue }

    func int(_ key: String) throws(RecordDecodingError) -> Int {
        guard let number = value.member(key)?.intPayload else { throw missing(key, "integer") }
        return number
    }

    func array(_ key: String) throws(RecordDecodingError) -> [JSONValue] {
        guard let items = value.member(key)?.arrayPayload else { throw missing(key, "array") }
        return items
    }

    /// The value, or nil when absent or JSON null.
    func optional(_ key: String) -> JSONValue? {
        guard let member = value.member(key), member != .null else { return nil }
        return member
    }

    func missing(_ key: String, _ kind: String) -> RecordDecodingError {
        RecordDecodingError(message: "\(context): missing \(kind) field \"\(key)\"")
    }
}

extension Outcome {
    /// The outcome as JSON, keys in `sal exec`'s order; `answer` is absent when there is none and
    /// `null` when the answer is `None`.
    public var recordJSON: JSONValue {
        var fields: [(String, JSONValue)] = [("status", .string(status.rawValue))]
        if let answer { fields.append(("answer", answer)) }
        fields.append(("answer_repr", answerRepr.map(JSONValue.string) ?? .null))
        fields.append(("answer_type", answerType.map(JSONValue.string) ?? .null))
        fields.append(("stdout", .string(stdout)))
        if let error {
            var errorFields: [(String, JSONValue)] = [("type", .string(error.type)), ("message", .string(error.message))]
            if let line = error.line { errorFields.append(("line", .int(line))) }
            if let column = error.column { errorFields.append(("column", .int(column))) }
            fields.append(("error", .object(errorFields)))
        } else {
            fields.append(("error", .null))
        }
        return .object(fields)
    }

    init(recordJSON value: JSONValue) throws(RecordDecodingError) {
        let reader = try RecordReader(value, "outcome")
        guard let status = OutcomeStatus(rawValue: try reader.string("status")) else {
            throw RecordDecodingError(message: "outcome: unknown status")
        }
        var error: ErrorInfo? = nil
        if let stored = reader.optional("error") {
            let errorReader = try RecordReader(stored, "outcome error")
            error = ErrorInfo(type: try errorReader.string("type"), message: try errorReader.string("message"),
                              line: stored.member("line")?.intPayload, column: stored.member("column")?.intPayload)
        }
        self.init(status: status, answer: value.member("answer"), answerRepr: reader.optionalString("answer_repr"),
                  answerType: reader.optionalString("answer_type"), stdout: reader.optionalString("stdout") ?? "",
                  error: error)
    }
}

extension CandidateRunResult {
    var storedJSON: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("candidate_id", .string(candidateID)),
            ("outcome", outcome.recordJSON),
            ("helper_calls", .array(helperCalls.map(\.recordJSON))),
        ]
        if usedRecordedResult { fields.append(("used_recorded_result", .bool(true))) }
        return .object(fields)
    }

    init(storedJSON value: JSONValue, questionID: String) throws(RecordDecodingError) {
        let reader = try RecordReader(value, "run result")
        var exchanges: [HelperExchange] = []
        for item in try reader.array("helper_calls") { exchanges.append(try HelperExchange(recordJSON: item)) }
        self.init(questionID: questionID, candidateID: try reader.string("candidate_id"),
                  outcome: try Outcome(recordJSON: reader.optional("outcome") ?? .null), helperCalls: exchanges,
                  usedRecordedResult: value.member("used_recorded_result") == .bool(true))
    }
}

extension HelperExchange {
    /// `{"function", "arguments", "answer"}` or, for a miss, `{"function", "arguments", "miss": reason}`.
    public var recordJSON: JSONValue {
        var fields: [(String, JSONValue)] = [("function", .string(call.function)), ("arguments", .array(call.arguments))]
        switch answer {
        case .value(let value): fields.append(("answer", value))
        case .miss(let reason): fields.append(("miss", .string(reason)))
        }
        return .object(fields)
    }

    init(recordJSON value: JSONValue) throws(RecordDecodingError) {
        let reader = try RecordReader(value, "helper call")
        let call = HelperCall(function: try reader.string("function"), arguments: try reader.array("arguments"))
        if let reason = reader.optionalString("miss") {
            self.init(call: call, answer: .miss(reason))
        } else {
            guard let answer = value.member("answer") else { throw reader.missing("answer", "JSON") }
            self.init(call: call, answer: .value(answer))
        }
    }
}
