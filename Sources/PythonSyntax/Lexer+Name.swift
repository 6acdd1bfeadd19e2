extension Lexer {
    @inline(__always) static func isASCIIIdentifierByte(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_")
    }

    /// CPython's `is_potential_identifier_char`: ASCII identifier characters and every non-ASCII byte.
    @inline(__always) static func isPotentialIdentifierByte(_ c: UInt8) -> Bool {
        isASCIIIdentifierByte(c) || c >= 0x80
    }

    /// A name, a keyword, or the prefix of a string literal (`f"..."`, `rb'...'`).
    mutating func nameOrString() {
        let start = cursor
        var sawNonASCII = false
        while true {
            let c = byte(at: cursor)
            if Lexer.isASCIIIdentifierByte(c) {
                cursor += 1
            } else if c >= 0x80 {
                sawNonASCII = true
                cursor += 1
            } else {
                break
            }
        }
        let length = cursor - start
        let next = byte(at: cursor)
        if length <= 2, next == UInt8(ascii: "\"") || next == UInt8(ascii: "'"),
           let flags = stringPrefixFlags(start: start, length: length) {
            string(start: start, flags: flags)
            return
        }
        if sawNonASCII {
            lineIsASCII = false
            guard verifyIdentifier(start: start) else { return }
        }
        appendOnLine(keyword(start: start, length: length) ?? .name, from: start)
    }

    /// The flags of a valid string prefix (r, u, f, b, and the pairs rb/br/rf/fr, any case), or nil.
    private func stringPrefixFlags(start: Int, length: Int) -> UInt8? {
        var flags: UInt8 = 0
        var sawUnicode = false
        for offset in start..<(start + length) {
            let bit: UInt8
            switch text[offset] | 0x20 {
            case UInt8(ascii: "r"): bit = StringFlags.raw
            case UInt8(ascii: "f"): bit = StringFlags.formatted
            case UInt8(ascii: "b"): bit = StringFlags.bytes
            case UInt8(ascii: "u"):
                if sawUnicode || length > 1 { return nil }
                sawUnicode = true
                continue
            default: return nil
            }
            if flags & bit != 0 { return nil }
            flags |= bit
        }
        if flags & StringFlags.formatted != 0 && flags & StringFlags.bytes != 0 { return nil }
        return flags
    }

    /// Checks a name with non-ASCII characters the way CPython does (XID_Start, then XID_Continue).
    ///
    /// On failure it reports the first offending character: "invalid character '…' (U+2026)".
    private mutating func verifyIdentifier(start: Int) -> Bool {
        var offset = start
        var first = true
        while offset < cursor {
            let (scalar, length) = decodeScalar(at: offset)
            let valid: Bool
            if scalar.value < 0x80 {
                valid = !first || !(scalar.value >= 0x30 && scalar.value <= 0x39)
            } else {
                valid = first ? scalar.properties.isXIDStart : scalar.properties.isXIDContinue
            }
            if !valid {
                let column = column(at: offset)
                let range = rangeOnLine(column: column)
                if Lexer.isPrintable(scalar) {
                    fail(.invalidCharacter(scalar, range), .overridesParser)
                } else {
                    fail(.invalidNonPrintableCharacter(scalar, range), .overridesParser)
                }
                return false
            }
            first = false
            offset += length
        }
        return true
    }

    /// Python's `str.isprintable` for one character.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
             .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// Decodes the (valid) UTF-8 sequence at `offset`.
    func decodeScalar(at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(text[offset])
        let value: UInt32
        let length: Int
        if lead < 0x80 {
            return (Unicode.Scalar(UInt8(lead)), 1)
        } else if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(text[offset + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(text[offset + 1] & 0x3F) << 6 | UInt32(text[offset + 2] & 0x3F)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(text[offset + 1] & 0x3F) << 12
                | UInt32(text[offset + 2] & 0x3F) << 6 | UInt32(text[offset + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    @inline(__always) private func matches(_ start: Int, _ length: Int, _ word: StaticString) -> Bool {
        guard length == word.utf8CodeUnitCount else { return false }
        let bytes = word.utf8Start
        for index in 1..<length where text[start + index] != bytes[index] { return false }
        return true
    }

    /// The keyword spelled by `text[start..<start+length]`, if any.
    private func keyword(start: Int, length: Int) -> TokenKind? {
        guard length >= 2 && length <= 8 else { return nil }
        switch text[start] {
        case UInt8(ascii: "F"): return matches(start, length, "False") ? .keywordFalse : nil
        case UInt8(ascii: "N"): return matches(start, length, "None") ? .keywordNone : nil
        case UInt8(ascii: "T"): return matches(start, length, "True") ? .keywordTrue : nil
        case UInt8(ascii: "a"):
            if matches(start, length, "and") { return .keywordAnd }
            if matches(start, length, "as") { return .keywordAs }
            if matches(start, length, "assert") { return .keywordAssert }
            if matches(start, length, "async") { return .keywordAsync }
            if matches(start, length, "await") { return .keywordAwait }
            return nil
        case UInt8(ascii: "b"): return matches(start, length, "break") ? .keywordBreak : nil
        case UInt8(ascii: "c"):
            if matches(start, length, "class") { return .keywordClass }
            if matches(start, length, "continue") { return .keywordContinue }
            return nil
        case UInt8(ascii: "d"):
            if matches(start, length, "def") { return .keywordDef }
            if matches(start, length, "del") { return .keywordDel }
            return nil
        case UInt8(ascii: "e"):
            if matches(start, length, "elif") { return .keywordElif }
            if matches(start, length, "else") { return .keywordElse }
            if matches(start, length, "except") { return .keywordExcept }
            return nil
        case UInt8(ascii: "f"):
            if matches(start, length, "for") { return .keywordFor }
            if matches(start, length, "from") { return .keywordFrom }
            if matches(start, length, "finally") { return .keywordFinally }
            return nil
        case UInt8(ascii: "g"): return matches(start, length, "global") ? .keywordGlobal : nil
        case UInt8(ascii: "i"):
            if length == 2 {
                switch text[start + 1] {
                case UInt8(ascii: "f"): return .keywordIf
                case UInt8(ascii: "n"): return .keywordIn
                case UInt8(ascii: "s"): return .keywordIs
                default: return nil
                }
            }
            return matches(start, length, "import") ? .keywordImport : nil
        case UInt8(ascii: "l"): return matches(start, length, "lambda") ? .keywordLambda : nil
        case UInt8(ascii: "n"):
            if matches(start, length, "not") { return .keywordNot }
            if matches(start, length, "nonlocal") { return .keywordNonlocal }
            return nil
        case UInt8(ascii: "o"): return matches(start, length, "or") ? .keywordOr : nil
        case UInt8(ascii: "p"): return matches(start, length, "pass") ? .keywordPass : nil
        case UInt8(ascii: "r"):
            if matches(start, length, "return") { return .keywordReturn }
            if matches(start, length, "raise") { return .keywordRaise }
            return nil
        case UInt8(ascii: "t"): return matches(start, length, "try") ? .keywordTry : nil
        case UInt8(ascii: "w"):
            if matches(start, length, "while") { return .keywordWhile }
            if matches(start, length, "with") { return .keywordWith }
            return nil
        case UInt8(ascii: "y"): return matches(start, length, "yield") ? .keywordYield : nil
        default: return nil
        }
    }
}
