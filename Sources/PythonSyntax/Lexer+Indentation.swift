extension Lexer {
    /// Measures the indentation of a new line and emits INDENT/DEDENT tokens, with CPython's checks.
    ///
    /// Returns false when the line was blank (whitespace and/or a comment): it is consumed entirely and
    /// affects nothing. Tabs advance to the next multiple of 8; consistency is checked by measuring again
    /// with tabs as 1 column, as CPython does, and a disagreement is a TabError.
    mutating func processIndentation() -> Bool {
        var column: Int32 = 0
        var alternateColumn: Int32 = 0
        var continuationColumn: Int32?
        scan: while true {
            switch byte(at: cursor) {
            case UInt8(ascii: " "):
                column += 1
                alternateColumn += 1
            case UInt8(ascii: "\t"):
                column = (column / 8 + 1) * 8
                alternateColumn += 1
            case 0x0C:
                column = 0
                alternateColumn = 0
            case UInt8(ascii: "\\"):
                let next = byte(at: cursor + 1)
                guard next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r") else {
                    if next >= 0x80 { lineIsASCII = false }
                    fail(.lineContinuation(rangeOnLine(column: self.column(at: cursor + 1))), .whenReached)
                    return true
                }
                // Indentation cannot continue over lines: the first backslash fixes the level.
                if continuationColumn == nil { continuationColumn = column }
                cursor += 1
                consumeLineBreak()
                if cursor >= end {
                    failEndOfFileAfterContinuation()
                    return true
                }
                continue scan
            default:
                break scan
            }
            cursor += 1
        }
        let c = byte(at: cursor)
        if c == UInt8(ascii: "#") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") || (c == 0 && cursor >= end) {
            if c == UInt8(ascii: "#") { cursor = endOfLine(from: cursor) }
            if cursor >= end { return true }
            consumeLineBreak()
            atLineStart = true
            return false
        }
        if let continuationColumn {
            column = continuationColumn
            alternateColumn = continuationColumn
        }
        let indentationWidth = Int32(cursor - lineStart)
        let current = indents[indents.count - 1]
        if column == current {
            if alternateColumn != alternateIndents[alternateIndents.count - 1] { failInconsistentTabs() }
        } else if column > current {
            if indents.count >= Lexer.maximumIndentationLevels {
                fail(.tooManyIndentationLevels(rangeOnLine(column: 1)), .whenReached)
                return true
            }
            if alternateColumn <= alternateIndents[alternateIndents.count - 1] {
                failInconsistentTabs()
                return true
            }
            indents.append(column)
            alternateIndents.append(alternateColumn)
            let location = SourceLocation(line: line, column: indentationWidth)
            appendMarker(.indent, offset: cursor, location: location)
        } else {
            var dedents = 0
            while indents.count > 1 && column < indents[indents.count - 1] {
                indents.removeLast()
                alternateIndents.removeLast()
                dedents += 1
            }
            if column != indents[indents.count - 1] {
                // CPython reports this just past the end of the offending line.
                var lineEnd = cursor
                while true {
                    let d = byte(at: lineEnd)
                    if d == UInt8(ascii: "\n") || d == UInt8(ascii: "\r") || (d == 0 && lineEnd >= end) { break }
                    lineEnd += 1
                }
                let endColumn = Int32(scalarCount(from: lineStart, to: lineEnd)) + 1
                fail(.unindentMismatch(rangeOnLine(column: endColumn)), .whenReached)
                return true
            }
            if alternateColumn != alternateIndents[alternateIndents.count - 1] {
                failInconsistentTabs()
                return true
            }
            let location = SourceLocation(line: line, column: max(1, indentationWidth))
            for _ in 0..<dedents { appendMarker(.dedent, offset: cursor, location: location) }
        }
        return true
    }

    private mutating func failInconsistentTabs() {
        fail(.inconsistentTabs(rangeOnLine(column: 1)), .whenReached)
    }
}
