extension Parser {
    /// strings: STRING+   -- adjacent literals concatenate; with any f-string among them the result is an
    /// f-string (`.formattedString`), otherwise a string constant.
    mutating func strings() throws(Diagnostic) -> Expression {
        let start = position
        var flagsSeen: UInt8 = 0
        var bytesCount = 0
        while kind == .string {
            let flags = advance().flags
            flagsSeen |= flags
            if flags & StringFlags.bytes != 0 { bytesCount += 1 }
        }
        let count = position - start
        if bytesCount > 0 {
            // CPython raises this from the parser, at the token after the literals.
            if bytesCount != count { throw Diagnostic.mixedBytesLiterals(token.range) }
            context.deferred.salOnly(.unsupportedBytesLiteral(range(from: start)))
            return node(.constant(.string("")), from: start)
        }
        if flagsSeen & StringFlags.formatted == 0 {
            let errorRange = token.range
            if count == 1 {
                return node(.constant(.string(try decodedString(tokens[start], errorRange: errorRange))), from: start)
            }
            var bytes: [UInt8] = []
            for index in start..<position {
                try appendDecodedContents(of: tokens[index], to: &bytes, errorRange: errorRange)
            }
            return node(.constant(.string(String(decoding: bytes, as: UTF8.self))), from: start)
        }
        let errorRange = token.range
        var parts = FormattedStringParts()
        for index in start..<position {
            let piece = tokens[index]
            if piece.flags & StringFlags.formatted != 0 {
                try formattedStringContents(piece, into: &parts, errorRange: errorRange)
            } else {
                var bytes: [UInt8] = []
                try appendDecodedContents(of: piece, to: &bytes, errorRange: errorRange)
                parts.appendLiteral(bytes)
            }
        }
        return node(.formattedString(parts.finished()), from: start)
    }

    /// The byte range of a string token's contents, between its quotes.
    func contentsRange(of literal: Token) -> Range<Int> {
        var start = Int(literal.start)
        while text[start] != UInt8(ascii: "'") && text[start] != UInt8(ascii: "\"") { start += 1 }
        let quoteLength = literal.flags & StringFlags.triple != 0 ? 3 : 1
        return (start + quoteLength)..<(Int(literal.end) - quoteLength)
    }

