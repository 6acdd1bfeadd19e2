import BigInt

/// The format-spec mini-language (`format(x, spec)`, f-string `{x:spec}`), `str.format` and `%`-formatting.
///
/// `format` follows CPython 3.11's `__format__` of int, bool, float and str: the same parse order,
/// defaults and error messages. The trap: an empty spec means `str(x)` (so `f"{True}"` is `True`), but
/// any non-empty spec formats a bool as an int (`f"{True:>5}"` is `    1`).
public enum Formatting {
    /// `format(value, spec)`.
    public static func format(_ value: Value, spec: String, _ context: ExecutionContext) throws(ExecutionError) -> String {
        if spec.isEmpty {
            switch value {
            case .int(let i): return String(i)
            case .float(let d): return FloatRepr.repr(d)
            case .str(let s): return s.value
            default: return try Repr.str(value)
            }
        }
        switch value {
        case .int, .bool, .bigInt:
            let parsed = try FormatSpec(spec, typeName: value.typeName)
            return try formatInteger(value, parsed, context)
        case .float(let d):
            let parsed = try FormatSpec(spec, typeName: "float")
            return try formatFloat(d, parsed, context)
        case .str(let s):
            let parsed = try FormatSpec(spec, typeName: "str", defaultAlign: "<")
            return try formatString(s, parsed, context)
        default:
            throw .exception(.typeError("unsupported format string passed to \(value.typeName).__format__"))
        }
    }

    // MARK: str

    static func formatString(_ s: PyString, _ spec: FormatSpec, _ context: ExecutionContext) throws(ExecutionError) -> String {
        if let type = spec.type, type != "s" { throw spec.unknownCode(type, "str") }
        if spec.sign != nil { throw .exception(.valueError("Sign not allowed in string format specifier")) }
        if spec.noNegativeZero {
            throw .exception(.valueError("Negative zero coercion (z) not allowed in string format specifier"))
        }
        if spec.alternate { throw .exception(.valueError("Alternate form (#) not allowed in string format specifier")) }
        if spec.align == "=" { throw .exception(.valueError("'=' alignment not allowed in string format specifier")) }
        var text = s.value
        var length = s.count
        if let precision = spec.precision, precision < length {
            text = String(String.UnicodeScalarView(s.scalars[..<precision]))
            length = precision
        }
        return try pad(prefix: "", body: text, bodyLength: length, spec, defaultAlign: "<", context)
    }

    // MARK: int

    static func formatInteger(_ value: Value, _ spec: FormatSpec, _ context: ExecutionContext) throws(ExecutionError) -> String {
        let type = spec.type ?? "d"
        switch type {
        case "b", "c", "d", "o", "x", "X", "n": break
        case "e", "E", "f", "F", "g", "G", "%":
            guard let d = try ExactFloat.double(value) else { preconditionFailure("an int value") }
            return try formatFloat(d, spec, context)
        default:
            throw spec.unknownCode(type, value.typeName)
        }
        if spec.precision != nil { throw .exception(.valueError("Precision not allowed in integer format specifier")) }
        if spec.noNegativeZero {
            throw .exception(.valueError("Negative zero coercion (z) not allowed in integer format specifier"))
        }
        if case .int(let small) = value, type == "d" || type == "n" {
            var digits = String(small.magnitude)
            let signText = small < 0 ? "-" : (spec.sign == "+" ? "+" : (spec.sign == " " ? " " : ""))
            if let separator = spec.grouping {
                let minimum = spec.zeroFillsDigits ? (spec.width ?? 0) - signText.count : 0
                try reserveGrouped(max(minimum, 0), context)
                digits = group(digits, separator: separator, size: 3, minimumWidth: minimum)
            }
            return try pad(prefix: signText, body: digits, bodyLength: digits.utf8.count, spec, defaultAlign: ">", context)
        }
        guard let big = value.bigIntegerValue else { preconditionFailure("an int value") }
        if type == "c" {
            if spec.sign != nil { throw .exception(.valueError("Sign not allowed with integer format specifier 'c'")) }
            if spec.alternate {
                throw .exception(.valueError("Alternate form (#) not allowed with integer format specifier 'c'"))
            }
            guard let code = Int(exactly: big) else {
                throw .exception(.overflowError("Python int too large to convert to C long"))
            }
            guard code >= 0, code < 0x110000 else {
                throw .exception(.overflowError("%c arg not in range(0x110000)"))
            }
            let character = Unicode.Scalar(UInt32(code)).map { String(Character($0)) } ?? "\u{FFFD}"
            return try pad(prefix: "", body: character, bodyLength: 1, spec, defaultAlign: ">", context)
        }
        let negative = big.sign == .minus && !big.isZero
        var digits: String
        var prefix = ""
        switch type {
        case "b", "o", "x", "X":
            let radix = type == "b" ? 2 : (type == "o" ? 8 : 16)
            digits = try IntFormatting.radixDigits(big.magnitude, radix: radix, uppercase: type == "X", context)
            if spec.alternate { prefix = type == "b" ? "0b" : (type == "o" ? "0o" : (type == "X" ? "0X" : "0x")) }
        default:
            if let small = Int(exactly: big) {
                digits = String(small.magnitude)
            } else {
                digits = try IntFormatting.decimalString(BigInt(big.magnitude))
            }
        }
        let signText = negative ? "-" : (spec.sign == "+" ? "+" : (spec.sign == " " ? " " : ""))
        if let separator = spec.grouping {
            let groupSize = (type == "d" || type == "n") ? 3 : 4
            let minimum = spec.zeroFillsDigits ? (spec.width ?? 0) - signText.count - prefix.count : 0
            try reserveGrouped(max(minimum, digits.utf8.count), context)
            digits = group(digits, separator: separator, size: groupSize, minimumWidth: minimum)
        }
        return try pad(prefix: signText + prefix, body: digits, bodyLength: digits.utf8.count, spec, defaultAlign: ">", context)
    }

