import Oracle
import PythonSyntax

/// Helper calls visible in a program's text, found without running it.
///
/// A call `ask_llm(...)`, `lookup(...)` or `compare(...)` (the program must not rebind the name) whose
/// arguments include string literals or f-strings yields its text: literal parts kept, each replacement
/// field written `{}`. Calls built from variables are only seen at run time (`HelperExchange`).
public enum StaticHelperCalls {
    public struct Found: Sendable, Equatable {
        public var function: String
        /// The call's literal text arguments joined by a space.
        public var text: String
    }

    /// The names the program binds are collected only when it calls a helper by name at all (most
    /// programs do not), since that takes a second walk of the whole tree.
    public static func find(in module: Module) -> [Found] {
        var found: [Found] = []
        ASTWalk.statements(module.body, statement: { _ in }, expression: { collect($0, into: &found) })
        guard !found.isEmpty else { return found }
        let bound = BoundNames.collect(module.body)
        return found.filter { !bound.contains($0.function) }
    }

    /// Adds `expression` to `found` if it is a call of a helper by name with literal text arguments,
    /// whether or not the program rebinds that name (the caller filters those out).
    static func collect(_ expression: Expression, into found: inout [Found]) {
        guard case .call(let function, let arguments) = expression.kind, case .name(let name) = function.kind,
              HelperFunction(rawValue: name) != nil
        else { return }
        let texts = arguments.compactMap { argument -> String? in
            switch argument {
            case .positional(let value), .keyword(_, let value): literalText(value)
            case .starred, .doubleStarred: nil
            }
        }
        if !texts.isEmpty { found.append(Found(function: name, text: texts.joined(separator: " "))) }
    }

    static func literalText(_ expression: Expression) -> String? {
        switch expression.kind {
        case .constant(.string(let text)): text
        case .formattedString(let parts): formattedText(parts)
        default: nil
        }
    }

    static func formattedText(_ parts: [FormattedStringPart]) -> String {
        parts.map { part in
            switch part {
            case .literal(let text): text
            case .replacement: "{}"
            }
        }.joined()
    }
}
