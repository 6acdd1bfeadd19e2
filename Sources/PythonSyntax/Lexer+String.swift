extension Lexer {
    /// Finds the end of a string literal whose prefix starts at `start`; `cursor` is at the opening quote.
    ///
    /// Only the extent is found here (escapes are skipped, not decoded); the parser decodes the contents.
    /// An unterminated literal is reported at its start, with the line where the end of line or file was met.
    mutating func string(start: Int, flags prefixFlags: UInt8) {
        let startLine = line
        let startColumn = column(at: start)
        let quote = byte(at: cursor)
        var flags = prefixFlags
        cursor += 1
        if byte(at: cursor) == quote && byte(at: cursor + 1) == quote {
            flags |= StringFlags.triple
            cursor += 2
        }
        let triple = flags & StringFlags.triple != 0
        while true {
            let c = byte(at: cursor)
            if c == quote {
                cursor += 1
                if !triple { break }
                if byte(at: cursor) == quote && byte(at: cursor + 1) == quote {
                    cursor += 2
                    break
                }
            } else if c == UInt8(ascii: "\\") {
                cursor += 1
                let escaped = byte(at: cursor)
                if escaped == 0 && cursor >= end {
                    failUnterminatedString(triple: triple, line: startLine, column: startColumn)
                    return
                }
                if escaped == UInt8(ascii: "\n") || escaped == UInt8(ascii: "\r") {
                    consumeLineBreak()
                } else {
                    if escaped >= 0x80 { lineIsASCII = false }
                    cursor += 1
                }
            } else if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
                if !triple {
                    failUnterminatedString(triple: false, line: startLine, column: startColumn)
                    return
                }
                consumeLineBreak()
            } else if c == 0 && cursor >= end {
                failUnterminatedString(triple: triple, line: startLine, column: startColumn)
                return
            } else {
                if c >= 0x80 { lineIsASCII = false }
                cursor += 1
            }
        }
        append(.string, from: start, flags: flags, line: startLine, column: startColumn)
    }

    private mutating func failUnterminatedString(triple: Bool, line startLine: Int32, column startColumn: Int32) {
        // At the end of input CPython names the last line it read, not the empty one after a final newline.
        let detectedLine = cursor >= end && cursor == lineStart && line > startLine ? line - 1 : line
        let location = SourceLocation(line: startLine, column: startColumn)
        let range = SourceRange(start: location, end: SourceLocation(line: startLine, column: startColumn + 1))
        let diagnostic: Diagnostic = triple
            ? .unterminatedTripleQuotedString(detectedAt: detectedLine, range)
            : .unterminatedString(detectedAt: detectedLine, range)
        fail(diagnostic, .overridesParser)
    }
}
