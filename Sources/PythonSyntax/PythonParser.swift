#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entry points of sal's Python front end: source text -> `Module`, or the first diagnostic.
public enum PythonParser {
    /// Parses a whole module. Throws the first diagnostic (CPython also reports only the first error).
    public static func parse(_ source: String) throws(Diagnostic) -> Module {
        var source = source
        let result = source.withUTF8 { buffer in
            Result { () throws(Diagnostic) -> Module in try parse(utf8: buffer) }
        }
        return try result.get()
    }

    /// Parses UTF-8 bytes; invalid UTF-8 is a diagnostic, as in CPython.
    public static func parse(bytes: [UInt8]) throws(Diagnostic) -> Module {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(Diagnostic) -> Module in
                if let diagnostic = UTF8Validation.firstError(in: buffer) { throw diagnostic }
                return try parse(utf8: buffer)
            }
        }
        return try result.get()
    }

    /// Lexes and parses valid UTF-8, then settles which error CPython would report first.
    static func parse(utf8 text: UnsafeBufferPointer<UInt8>) throws(Diagnostic) -> Module {
        // Tokens hold 32-bit offsets.
        if text.count > Int(Int32.max) {
            let start = SourceLocation(line: 1, column: 1)
            throw Diagnostic.sourceTooLarge(limit: Int(Int32.max), SourceRange(start: start, end: start))
        }
        if let base = text.baseAddress, let nulPointer = memchr(base, 0, text.count) {
            let nul = UnsafePointer<UInt8>(nulPointer.assumingMemoryBound(to: UInt8.self)) - base
            let location = UTF8Validation.location(of: nul, in: text)
            throw Diagnostic.nullByte(SourceRange(start: location, end: location))
        }
        var lexer = Lexer(text: text, end: text.count)
        lexer.tokenize()
        let failure = lexer.failure
        let tokens = lexer.tokens
        let result = tokens.withUnsafeBufferPointer { tokenBuffer in
            Result { () throws(Diagnostic) -> Module in
                var stackMarker: UInt8 = 0
                var context = ParseContext()
                context.stackBase = withUnsafeMutablePointer(to: &stackMarker) { UInt(bitPattern: $0) }
                var parser = Parser(text: text, tokens: tokenBuffer, context: context)
                let module: Module
                do throws(Diagnostic) {
                    module = try parser.file()
                } catch {
                    var chosen = error
                    var reached = max(parser.position, parser.furthest)
                    // CPython's second pass, with all its error rules on (see `Parser.secondPass`).
                    var second = Parser(text: text, tokens: tokenBuffer, context: context)
                    second.secondPass = true
                    second.backtracking = true
                    do throws(Diagnostic) {
                        _ = try second.file()
                    } catch {
                        if !error.isGenericSyntaxError { chosen = error }
                        reached = max(reached, second.position, second.furthest)
                    }
                    throw resolve(chosen, failurePosition: reached, lexerFailure: failure, tokens: tokenBuffer)
                }
                if let deferred = parser.context.deferred.first { throw deferred }
                return module
            }
        }
        return try result.get()
    }

    /// CPython lets most tokenizer errors win over a parser error found earlier in the file (it tokenizes
    /// the rest of the file before reporting), except an unexpected indent; an unclosed bracket wins only
    /// when the parser error lies on a later line than the bracket.
    private static func resolve(_ parserError: Diagnostic, failurePosition: Int, lexerFailure: LexerFailure?,
                                tokens: UnsafeBufferPointer<Token>) -> Diagnostic {
        guard let lexerFailure else { return parserError }
        if failurePosition >= lexerFailure.tokenIndex { return lexerFailure.diagnostic }
        if parserError.id == .unexpectedIndent || parserError.id == .unexpectedUnindent { return parserError }
        switch lexerFailure.precedence {
        case .overridesParser:
            return lexerFailure.diagnostic
        case .whenReached:
            return parserError
        case .unclosedBracket(let openedOnLine):
            return tokens[failurePosition].line > openedOnLine ? lexerFailure.diagnostic : parserError
        }
    }
}
