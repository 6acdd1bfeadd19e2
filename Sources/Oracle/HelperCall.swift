import ProgramOutcome

/// One call a program made to a host helper (`ask_llm`, `lookup`, `compare`), with its arguments bound.
///
/// Arguments are positional and complete: defaults are filled in by `HelperCall.bind`, so
/// `compare(1, 2)` and `compare(1, 2, ">")` are the same call and share one `key`.
public struct HelperCall: Sendable, Hashable, CustomStringConvertible {
    public let function: String
    public let arguments: [JSONValue]

    public init(function: String, arguments: [JSONValue]) {
        self.function = function
        self.arguments = arguments
    }

    public static func askLLM(_ question: String) -> HelperCall {
        HelperCall(function: HelperFunction.askLLM.rawValue, arguments: [.string(question)])
    }

    public static func lookup(_ entity: String, _ attribute: String) -> HelperCall {
        HelperCall(function: HelperFunction.lookup.rawValue, arguments: [.string(entity), .string(attribute)])
    }

    public static func compare(_ a: JSONValue, _ b: JSONValue, _ relation: String = ">") -> HelperCall {
        HelperCall(function: HelperFunction.compare.rawValue, arguments: [a, b, .string(relation)])
    }

    /// The deduplication and storage key: the function name followed by the JSON text of the
    /// argument list, e.g. `ask_llm["Is Paris in France?"]`. Equal keys are equal calls.
    public var key: String { function + JSONValue.array(arguments).serialized }

    public var description: String { key }

    /// The known helper this call names, or nil for an unknown function name.
    public var helper: HelperFunction? { HelperFunction(rawValue: function) }
}

/// The answer to one helper call: a typed value, or an explicit miss that ends the calling program.
///
/// A miss is never turned into a default value: a program whose helper call missed stops with an
/// `OracleMiss` outcome (see `HelperAnswer.missErrorType`) and does not vote.
public enum HelperAnswer: Sendable, Hashable {
    case value(JSONValue)
    case miss(String)

    /// The `ErrorInfo.type` of the outcome of a program stopped by a missing answer.
    public static let missErrorType = "OracleMiss"

    public var value: JSONValue? {
        if case .value(let answer) = self { return answer }
        return nil
    }
}

/// Answers batches of helper calls. Answers come back in the order of `calls`, one per call.
///
/// Implementations never throw: every failure is a `.miss` with its reason, so one bad call does not
/// lose the answers of the rest of the batch.
public protocol OracleBackend: Sendable {
    func answer(_ calls: [HelperCall]) async -> [HelperAnswer]
}
