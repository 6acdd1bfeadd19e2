import BigInt

/// Integer <-> text conversions with CPython's rules: `str(n)`, `hex`/`oct`/`bin`, and `int(s, base)`.
///
/// The trap: CPython 3.11 refuses decimal (non power-of-two base) conversions of more than 4300 digits
/// in either direction (ValueError), which also keeps sal's quadratic conversions cheap.
public enum IntFormatting {
    /// CPython's default `sys.get_int_max_str_digits()`.
    public static let maxStringDigits = 4300

    /// `str(n)` of a big int; ValueError beyond 4300 digits.
    public static func decimalString(_ big: BigInt) throws(ExecutionError) -> String {
        if let small = Int(exactly: big) { return String(small) }
        // 4300 digits need at least 14_281 bits; anything well beyond cannot fit, so skip converting it.
        if big.magnitude.bitWidth > 14_300 { throw .exception(.valueError(tooManyDigitsMessage)) }
        let text = big.magnitude.description
        if text.utf8.count > maxStringDigits { throw .exception(.valueError(tooManyDigitsMessage)) }
        return big.sign == .minus ? "-" + text : text
    }

    /// The decimal digits of an int or bool value (for `str`, `repr`, `%d`, `{:d}`).
    public static func decimalString(_ value: Value) throws(ExecutionError) -> String? {
        switch value {
        case .int(let i): return String(i)
        case .bool(let b): return b ? "1" : "0"
        case .bigInt(let b): return try decimalString(b.value)
        default: return nil
        }
    }

    static let tooManyDigitsMessage =
        "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"

    /// Digits of |n| in base 2, 8 or 16 (no limit: these conversions are linear).
    static func radixDigits(_ magnitude: BigUInt, radix: Int, uppercase: Bool, _ context: ExecutionContext) throws(ExecutionError) -> String {
        try context.reserve(bytes: magnitude.bitWidth / (radix == 2 ? 1 : (radix == 8 ? 3 : 4)) + 1)
        return String(magnitude, radix: radix, uppercase: uppercase)
    }

    /// `hex(n)`, `oct(n)`, `bin(n)`: sign, prefix and digits.
    static func prefixed(_ value: BigInt, radix: Int, _ context: ExecutionContext) throws(ExecutionError) -> String {
        let prefix = radix == 16 ? "0x" : (radix == 8 ? "0o" : "0b")
        let digits = try radixDigits(value.magnitude, radix: radix, uppercase: false, context)
        return (value.sign == .minus && !value.isZero ? "-" : "") + prefix + digits
    }

    // MARK: Parsing

    /// `int(text, base)`: whitespace, sign, base prefixes, single underscores between digits; base 0
    /// infers the base from the prefix. ValueError with CPython's message (quoting `text` by repr).
    public static func parse(_ text: String, base: Int, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        func invalid() throws(ExecutionError) -> Never {
            let quoted = (try? Repr.repr(.string(text))) ?? "'\(text)'"
            throw .exception(.valueError("invalid literal for int() with base \(base): \(quoted)"))
        }
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        var negative = false
        if let first = scalars.first, first == "+" || first == "-" {
            negative = first == "-"
            scalars.removeFirst()
        }
        var radix = base
        var hadPrefix = false
        if scalars.count >= 2, scalars.first == "0" {
            let marker = scalars[scalars.index(after: scalars.startIndex)]
            let prefixRadix: Int? = switch marker {
            case "x", "X": 16
            case "o", "O": 8
            case "b", "B": 2
            default: nil
            }
            if let prefixRadix, base == 0 || base == prefixRadix {
                radix = prefixRadix
                hadPrefix = true
                scalars.removeFirst(2)
            }
        }
        if radix == 0 { radix = 10 }
        var digits: [UInt8] = []
        digits.reserveCapacity(scalars.count)
        // Single underscores between digits; with a prefix, one may also precede the first digit.
        var underscoreAllowed = hadPrefix
        var needsDigit = true
        for scalar in scalars {
            if scalar == "_" {
                guard underscoreAllowed else { try invalid() }
                underscoreAllowed = false
                needsDigit = true
                continue
            }
            guard let digit = digitValue(scalar), digit < radix else { try invalid() }
            digits.append(UInt8(digit))
            underscoreAllowed = true
            needsDigit = false
        }
        if needsDigit { try invalid() }
        // Base 0 forbids leading zeros on decimal literals other than zero itself ("010").
        if base == 0 && !hadPrefix && digits.count > 1 && digits[0] == 0 && digits.contains(where: { $0 != 0 }) {
            try invalid()
        }
        if radix & (radix - 1) != 0 && digits.count > maxStringDigits {
            throw .exception(.valueError("Exceeds the limit (4300 digits) for integer string conversion: value has \(digits.count) digits; use sys.set_int_max_str_digits() to increase the limit"))
        }
        try context.reserve(bytes: digits.count / 2)
        return .integer(accumulate(digits, radix: radix, negative: negative))
    }