    /// The value of a single non-formatted string token.
    private mutating func decodedString(_ literal: Token, errorRange: SourceRange) throws(Diagnostic) -> String {
        let contents = contentsRange(of: literal)
        var plain = true
        for offset in contents where text[offset] == UInt8(ascii: "\\") || text[offset] == UInt8(ascii: "\r") {
            plain = false
            break
        }
        if plain { return string(contents.lowerBound, contents.upperBound) }
        var bytes: [UInt8] = []
        try appendDecodedContents(of: literal, to: &bytes, errorRange: errorRange)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends a string token's value as UTF-8.
    mutating func appendDecodedContents(of literal: Token, to bytes: inout [UInt8],
                                        errorRange: SourceRange) throws(Diagnostic) {
        let contents = contentsRange(of: literal)
        try appendDecoded(contents, raw: literal.flags & StringFlags.raw != 0, of: literal, to: &bytes,
                          errorRange: errorRange)
    }

    /// Appends `text[range]` with escape sequences decoded (unless `raw`) and line breaks normalized to "\n".
    ///
    /// Unknown escapes such as `\d` stay as written (CPython 3.11 only warns). `\N{...}` is refused.
    /// Bad escapes are reported at `errorRange` (CPython: the token after the literals).
    mutating func appendDecoded(_ range: Range<Int>, raw: Bool, of literal: Token, to bytes: inout [UInt8],
                                errorRange: SourceRange) throws(Diagnostic) {
        var offset = range.lowerBound
        let end = range.upperBound
        bytes.reserveCapacity(bytes.count + end - offset)
        while offset < end {
            let byte = text[offset]
            if byte == UInt8(ascii: "\r") {
                bytes.append(UInt8(ascii: "\n"))
                offset += offset + 1 < end && text[offset + 1] == UInt8(ascii: "\n") ? 2 : 1
                continue
            }
            guard byte == UInt8(ascii: "\\"), offset + 1 < end else {
                bytes.append(byte)
                offset += 1
                continue
            }
            let escaped = text[offset + 1]
            if raw {
                bytes.append(byte)
                if escaped == UInt8(ascii: "\r") || escaped == UInt8(ascii: "\n") {
                    offset += 1
                } else {
                    bytes.append(escaped)
                    offset += 2
                }
                continue
            }
            let escapeStart = offset
            offset += 2
            switch escaped {
            case UInt8(ascii: "\n"): break
            case UInt8(ascii: "\r"):
                if offset < end && text[offset] == UInt8(ascii: "\n") { offset += 1 }
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): bytes.append(escaped)
            case UInt8(ascii: "a"): bytes.append(7)
            case UInt8(ascii: "b"): bytes.append(8)
            case UInt8(ascii: "f"): bytes.append(12)
            case UInt8(ascii: "n"): bytes.append(10)
            case UInt8(ascii: "r"): bytes.append(13)
            case UInt8(ascii: "t"): bytes.append(9)
            case UInt8(ascii: "v"): bytes.append(11)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = UInt32(escaped - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3, offset < end, text[offset] >= UInt8(ascii: "0"), text[offset] <= UInt8(ascii: "7") {
                    value = value * 8 + UInt32(text[offset] - UInt8(ascii: "0"))
                    offset += 1
                    digits += 1
                }
                Parser.appendUTF8(value, to: &bytes)
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let width = escaped == UInt8(ascii: "x") ? 2 : escaped == UInt8(ascii: "u") ? 4 : 8
                var value: UInt32 = 0
                for index in 0..<width {
                    guard offset < end, Lexer.isHexadecimalDigit(text[offset]) else {
                        let name = escaped == UInt8(ascii: "x") ? "\\xXX" : escaped == UInt8(ascii: "u") ? "\\uXXXX" : "\\UXXXXXXXX"
                        let position = "\(escapeStart - range.lowerBound)-\(escapeStart - range.lowerBound + 1 + index)"
                        throw Diagnostic.invalidEscape(position: position, "truncated \(name) escape", errorRange)
                    }
                    value = value * 16 + UInt32(NumberLiteral.digitValue(text[offset]))
                    offset += 1
                }
                if value > 0x10FFFF {
                    let position = "\(escapeStart - range.lowerBound)-\(offset - 1 - range.lowerBound)"
                    throw Diagnostic.invalidEscape(position: position, "illegal Unicode character", errorRange)
                }
                Parser.appendUTF8(value, to: &bytes)
            case UInt8(ascii: "N"):
                var close = offset + 1
                while close < end && text[close] != UInt8(ascii: "}") { close += 1 }
                guard offset < end, text[offset] == UInt8(ascii: "{"), close < end, close > offset + 1 else {
                    let position = "\(escapeStart - range.lowerBound)-\(escapeStart - range.lowerBound + 1)"
                    throw Diagnostic.invalidEscape(position: position, "malformed \\N character escape", errorRange)
                }
                context.deferred.salOnly(.unsupportedNamedUnicodeEscape(literal.range))
                offset = close + 1
                Parser.appendUTF8(0xFFFD, to: &bytes)
            default:
                // Unknown escape: kept as written; the escaped character is copied by the next iteration.
                bytes.append(byte)
                offset = escapeStart + 1
            }
        }
    }

    /// Appends the UTF-8 encoding of `value`; lone surrogates, which Swift strings cannot hold, become U+FFFD.
    static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        if scalar.value < 0x80 {
            bytes.append(UInt8(scalar.value))
        } else {
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
    }
}

/// Accumulates the parts of an f-string, merging adjacent literal text as CPython does.
struct FormattedStringParts {
    private var parts: [FormattedStringPart] = []
    private var literal: [UInt8] = []

    mutating func appendLiteral(_ bytes: [UInt8]) {
        literal.append(contentsOf: bytes)
    }

    mutating func appendReplacement(_ part: FormattedStringPart) {
        flushLiteral()
        parts.append(part)
    }

    private mutating func flushLiteral() {
        guard !literal.isEmpty else { return }
        parts.append(.literal(String(decoding: literal, as: UTF8.self)))
        literal.removeAll(keepingCapacity: true)
    }

    mutating func finished() -> [FormattedStringPart] {
        flushLiteral()
        return parts
    }
}
