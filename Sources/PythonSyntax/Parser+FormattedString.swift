extension Parser {
    /// Appends the parts of one f-string token, following CPython 3.11's `string_parser.c`.
    ///
    /// The contents are scanned byte by byte: literal text (with `{{`/`}}` and escapes), then replacement
    /// fields whose expression text is found by tracking quotes and brackets and is then lexed and parsed in
    /// place, so its nodes carry their true source positions. Errors of the scan are reported where CPython
    /// reports them: at `errorRange`, the token after the string literals.
    mutating func formattedStringContents(_ literal: Token, into parts: inout FormattedStringParts,
                                          errorRange: SourceRange) throws(Diagnostic) {
        let contents = contentsRange(of: literal)
        var cursor = contents.lowerBound
        let raw = literal.flags & StringFlags.raw != 0
        try formattedStringBody(literal, cursor: &cursor, end: contents.upperBound, raw: raw, level: 0,
                                into: &parts, errorRange: errorRange)
    }

    /// Literal text and replacement fields up to `end` (level 0) or to the '}' that closes a format spec.
    private mutating func formattedStringBody(_ literal: Token, cursor: inout Int, end: Int, raw: Bool, level: Int,
                                              into parts: inout FormattedStringParts,
                                              errorRange: SourceRange) throws(Diagnostic) {
        while true {
            let literalStart = cursor
            let doubledBrace = try formattedStringLiteral(cursor: &cursor, end: end, raw: raw, level: level,
                                                          errorRange: errorRange)
            let literalEnd = doubledBrace ? cursor - 1 : cursor
            if literalEnd > literalStart {
                var bytes: [UInt8] = []
                try appendDecoded(literalStart..<literalEnd, raw: raw, of: literal, to: &bytes, errorRange: errorRange)
                parts.appendLiteral(bytes)
            }
            if doubledBrace { continue }
            if cursor >= end || text[cursor] == UInt8(ascii: "}") { break }
            parts.appendReplacement(try replacementField(literal, cursor: &cursor, end: end, raw: raw, level: level,
                                                         errorRange: errorRange))
        }
        if level > 0 && (cursor >= end || text[cursor] != UInt8(ascii: "}")) {
            throw Diagnostic.formattedStringExpectingBrace(errorRange)
        }
    }

    /// CPython's `fstring_find_literal`: advances over literal text. Returns true after a doubled brace at
    /// level 0 (the cursor is then past both braces and the literal ends with one of them).
    private func formattedStringLiteral(cursor: inout Int, end: Int, raw: Bool, level: Int,
                                        errorRange: SourceRange) throws(Diagnostic) -> Bool {
        while cursor < end {
            var byte = text[cursor]
            cursor += 1
            if !raw && byte == UInt8(ascii: "\\") && cursor < end {
                byte = text[cursor]
                cursor += 1
                if byte == UInt8(ascii: "N") {
                    // `\N{...}` braces are not replacement fields.
                    if cursor < end && text[cursor] == UInt8(ascii: "{") {
                        cursor += 1
                        while cursor < end {
                            cursor += 1
                            if text[cursor - 1] == UInt8(ascii: "}") { break }
                        }
                    }
                    continue
                }
            }
            guard byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") else { continue }
            if level == 0 {
                if cursor < end && text[cursor] == byte {
                    cursor += 1
                    return true
                }
                if byte == UInt8(ascii: "}") { throw Diagnostic.formattedStringSingleClosingBrace(errorRange) }
            }
            cursor -= 1
            return false
        }
        return false
    }

    /// CPython's `fstring_find_expr`: one `{expression[=][!conversion][:spec]}` field; the cursor is at '{'.
    private mutating func replacementField(_ literal: Token, cursor: inout Int, end: Int, raw: Bool, level: Int,
                                           errorRange: SourceRange) throws(Diagnostic) -> FormattedStringPart {
        if level >= 2 { throw Diagnostic.formattedStringNestedTooDeeply(errorRange) }
        cursor += 1
        let expressionStart = cursor
        var quote: UInt8 = 0
        var tripleQuoted = false
        var brackets: [UInt8] = []
        scan: while cursor < end {
            let byte = text[cursor]
            if byte == UInt8(ascii: "\\") { throw Diagnostic.formattedStringBackslash(errorRange) }
            if quote != 0 {
                if byte == quote {
                    if !tripleQuoted {
                        quote = 0
                    } else if cursor + 2 < end && text[cursor + 1] == byte && text[cursor + 2] == byte {
                        cursor += 2
                        quote = 0
                    }
                }
                cursor += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                tripleQuoted = cursor + 2 < end && text[cursor + 1] == byte && text[cursor + 2] == byte
                if tripleQuoted { cursor += 2 }
                quote = byte
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                if brackets.count >= Lexer.maximumBracketDepth {
                    throw Diagnostic.formattedStringTooManyBrackets(errorRange)
                }
                brackets.append(byte)
            case UInt8(ascii: "#"):
                throw Diagnostic.formattedStringComment(errorRange)
            case UInt8(ascii: "!"), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"):
                guard brackets.isEmpty else { break }
                // `!=`, `==`, `<=`, `>=` and lone `<`, `>` belong to the expression.
                if byte != UInt8(ascii: ":") && cursor + 1 < end && text[cursor + 1] == UInt8(ascii: "=") {
                    cursor += 1
                } else if byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">") {
                    break scan
                }
            case UInt8(ascii: "}") where brackets.isEmpty:
                break scan
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard let opening = brackets.popLast() else {
                    throw Diagnostic.formattedStringUnmatchedBracket(Character(Unicode.Scalar(byte)), errorRange)
                }
                let matches = (opening == UInt8(ascii: "(") && byte == UInt8(ascii: ")"))
                    || (opening == UInt8(ascii: "[") && byte == UInt8(ascii: "]"))
                    || (opening == UInt8(ascii: "{") && byte == UInt8(ascii: "}"))
                if !matches {
                    throw Diagnostic.formattedStringMismatchedBracket(Character(Unicode.Scalar(byte)),
                                                                      Character(Unicode.Scalar(opening)), errorRange)
                }
            default:
                break
            }
            cursor += 1
        }
        if quote != 0 { throw Diagnostic.formattedStringUnterminatedString(errorRange) }
        if let opening = brackets.last {
            throw Diagnostic.formattedStringUnmatchedBracket(Character(Unicode.Scalar(opening)), errorRange)
        }
        if cursor >= end { throw Diagnostic.formattedStringExpectingBrace(errorRange) }
        let value = try replacementExpression(literal, expressionStart, cursor, errorRange: errorRange)

        var debugText: String?
        if text[cursor] == UInt8(ascii: "=") {
            cursor += 1
            while cursor < end && Parser.isASCIISpace(text[cursor]) { cursor += 1 }
            if cursor >= end { throw Diagnostic.formattedStringExpectingBrace(errorRange) }
            debugText = string(expressionStart, cursor)
        }
        var conversion: FormattedStringPart.Conversion?
        if text[cursor] == UInt8(ascii: "!") {
            cursor += 1
            if cursor >= end { throw Diagnostic.formattedStringExpectingBrace(errorRange) }
            switch text[cursor] {
            case UInt8(ascii: "s"): conversion = .str
            case UInt8(ascii: "r"): conversion = .repr
            case UInt8(ascii: "a"): conversion = .ascii
            default: throw Diagnostic.formattedStringInvalidConversion(errorRange)
            }
            cursor += 1
        }
        var spec: [FormattedStringPart]?
        if cursor < end && text[cursor] == UInt8(ascii: ":") {
            cursor += 1
            if cursor >= end { throw Diagnostic.formattedStringExpectingBrace(errorRange) }
            var specParts = FormattedStringParts()
            try formattedStringBody(literal, cursor: &cursor, end: end, raw: raw, level: level + 1,
                                    into: &specParts, errorRange: errorRange)
            spec = specParts.finished()
        }
        if cursor >= end || text[cursor] != UInt8(ascii: "}") {
            throw Diagnostic.formattedStringExpectingBrace(errorRange)
        }
        cursor += 1
        // `{x=}` shows the repr unless a conversion or a format spec is given.
        if debugText != nil && spec == nil && conversion == nil { conversion = .repr }
        return .replacement(value: value, conversion: conversion, spec: spec, debugText: debugText)
    }

    /// Python's `Py_ISSPACE` for ASCII.
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Lexes and parses the expression text `text[start..<end]` of a replacement field, as if it were
    /// parenthesized (CPython compiles `(expression)`).
    private mutating func replacementExpression(_ literal: Token, _ start: Int, _ end: Int,
                                                errorRange: SourceRange) throws(Diagnostic) -> Expression {
        var onlyWhitespace = true
        for offset in start..<end {
            let byte = text[offset]
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\n")
                && byte != UInt8(ascii: "\r") && byte != 0x0C {
                onlyWhitespace = false
                break
            }
        }
        if onlyWhitespace {
            let next = text[end]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: ":") || next == UInt8(ascii: "=") {
                throw Diagnostic.formattedStringMissingExpression(before: Character(Unicode.Scalar(next)), errorRange)
            }
            throw Diagnostic.formattedStringEmptyExpression(errorRange)
        }
        let (line, column) = location(of: start, in: literal)
        var lexer = Lexer(text: text, start: start, end: end, line: line, column: column, insideFormattedString: true)
        lexer.tokenize()
        if let failure = lexer.failure { throw failure.diagnostic }
        let subTokens = lexer.tokens
        let outer = context
        let result: Result<(Expression, ParseContext), Diagnostic> = subTokens.withUnsafeBufferPointer { buffer in
            var parser = Parser(text: text, tokens: buffer, context: outer)
            parser.bracketDepth = 1
            do throws(Diagnostic) {
                let value = try parser.starExpressions()
                guard parser.kind == .endMarker else { throw parser.syntaxError() }
                if case .starred = value.kind { throw Diagnostic.starredInGroup(value.range) }
                return .success((value, parser.context))
            } catch {
                var prefixed = error
                prefixed.message = "f-string: " + error.message
                return .failure(prefixed)
            }
        }
        var (value, innerContext) = try result.get()
        context = innerContext
        if case .tuple = value.kind, Parser.hasTopLevelComma(subTokens) {
            // CPython parses `(expression)`: an unparenthesized tuple takes the braces as its parentheses.
            let (openLine, openColumn) = location(of: start - 1, in: literal)
            let (closeLine, closeColumn) = location(of: end + 1, in: literal)
            value.range = SourceRange(start: SourceLocation(line: openLine, column: openColumn),
                                      end: SourceLocation(line: closeLine, column: closeColumn))
        }
        return value
    }

    private static func hasTopLevelComma(_ tokens: [Token]) -> Bool {
        var depth = 0
        for token in tokens {
            switch token.kind {
            case .leftParenthesis, .leftBracket, .leftBrace: depth += 1
            case .rightParenthesis, .rightBracket, .rightBrace: depth -= 1
            case .comma where depth == 0: return true
            default: break
            }
        }
        return false
    }

    /// Line and column of byte `offset` inside a string token.
    private func location(of offset: Int, in literal: Token) -> (Int32, Int32) {
        var line = literal.line
        var column = literal.column
        var position = Int(literal.start)
        while position < offset {
            let byte = text[position]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && text[position + 1] != UInt8(ascii: "\n")) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != UInt8(ascii: "\r") {
                column += 1
            }
            position += 1
        }
        return (line, column)
    }
}