    /// The value of a digit character in bases up to 36 (Unicode decimal digits count as 0-9).
    private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0x61...0x7A: return Int(scalar.value - 0x61 + 10)
        case 0x41...0x5A: return Int(scalar.value - 0x41 + 10)
        default:
            if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
                return Int(value)
            }
            return nil
        }
    }

    private static func accumulate(_ digits: [UInt8], radix: Int, negative: Bool) -> BigInt {
        // Chunks of digits that fit in a UInt64, multiplied in with one BigInt step each.
        var chunkLength = 1
        var chunkScale = UInt64(radix)
        while true {
            let (next, overflow) = chunkScale.multipliedReportingOverflow(by: UInt64(radix))
            if overflow || next > UInt64(1) << 62 { break }
            chunkScale = next
            chunkLength += 1
        }
        var result = BigUInt(0)
        var index = 0
        while index < digits.count {
            let end = min(index + chunkLength, digits.count)
            var chunk: UInt64 = 0
            var scale: UInt64 = 1
            for d in digits[index..<end] {
                chunk = chunk * UInt64(radix) + UInt64(d)
                scale *= UInt64(radix)
            }
            if result.isZero {
                result = BigUInt(chunk)
            } else {
                result.multiply(byWord: UInt(scale))
                result += BigUInt(chunk)
            }
            index = end
        }
        return BigInt(sign: negative ? .minus : .plus, magnitude: result)
    }
}

/// `float(text)`: Python's float syntax (with `inf`, `infinity`, `nan`, underscores between digits),
/// correctly rounded.
public enum FloatParsing {
    public static func parse(_ text: String) throws(ExecutionError) -> Double {
        guard let value = value(of: text) else {
            let quoted = (try? Repr.repr(.string(text))) ?? "'\(text)'"
            throw .exception(.valueError("could not convert string to float: \(quoted)"))
        }
        return value
    }

    /// The float `text` denotes, or nil when it is not valid float syntax.
    public static func value(of text: String) -> Double? {
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        var negative = false
        if let first = scalars.first, first == "+" || first == "-" {
            negative = first == "-"
            scalars.removeFirst()
        }
        let word = String(String.UnicodeScalarView(scalars)).lowercased()
        if word == "inf" || word == "infinity" { return negative ? -.infinity : .infinity }
        if word == "nan" { return negative ? -.nan : .nan }
        // Validate: digits[_digits]* [. digits...] [e [sign] digits...], at least one mantissa digit.
        var ascii: [UInt8] = []
        ascii.reserveCapacity(scalars.count + 1)
        if negative { ascii.append(UInt8(ascii: "-")) }
        var mantissaDigits = 0
        var state = 0 // 0: integer part, 1: fraction, 2: exponent start, 3: exponent digits
        var previous: UInt8 = 0
        for scalar in scalars {
            var byte: UInt8
            if scalar.isASCII {
                byte = UInt8(scalar.value)
            } else if scalar.properties.numericType == .decimal, let v = scalar.properties.numericValue {
                byte = UInt8(ascii: "0") + UInt8(v)
            } else {
                return nil
            }
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if byte == UInt8(ascii: "_") {
                guard previous >= UInt8(ascii: "0") && previous <= UInt8(ascii: "9") else { return nil }
                previous = byte
                continue
            }
            if previous == UInt8(ascii: "_") && !isDigit { return nil }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if state < 2 { mantissaDigits += 1 }
                if state == 2 { state = 3 }
            case UInt8(ascii: "."):
                guard state == 0 else { return nil }
                state = 1
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard state < 2, mantissaDigits > 0 else { return nil }
                state = 2
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard state == 2, previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return nil }
            default:
                return nil
            }
            ascii.append(byte)
            previous = byte
        }
        if previous == UInt8(ascii: "_") || mantissaDigits == 0 || state == 2 { return nil }
        return Double(String(decoding: ascii, as: UTF8.self))
    }
}