    // MARK: float

    static func formatFloat(_ d: Double, _ spec: FormatSpec, _ context: ExecutionContext) throws(ExecutionError) -> String {
        var type = spec.type
        switch type {
        case nil, "e", "E", "f", "F", "g", "G", "n", "%": break
        case let other?: throw spec.unknownCode(other, "float")
        }
        if type == "n" { type = "g" }
        if let precision = spec.precision { try context.reserve(bytes: precision) }
        var negative = d.sign == .minus && !d.isNaN
        var body: String
        var suffix = ""
        let uppercase = type == "E" || type == "F" || type == "G"
        if !d.isFinite {
            body = d.isNaN ? "nan" : "inf"
            if uppercase { body = body.uppercased() }
            if type == "%" { suffix = "%" }
        } else {
            var magnitude = d.magnitude
            let style: FloatRepr.Style
            var addDotZero = false
            switch type {
            case "e", "E": style = .exponent(spec.precision ?? 6)
            case "f", "F": style = .fixed(spec.precision ?? 6)
            case "g", "G": style = .general(spec.precision ?? 6)
            case "%":
                style = .fixed(spec.precision ?? 6)
                magnitude *= 100
                suffix = "%"
                if magnitude.isInfinite {
                    return try formatFloat(d.sign == .minus ? -.infinity : .infinity, spec, context)
                }
            default:
                if let precision = spec.precision {
                    style = .general(precision)
                } else {
                    style = .shortest
                }
                addDotZero = true
            }
            body = FloatRepr.format(magnitude, style, alternate: spec.alternate, addDotZero: addDotZero)
            if uppercase { body = body.uppercased() }
            if negative && spec.noNegativeZero && isZeroText(body) { negative = false }
        }
        let signText = negative ? "-" : (spec.sign == "+" ? "+" : (spec.sign == " " ? " " : ""))
        if let separator = spec.grouping, d.isFinite {
            let integerEnd = body.utf8.firstIndex(where: { $0 < UInt8(ascii: "0") || $0 > UInt8(ascii: "9") }) ?? body.utf8.endIndex
            let integerPart = String(body[..<integerEnd])
            let rest = String(body[integerEnd...]) + suffix
            let minimum = spec.zeroFillsDigits ? (spec.width ?? 0) - signText.count - rest.utf8.count : 0
            try reserveGrouped(max(minimum, integerPart.utf8.count), context)
            body = group(integerPart, separator: separator, size: 3, minimumWidth: minimum) + rest
        } else {
            body += suffix
        }
        return try pad(prefix: signText, body: body, bodyLength: body.utf8.count, spec, defaultAlign: ">", context)
    }

    /// True when the digits of a rendered float (before any exponent) are all zero.
    private static func isZeroText(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { break }
            if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") { return false }
        }
        return true
    }

    // MARK: Layout

    /// Inserts `separator` every `size` digits from the right; with zero fill, pads with zeros (and
    /// separators) up to `minimumWidth` the way CPython does (`format(1234, '08,')` is `0,001,234`).
    /// Reserves room for digits grouped to `length` characters (twice that, for the copies made while
    /// grouping). The trap: the width comes from the program (`f"{x:09000000000000000000,}"`), so the
    /// product must saturate, not overflow; the memory limit then refuses it.
    static func reserveGrouped(_ length: Int, _ context: ExecutionContext) throws(ExecutionError) {
        let (bytes, overflow) = length.multipliedReportingOverflow(by: 2)
        try context.reserve(bytes: overflow ? Int.max : bytes)
    }

    static func group(_ digits: String, separator: Character, size: Int, minimumWidth: Int) -> String {
        let source = Array(digits.utf8)
        var remaining = source.count
        var minimum = max(minimumWidth, 0)
        var output: [UInt8] = []
        output.reserveCapacity(max(remaining, minimum) * 2)
        let separatorByte = UInt8(ascii: separator.unicodeScalars.first!)
        while true {
            let length = max(min(max(remaining, minimum), size), 1)
            let taken = min(remaining, length)
            for i in 0..<taken { output.append(source[remaining - 1 - i]) }
            for _ in taken..<length { output.append(UInt8(ascii: "0")) }
            remaining -= taken
            minimum -= length
            if remaining <= 0 && minimum <= 0 { break }
            output.append(separatorByte)
            minimum -= 1
        }
        return String(decoding: output.reversed(), as: UTF8.self)
    }

    /// Pads `prefix + body` (sign/prefix first, so `=` alignment pads between them) to the spec's width.
    static func pad(prefix: String, body: String, bodyLength: Int, _ spec: FormatSpec, defaultAlign: Character,
                    _ context: ExecutionContext) throws(ExecutionError) -> String {
        let length = prefix.unicodeScalars.count + bodyLength
        guard let width = spec.width, width > length else { return prefix + body }
        try context.reserve(count: width, elementSize: spec.fill.utf8.count)
        let padding = width - length
        let fill = spec.fill
        switch spec.align ?? defaultAlign {
        case "<": return prefix + body + String(repeating: fill, count: padding)
        case "^":
            let left = padding / 2
            return String(repeating: fill, count: left) + prefix + body + String(repeating: fill, count: padding - left)
        case "=": return prefix + String(repeating: fill, count: padding) + body
        default: return String(repeating: fill, count: padding) + prefix + body
        }
    }
}

