/// Character classes and case mappings as CPython 3.11 defines them (Unicode 14.0).
///
/// Swift's scalar properties follow a newer Unicode version, so every scalar assigned after 14.0 is
/// treated as unassigned (category Cn, no case mapping), which is what CPython 3.11 sees. Python's
/// whitespace differs from Unicode's White_Space (it includes U+001C...U+001F), so it is listed here.
enum PyUnicode {
    /// True when CPython 3.11's Unicode database (14.0) knows the scalar.
    @inline(__always)
    static func isAssigned(_ s: Unicode.Scalar) -> Bool {
        guard let age = s.properties.age else { return false }
        return age.major < 14 || (age.major == 14 && age.minor == 0)
    }

    /// The general category CPython 3.11 reports (`unicodedata.category`).
    static func category(_ s: Unicode.Scalar) -> Unicode.GeneralCategory {
        isAssigned(s) ? s.properties.generalCategory : .unassigned
    }

    /// `str.isprintable` for one character; also decides what `repr` escapes.
    static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x7F { return v >= 0x20 }
        if v < 0xA1 { return false }
        switch category(s) {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// `str.isspace` for one character (also what `split()` and `strip()` treat as whitespace).
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x09 && v <= 0x0D) || (v >= 0x1C && v <= 0x20) }
        return isNonASCIISpace(v)
    }

    static func isNonASCIISpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Line boundaries of `str.splitlines` (`\r\n` is handled by the caller).
    static func isLineBreak(_ v: UInt32) -> Bool {
        switch v {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    static func isAlpha(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        switch category(s) {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isDecimal(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return isAssigned(s) && s.properties.numericType == .decimal
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        guard isAssigned(s), let type = s.properties.numericType else { return false }
        return type == .decimal || type == .digit
    }

    static func isNumeric(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return isAssigned(s) && s.properties.numericType != nil && !numericSince14.contains(v)
    }

    /// Ideographs Unicode gave a numeric value after 14.0.
    static let numericSince14: Set<UInt32> = [
        0x4E24, 0x4EAC, 0x4FE9, 0x5006, 0x62D0, 0x6D1E, 0x7695, 0x79ED, 0x920E, 0x94A9,
        0x12038, 0x12039, 0x12079, 0x12226, 0x1222B, 0x1230B, 0x1230D, 0x12399,
    ]

    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        isAlpha(s) || isDecimal(s) || isDigit(s) || isNumeric(s)
    }

    static func isLower(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        switch v {
        case 0x295: return true
        case 0x10FC, 0xA7F2, 0xA7F3, 0xA7F4, 0xAB69: return false
        default: return isAssigned(s) && s.properties.isLowercase
        }
    }

    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return isAssigned(s) && s.properties.isUppercase
    }

    static func isTitlecase(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x80 && category(s) == .titlecaseLetter
    }

    static func isCased(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return isAssigned(s) && s.properties.isCased
    }

    static func isCaseIgnorable(_ s: Unicode.Scalar) -> Bool {
        isAssigned(s) && s.properties.isCaseIgnorable
    }

    static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x5F || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return isAssigned(s) && s.properties.isXIDStart
    }

    static func isIdentifierContinue(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return v == 0x5F || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)
        }
        if v == 0x200C || v == 0x200D || v == 0x30FB || v == 0xFF65 { return false }
        return isAssigned(s) && s.properties.isXIDContinue
    }

    // MARK: Case mappings (full mappings, as str.upper/lower/title use them)

    static func appendUpper(_ s: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let v = s.value
        if v < 0x80 {
            out.append(v >= 0x61 && v <= 0x7A ? Unicode.Scalar(v - 32)! : s)
        } else if isAssigned(s) && !mapsToNewerScalar(v) {
            out.append(contentsOf: s.properties.uppercaseMapping.unicodeScalars)
        } else {
            out.append(s)
        }
    }

    static func appendLower(_ s: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let v = s.value
        if v < 0x80 {
            out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : s)
        } else if isAssigned(s) {
            out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
        } else {
            out.append(s)
        }
    }

    static func appendTitle(_ s: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let v = s.value
        if v < 0x80 {
            out.append(v >= 0x61 && v <= 0x7A ? Unicode.Scalar(v - 32)! : s)
        } else if isAssigned(s) && !mapsToNewerScalar(v) {
            out.append(contentsOf: s.properties.titlecaseMapping.unicodeScalars)
        } else {
            out.append(s)
        }
    }

    /// Letters whose uppercase partner was added after Unicode 14.0.
    @inline(__always)
    static func mapsToNewerScalar(_ v: UInt32) -> Bool {
        v == 0x19B || v == 0x264 || v == 0xA7D3 || v == 0xA7D5
    }

    /// `str.casefold` of one character: the lowercase mapping except where full case folding differs.
    static func appendCasefold(_ s: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        if s.value >= 0x80, let folded = casefoldExceptions[s.value] {
            for v in folded { out.append(Unicode.Scalar(v)!) }
        } else {
            appendLower(s, to: &out)
        }
    }

    /// Characters whose full case folding (CaseFolding.txt, statuses C and F) differs from their
    /// full lowercase mapping, with the folding; generated from CPython 3.11's `str.casefold`.
    static let casefoldExceptions: [UInt32: [UInt32]] = CasefoldTable.exceptions
}
