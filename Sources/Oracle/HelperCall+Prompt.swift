import ProgramOutcome

extension HelperCall {
    /// The system message of every oracle request: it asks for a bare, typed answer on one line.
    public static let oracleSystemPrompt = """
        You answer questions asked by a program. Reply with the answer only, on one line, with no \
        explanation: "yes" or "no" for a yes/no question; a plain number (digits, optional minus sign \
        and decimal point, no units, currency signs or thousands separators) for a numeric question; \
        otherwise a short phrase.
        """

    /// The user message sent to the model for this call.
    ///
    /// - `ask_llm(q)`: `q` unchanged.
    /// - `lookup(e, a)`: `What is the <a> of <e>?`
    /// - `compare(a, b, r)`: `Is <a> <r in words> <b>? Answer yes or no.` (only reached when `a` or `b`
    ///   is not a number; numbers are compared locally).
    public var oracleQuestion: String {
        switch helper {
        case .askLLM:
            return arguments.first?.stringValue ?? ""
        case .lookup:
            return "What is the \(Self.plainText(arguments[1])) of \(Self.plainText(arguments[0]))?"
        case .compare:
            let relation = arguments[2].stringValue ?? ">"
            let words = HelperFunction.relations.first(where: { $0.symbol == relation })?.words ?? relation
            return "Is \(Self.plainText(arguments[0])) \(words) \(Self.plainText(arguments[1]))? Answer yes or no."
        case nil:
            return key
        }
    }

    /// A value as it reads in a question: strings bare, numbers and bools as Python prints them.
    static func plainText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .bool(let flag): flag ? "True" : "False"
        case .null: "None"
        case .int(let number): String(number)
        case .bigInteger(let digits): digits
        case .double(let number): number.description
        default: value.serialized
        }
    }
}