/// A parsed format spec: `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`.
struct FormatSpec {
    var fill = " "
    var fillSpecified = false
    var align: Character?
    var sign: Character?
    var noNegativeZero = false
    var alternate = false
    var width: Int?
    var grouping: Character?
    var precision: Int?
    var type: Character?

    /// Zero fill with `=` alignment: grouping then pads the digits themselves.
    var zeroFillsDigits: Bool { fill == "0" && align == "=" }

    /// Parses `spec` as CPython does, naming `typeName` in the "Invalid format specifier" message.
    init(_ spec: String, typeName: String, defaultAlign: Character = ">") throws(ExecutionError) {
        let scalars = Array(spec.unicodeScalars)
        var index = 0
        func isAlign(_ s: Unicode.Scalar) -> Bool { s == "<" || s == ">" || s == "^" || s == "=" }
        if scalars.count >= 2 && isAlign(scalars[1]) {
            fill = String(Character(scalars[0]))
            fillSpecified = true
            align = Character(scalars[1])
            index = 2
        } else if let first = scalars.first, isAlign(first) {
            align = Character(first)
            index = 1
        }
        if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" || scalars[index] == " " {
            sign = Character(scalars[index])
            index += 1
        }
        if index < scalars.count, scalars[index] == "z" {
            noNegativeZero = true
            index += 1
        }
        if index < scalars.count, scalars[index] == "#" {
            alternate = true
            index += 1
        }
        // A leading '0' (without an explicit fill) means zero fill, and '=' alignment for numbers.
        if !fillSpecified, index < scalars.count, scalars[index] == "0" {
            fill = "0"
            if align == nil && defaultAlign == ">" { align = "=" }
            index += 1
        }
        width = try Self.number(scalars, &index)
        if index < scalars.count, scalars[index] == "," {
            grouping = ","
            index += 1
        }
        if index < scalars.count, scalars[index] == "_" {
            if grouping != nil { throw .exception(.valueError("Cannot specify both ',' and '_'.")) }
            grouping = "_"
            index += 1
        }
        if index < scalars.count, scalars[index] == "," {
            throw .exception(.valueError("Cannot specify both ',' and '_'."))
        }
        if index < scalars.count, scalars[index] == "." {
            index += 1
            guard let digits = try Self.number(scalars, &index) else {
                throw .exception(.valueError("Format specifier missing precision"))
            }
            precision = digits
        }
        if scalars.count - index > 1 {
            let quoted = (try? Repr.repr(.string(spec))) ?? "'\(spec)'"
            throw .exception(.valueError("Invalid format specifier \(quoted) for object of type '\(typeName)'"))
        }
        if index < scalars.count { type = Character(scalars[index]) }
        if let grouping {
            let allowed: Bool = switch type {
            case nil, "d", "e", "f", "g", "E", "G", "%", "F": true
            case "b", "o", "x", "X": grouping == "_"
            default: false
            }
            if !allowed {
                throw .exception(.valueError("Cannot specify '\(grouping)' with '\(type.map(String.init) ?? "")'."))
            }
        }
    }

    private static func number(_ scalars: [Unicode.Scalar], _ index: inout Int) throws(ExecutionError) -> Int? {
        var value: Int?
        while index < scalars.count, let digit = decimalDigit(scalars[index]) {
            let (scaled, overflow1) = (value ?? 0).multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = scaled.addingReportingOverflow(digit)
            if overflow1 || overflow2 { throw .exception(.valueError("Too many decimal digits in format string")) }
            value = sum
            index += 1
        }
        return value
    }

    /// The value of a decimal digit (ASCII first; other Unicode decimal digits count too).
    static func decimalDigit(_ scalar: Unicode.Scalar) -> Int? {
        if scalar.value >= 0x30 && scalar.value <= 0x39 { return Int(scalar.value - 0x30) }
        if scalar.isASCII { return nil }
        guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue else { return nil }
        return Int(value)
    }

    func unknownCode(_ type: Character, _ typeName: String) -> ExecutionError {
        .exception(.valueError("Unknown format code '\(type)' for object of type '\(typeName)'"))
    }
}
