/// A problem found in source text: a stable id, a message, and the range it concerns.
///
/// Where CPython 3.11 rejects the same text, `message` is CPython's message and `pythonType` the exception
/// it raises ("SyntaxError", "IndentationError", "TabError"); for constructs that only sal rejects
/// (unsupported features, sandbox rules, resource limits) `pythonType` is nil.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var id: DiagnosticID
    public var message: String
    public var range: SourceRange
    public var pythonType: String?

    public init(id: DiagnosticID, message: String, range: SourceRange, pythonType: String?) {
        self.id = id
        self.message = message
        self.range = range
        self.pythonType = pythonType
    }

    /// The plain "invalid syntax" family, which CPython's refined messages take precedence over.
    var isGenericSyntaxError: Bool {
        id == .invalidSyntax || id == .unexpectedIndent || id == .unexpectedUnindent
    }

    public var description: String { "\(range.start): error[\(id.rawValue)]: \(message)" }

    /// "file:line:col: error[id]: message", then the source line and a caret line under the range.
    ///
    /// Tabs before the range are kept in the caret line so the carets line up in a terminal.
    public func rendered(source: String, fileName: String) -> String {
        let header = "\(fileName):\(range.start.line):\(range.start.column): error[\(id.rawValue)]: \(message)"
        guard let lineText = Self.line(Int(range.start.line), of: source) else { return header }
        let scalars = Array(lineText.unicodeScalars)
        let startColumn = max(1, Int(range.start.column))
        var caretLine = ""
        for index in 0..<min(startColumn - 1, scalars.count) {
            caretLine.append(scalars[index] == "\t" ? "\t" : " ")
        }
        if startColumn - 1 > scalars.count {
            caretLine.append(String(repeating: " ", count: startColumn - 1 - scalars.count))
        }
        let endColumn = range.end.line == range.start.line ? Int(range.end.column) : scalars.count + 1
        caretLine.append(String(repeating: "^", count: max(1, endColumn - startColumn)))
        return header + "\n" + lineText + "\n" + caretLine
    }

    /// The text of 1-based line `number` without its line terminator, or nil past the end.
    private static func line(_ number: Int, of source: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var lineStart = source.unicodeScalars.startIndex
        var index = lineStart
        let scalars = source.unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                if current == number { return String(scalars[lineStart..<index]) }
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                current += 1
                lineStart = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        return current == number ? String(scalars[lineStart...]) : nil
    }
}

/// The Python exception types a diagnostic can correspond to.
enum PythonErrorType {
    static let syntaxError = "SyntaxError"
    static let indentationError = "IndentationError"
    static let tabError = "TabError"
}
