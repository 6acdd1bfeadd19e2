import ProgramOutcome

/// The host helpers a solution program may call, with their Python signatures.
///
/// - `ask_llm(question: str) -> str | int | float | bool`
/// - `lookup(entity: str, attribute: str) -> value`
/// - `compare(a, b, relation: str = ">") -> bool`
public enum HelperFunction: String, Sendable, CaseIterable {
    case askLLM = "ask_llm"
    case lookup
    case compare

    /// Parameter names in order; `compare`'s `relation` defaults to `">"`.
    public var parameterNames: [String] {
        switch self {
        case .askLLM: ["question"]
        case .lookup: ["entity", "attribute"]
        case .compare: ["a", "b", "relation"]
        }
    }

    var defaults: [String: JSONValue] {
        self == .compare ? ["relation": .string(">")] : [:]
    }

    /// Parameters that must be `str`.
    var stringParameters: Set<String> {
        switch self {
        case .askLLM: ["question"]
        case .lookup: ["entity", "attribute"]
        case .compare: ["relation"]
        }
    }

    /// The relations `compare` accepts, with the words used when the oracle is asked.
    public static let relations: [(symbol: String, words: String)] = [
        (">", "greater than"), ("<", "less than"), (">=", "greater than or equal to"),
        ("<=", "less than or equal to"), ("==", "equal to"), ("!=", "not equal to"),
    ]

    /// Whether `answer` has the type this helper promises: `compare` a bool, `ask_llm` a str, int,
    /// float or bool, `lookup` any non-null value. An answer of another type is a miss, not a coercion.
    public func accepts(_ answer: JSONValue) -> Bool {
        switch (self, answer) {
        case (.compare, .bool): true
        case (.compare, _): false
        case (.askLLM, .string), (.askLLM, .int), (.askLLM, .bigInteger), (.askLLM, .double), (.askLLM, .bool): true
        case (.askLLM, _): false
        case (.lookup, .null): false
        case (.lookup, _): true
        }
    }
}

/// A Python exception a host helper raises for bad arguments: CPython's type name and message.
public struct HelperCallError: Error, Sendable, Equatable, CustomStringConvertible {
    public var type: String
    public var message: String

    public init(type: String, message: String) {
        self.type = type
        self.message = message
    }

    public var description: String { "\(type): \(message)" }
}

extension HelperCall {
    /// Binds a Python call's positional and keyword arguments to a helper's signature, fills defaults and
    /// checks argument types, raising the `TypeError`/`ValueError` CPython would raise for a Python
    /// function of that signature. The interpreter calls this before pausing, so a bad call is a Python
    /// exception the program may catch, never an oracle question.
    public static func bind(function name: String, positional: [JSONValue],
                            keywords: [(String, JSONValue)] = []) throws(HelperCallError) -> HelperCall {
        guard let helper = HelperFunction(rawValue: name) else {
            throw HelperCallError(type: "NameError", message: "name '\(name)' is not defined")
        }
        let names = helper.parameterNames
        let required = names.filter { helper.defaults[$0] == nil }
        if positional.count > names.count {
            let takes = required.count == names.count
                ? "\(names.count) positional argument\(names.count == 1 ? "" : "s")"
                : "from \(required.count) to \(names.count) positional arguments"
            throw HelperCallError(type: "TypeError",
                                  message: "\(name)() takes \(takes) but \(positional.count) were given")
        }
        var bound: [String: JSONValue] = [:]
        for (index, value) in positional.enumerated() { bound[names[index]] = value }
        for (keyword, value) in keywords {
            guard names.contains(keyword) else {
                throw HelperCallError(type: "TypeError", message: "\(name)() got an unexpected keyword argument '\(keyword)'")
            }
            guard bound[keyword] == nil else {
                throw HelperCallError(type: "TypeError", message: "\(name)() got multiple values for argument '\(keyword)'")
            }
            bound[keyword] = value
        }
        let missing = required.filter { bound[$0] == nil }
        if !missing.isEmpty {
            let quoted = missing.map { "'\($0)'" }
            let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
            throw HelperCallError(
                type: "TypeError",
                message: "\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)")
        }
        var arguments: [JSONValue] = []
        for parameter in names {
            let value = bound[parameter] ?? helper.defaults[parameter]!
            if helper.stringParameters.contains(parameter), value.stringValue == nil {
                throw HelperCallError(type: "TypeError",
                                      message: "\(name)() argument '\(parameter)' must be str, not \(pythonTypeName(value))")
            }
            arguments.append(value)
        }
        if helper == .compare, let relation = arguments[2].stringValue,
           !HelperFunction.relations.contains(where: { $0.symbol == relation }) {
            let accepted = HelperFunction.relations.map { "'\($0.symbol)'" }.joined(separator: ", ")
            throw HelperCallError(type: "ValueError",
                                  message: "compare() relation must be one of \(accepted), not '\(relation)'")
        }
        return HelperCall(function: name, arguments: arguments)
    }

    static func pythonTypeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "NoneType"
        case .bool: "bool"
        case .int, .bigInteger: "int"
        case .double: "float"
        case .string: "str"
        case .array: "list"
        case .object: "dict"
        }
    }
}
