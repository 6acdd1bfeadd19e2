/// Where a program's answer is found after it ran.
///
/// `auto` tries, in order, the global `answer`, then `ans`, then a zero-argument function named
/// `solution`, `solver` or `main`. The trap: `auto` must not call a function when a variable matched,
/// since calling has effects (output, helper calls).
public enum AnswerSpec: Sendable, Equatable, Hashable, CustomStringConvertible {
    case variable(String)
    case call(String)
    case auto

    public static let autoVariables = ["answer", "ans"]
    public static let autoFunctions = ["solution", "solver", "main"]

    /// Parses `"var:NAME"`, `"call:NAME"` or `"auto"`; nil for anything else.
    public init?(parsing text: String) {
        if text == "auto" {
            self = .auto
        } else if text.hasPrefix("var:"), case let name = String(text.dropFirst(4)), Self.isIdentifier(name) {
            self = .variable(name)
        } else if text.hasPrefix("call:"), case let name = String(text.dropFirst(5)), Self.isIdentifier(name) {
            self = .call(name)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .variable(let name): "var:\(name)"
        case .call(let name): "call:\(name)"
        case .auto: "auto"
        }
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
    }
}
