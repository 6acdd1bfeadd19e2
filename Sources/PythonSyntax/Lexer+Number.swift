extension Lexer {
    /// Scans a numeric literal, validating it exactly as CPython 3.11's tokenizer does.
    ///
    /// The structure (and the cursor movements that decide error columns) mirror CPython: an error is
    /// reported at the character before the cursor, so "invalid decimal literal" in `12abc` points at `2`.
    /// Values are computed later by the parser; here only `NumberFlags` are recorded.
    mutating func number() {
        let start = cursor
        var c = nextByte()
        if c == UInt8(ascii: ".") {
            c = nextByte()
            finishDecimal(start: start, afterIntegerPart: c, inFraction: true)
            return
        }
        guard c == UInt8(ascii: "0") else {
            guard let next = decimalTail() else { return }
            finishDecimal(start: start, afterIntegerPart: next, inFraction: false)
            return
        }
        c = nextByte()
        switch c | 0x20 {
        case UInt8(ascii: "x"):
            radixLiteral(start: start, kind: "hexadecimal", isDigit: Lexer.isHexadecimalDigit)
            return
        case UInt8(ascii: "o"):
            radixLiteral(start: start, kind: "octal") { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }
            return
        case UInt8(ascii: "b"):
            radixLiteral(start: start, kind: "binary") { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") }
            return
        default:
            break
        }
        // A decimal literal starting with 0: only zeros may follow, unless it turns out to be a float.
        var nonzero = false
        while true {
            if c == UInt8(ascii: "_") {
                c = nextByte()
                if !Lexer.isDigit(c) {
                    cursor -= 1
                    failNumber(.invalidNumberLiteral("decimal", numberErrorRange()))
                    return
                }
            }
            if c != UInt8(ascii: "0") { break }
            c = nextByte()
        }
        let zerosEnd = cursor
        if Lexer.isDigit(c) {
            nonzero = true
            guard let next = decimalTail() else { return }
            c = next
        }
        if c == UInt8(ascii: ".") || c | 0x20 == UInt8(ascii: "e") || c | 0x20 == UInt8(ascii: "j") {
            finishDecimal(start: start, afterIntegerPart: c, inFraction: false)
            return
        }
        if nonzero {
            cursor -= 1
            let startColumn = column(at: start)
            let range = SourceRange(start: SourceLocation(line: line, column: startColumn),
                                    end: SourceLocation(line: line, column: startColumn + Int32(zerosEnd - start)))
            failNumber(.leadingZeros(range))
            return
        }
        guard verifyEndOfNumber(c, kind: "decimal") else { return }
        cursor -= 1
        appendOnLine(.number, from: start)
    }

    @inline(__always) private mutating func nextByte() -> UInt8 {
        let c = byte(at: cursor)
        cursor += 1
        return c
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }

    static func isHexadecimalDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f"))
    }

    /// The column CPython reports for number errors: that of the character before the cursor.
    private mutating func numberErrorRange() -> SourceRange {
        let reported = column(at: cursor) - 1
        return rangeOnLine(column: max(1, reported))
    }

    private mutating func failNumber(_ diagnostic: Diagnostic) {
        fail(diagnostic, .overridesParser)
    }

    /// `0x`, `0o`, `0b` literals; `cursor` is just past the radix letter.
    private mutating func radixLiteral(start: Int, kind: String, isDigit: (UInt8) -> Bool) {
        var c = nextByte()
        let checksDecimalDigits = kind != "hexadecimal"
        repeat {
            if c == UInt8(ascii: "_") {
                c = nextByte()
            }
            if !isDigit(c) {
                if checksDecimalDigits && Lexer.isDigit(c) {
                    failNumber(.invalidDigit(c, in: kind, numberErrorRange()))
                } else {
                    cursor -= 1
                    failNumber(.invalidNumberLiteral(kind, numberErrorRange()))
                }
                return
            }
            repeat { c = nextByte() } while isDigit(c)
        } while c == UInt8(ascii: "_")
        if checksDecimalDigits && Lexer.isDigit(c) {
            failNumber(.invalidDigit(c, in: kind, numberErrorRange()))
            return
        }
        guard verifyEndOfNumber(c, kind: kind) else { return }
        cursor -= 1
        appendOnLine(.number, from: start, flags: NumberFlags.prefixedRadix)
    }

    /// Digits and single underscores after a first digit; returns the first other byte (consumed).
    private mutating func decimalTail() -> UInt8? {
        while true {
            var c: UInt8
            repeat { c = nextByte() } while Lexer.isDigit(c)
            if c != UInt8(ascii: "_") { return c }
            c = nextByte()
            if !Lexer.isDigit(c) {
                cursor -= 1
                failNumber(.invalidNumberLiteral("decimal", numberErrorRange()))
                return nil
            }
        }
    }

    /// Fraction, exponent and imaginary suffix; `c` (consumed) follows the integer part, or is the first
    /// digit after the point when `inFraction`.
    private mutating func finishDecimal(start: Int, afterIntegerPart first: UInt8, inFraction: Bool) {
        var flags: UInt8 = 0
        var c = first
        if inFraction || c == UInt8(ascii: ".") {
            flags |= NumberFlags.float
            if !inFraction { c = nextByte() }
            if Lexer.isDigit(c) {
                guard let next = decimalTail() else { return }
                c = next
            }
        }
        if c | 0x20 == UInt8(ascii: "e") {
            let exponentLetter = c
            c = nextByte()
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                c = nextByte()
                if !Lexer.isDigit(c) {
                    cursor -= 1
                    failNumber(.invalidNumberLiteral("decimal", numberErrorRange()))
                    return
                }
            } else if !Lexer.isDigit(c) {
                // `1else`: the number ends before the letter.
                cursor -= 1
                guard verifyEndOfNumber(exponentLetter, kind: "decimal") else { return }
                cursor -= 1
                appendOnLine(.number, from: start, flags: flags)
                return
            }
            flags |= NumberFlags.float
            guard let next = decimalTail() else { return }
            c = next
        }
        if c | 0x20 == UInt8(ascii: "j") {
            flags |= NumberFlags.imaginary
            c = nextByte()
            guard verifyEndOfNumber(c, kind: "imaginary") else { return }
        } else {
            guard verifyEndOfNumber(c, kind: "decimal") else { return }
        }
        cursor -= 1
        appendOnLine(.number, from: start, flags: flags)
    }

    /// CPython's `verify_end_of_number`: a number may touch `and`, `else`, `for`, `if`, `in`, `is`, `not`,
    /// `or` (deprecated but accepted); any other ASCII identifier character right after it is an error.
    /// `c` has been consumed.
    private mutating func verifyEndOfNumber(_ c: UInt8, kind: String) -> Bool {
        let accepted: Bool
        switch c {
        case UInt8(ascii: "a"): accepted = lookahead("nd")
        case UInt8(ascii: "e"): accepted = lookahead("lse")
        case UInt8(ascii: "f"): accepted = lookahead("or")
        case UInt8(ascii: "i"):
            let next = byte(at: cursor)
            accepted = next == UInt8(ascii: "f") || next == UInt8(ascii: "n") || next == UInt8(ascii: "s")
        case UInt8(ascii: "o"): accepted = lookahead("r")
        case UInt8(ascii: "n"): accepted = lookahead("ot")
        default: accepted = false
        }
        if accepted { return true }
        // Only ASCII counts here: a non-ASCII character simply ends the number (CPython 3.11 behaves so).
        if Lexer.isASCIIIdentifierByte(c) {
            cursor -= 1
            failNumber(.invalidNumberLiteral(kind, numberErrorRange()))
            return false
        }
        return true
    }

    /// Whether the bytes at the cursor spell `rest` followed by a non-identifier character.
    private func lookahead(_ rest: StaticString) -> Bool {
        let bytes = rest.utf8Start
        for index in 0..<rest.utf8CodeUnitCount where byte(at: cursor + index) != bytes[index] { return false }
        return !Lexer.isPotentialIdentifierByte(byte(at: cursor + rest.utf8CodeUnitCount))
    }
}
