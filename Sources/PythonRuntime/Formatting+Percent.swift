import BigInt

extension Formatting {
    /// `template % args`: printf-style formatting with CPython's rules. A tuple supplies the arguments
    /// in order; a dict supplies `%(name)s` fields; anything else is the single argument.
    ///
    /// The trap: a dict is also a valid *single* argument (`'%s' % {'a': 1}`), and then unused
    /// arguments are not an error.
    public static func percent(_ template: String, _ args: Value, _ context: ExecutionContext) throws(ExecutionError) -> String {
        var formatter = PercentFormatter(args: args, context: context)
        return try formatter.run(template)
    }

    /// `ascii(value)`: the repr with non-ASCII code points escaped.
    static func ascii(_ value: Value) throws(ExecutionError) -> String {
        let text = try Repr.repr(value)
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16)
                let (marker, width) = scalar.value < 0x100 ? ("\\x", 2) : (scalar.value < 0x10000 ? ("\\u", 4) : ("\\U", 8))
                result += marker + String(repeating: "0", count: width - hex.count) + hex
            }
        }
        return result
    }
}

/// The state of one `%` formatting: the arguments consumed so far and the output.
private struct PercentFormatter {
    let arguments: [Value]
    let mapping: PyDict?
    let context: ExecutionContext
    var nextArgument = 0
    var output = ""

    init(args: Value, context: ExecutionContext) {
        self.context = context
        switch args {
        case .tuple(let t):
            arguments = t.items
            mapping = nil
        case .dict(let d):
            arguments = [args]
            mapping = d
        default:
            arguments = [args]
            mapping = nil
        }
    }

    struct Conversion {
        var leftAlign = false
        var sign: Character?
        var alternate = false
        var zeroPad = false
        var width = 0
        var precision: Int?
    }

    mutating func run(_ template: String) throws(ExecutionError) -> String {
        let scalars = Array(template.unicodeScalars)
        var index = 0
        var literalStart = 0
        while index < scalars.count {
            guard scalars[index] == "%" else { index += 1; continue }
            output.unicodeScalars.append(contentsOf: scalars[literalStart..<index])
            let conversionStart = index
            index += 1
            var argument: Value?
            if index < scalars.count, scalars[index] == "(" {
                guard let mapping else { throw .exception(.typeError("format requires a mapping")) }
                var depth = 1
                let keyStart = index + 1
                index += 1
                while index < scalars.count {
                    if scalars[index] == "(" { depth += 1 } else if scalars[index] == ")" { depth -= 1; if depth == 0 { break } }
                    index += 1
                }
                if index >= scalars.count { throw .exception(.valueError("incomplete format key")) }
                let key = Value.string(String(String.UnicodeScalarView(scalars[keyStart..<index])))
                guard let value = try mapping.get(key) else { throw .exception(.keyError(key)) }
                argument = value
                index += 1
            }
            var spec = Conversion()
            flags: while index < scalars.count {
                switch scalars[index] {
                case "-": spec.leftAlign = true
                case "+": spec.sign = "+"
                case " ": if spec.sign == nil { spec.sign = " " }
                case "#": spec.alternate = true
                case "0": spec.zeroPad = true
                default: break flags
                }
                index += 1
            }
            if index < scalars.count, scalars[index] == "*" {
                let value = try takeArgument()
                guard case .int(let w) = value.normalizedBool else { throw .exception(.typeError("* wants int")) }
                if w < 0 { spec.leftAlign = true }
                spec.width = w.magnitude > UInt(Int.max) ? Int.max : abs(w)
                index += 1
            } else {
                spec.width = try readNumber(scalars, &index) ?? 0
            }
            if index < scalars.count, scalars[index] == "." {
                index += 1
                if index < scalars.count, scalars[index] == "*" {
                    let value = try takeArgument()
                    guard case .int(let p) = value.normalizedBool else { throw .exception(.typeError("* wants int")) }
                    spec.precision = max(p, 0)
                    index += 1
                } else {
                    spec.precision = try readNumber(scalars, &index) ?? 0
                }
            }
            while index < scalars.count, scalars[index] == "h" || scalars[index] == "l" || scalars[index] == "L" {
                index += 1
            }
            guard index < scalars.count else { throw .exception(.valueError("incomplete format")) }
            let code = scalars[index]
            index += 1
            literalStart = index
            if code == "%" && index - conversionStart == 2 {
                output += "%"
                continue
            }
            let value: Value
            if let argument { value = argument } else { value = try takeArgument() }
            try convert(code, value, spec, at: index - 1)
        }
        output.unicodeScalars.append(contentsOf: scalars[literalStart..<scalars.count])
        if nextArgument < arguments.count && mapping == nil {
            throw .exception(.typeError("not all arguments converted during string formatting"))
        }
        return output
    }

    private mutating func takeArgument() throws(ExecutionError) -> Value {
        guard nextArgument < arguments.count else {
            throw .exception(.typeError("not enough arguments for format string"))
        }
        defer { nextArgument += 1 }
        return arguments[nextArgument]
    }

    private func readNumber(_ scalars: [Unicode.Scalar], _ index: inout Int) throws(ExecutionError) -> Int? {
        var value: Int?
        while index < scalars.count, scalars[index].value >= 0x30 && scalars[index].value <= 0x39 {
            let (scaled, overflow1) = (value ?? 0).multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = scaled.addingReportingOverflow(Int(scalars[index].value - 0x30))
            if overflow1 || overflow2 { throw .exception(.valueError("width too big")) }
            value = sum
            index += 1
        }
        return value
    }

    private mutating func convert(_ code: Unicode.Scalar, _ value: Value, _ spec: Conversion, at position: Int) throws(ExecutionError) {
        switch code {
        case "s", "r", "a":
            var text = switch code {
            case "s": try Repr.str(value)
            case "r": try Repr.repr(value)
            default: try Formatting.ascii(value)
            }
            if let precision = spec.precision {
                let scalars = text.unicodeScalars
                if scalars.count > precision {
                    text = String(String.UnicodeScalarView(scalars.prefix(precision)))
                }
            }
            try emit(sign: "", body: text, spec, zeroPadAllowed: false)
        case "d", "i", "u":
            if case .int(let small) = value {
                let sign = small < 0 ? "-" : spec.sign.map(String.init) ?? ""
                var digits = String(small.magnitude)
                if let precision = spec.precision, precision > digits.utf8.count {
                    try context.reserve(bytes: precision)
                    digits = String(repeating: "0", count: precision - digits.utf8.count) + digits
                }
                try emit(sign: sign, body: digits, spec, zeroPadAllowed: true)
                return
            }
            let integer: BigInt
            switch value {
            case .float(let d):
                guard let big = try ExactFloat.truncatedInteger(d).bigIntegerValue else { preconditionFailure() }
                integer = big
            default:
                guard let big = value.bigIntegerValue else {
                    throw .exception(.typeError("%\(code) format: a real number is required, not \(value.typeName)"))
                }
                integer = big
            }
            try emitInteger(integer, radix: 10, prefix: "", spec)
        case "o", "x", "X":
            guard let integer = value.bigIntegerValue else {
                throw .exception(.typeError("%\(code) format: an integer is required, not \(value.typeName)"))
            }
            let prefix = spec.alternate ? (code == "o" ? "0o" : (code == "x" ? "0x" : "0X")) : ""
            try emitInteger(integer, radix: code == "o" ? 8 : 16, prefix: prefix, spec, uppercase: code == "X")
        case "e", "E", "f", "F", "g", "G":
            guard let d = try ExactFloat.double(value) else {
                throw .exception(.typeError("must be real number, not \(value.typeName)"))
            }
            let precision = spec.precision ?? 6
            try context.reserve(bytes: precision)
            var body: String
            if d.isFinite {
                let style: FloatRepr.Style = switch code {
                case "e", "E": .exponent(precision)
                case "f", "F": .fixed(precision)
                default: .general(precision)
                }
                body = FloatRepr.format(d.magnitude, style, alternate: spec.alternate, addDotZero: false)
            } else {
                body = d.isNaN ? "nan" : "inf"
            }
            if code == "E" || code == "F" || code == "G" { body = body.uppercased() }
            let negative = d.sign == .minus && !d.isNaN
            try emit(sign: negative ? "-" : spec.sign.map(String.init) ?? "", body: body, spec, zeroPadAllowed: true)
        case "c":
            var character: String
            switch value {
            case .str(let s) where s.count == 1:
                character = s.value
            case .int, .bool, .bigInt:
                guard let code = Int(exactly: value.bigIntegerValue!), code >= 0, code < 0x110000 else {
                    throw .exception(.overflowError("%c arg not in range(0x110000)"))
                }
                character = Unicode.Scalar(UInt32(code)).map { String(Character($0)) } ?? "\u{FFFD}"
            default:
                throw .exception(.typeError("%c requires int or char"))
            }
            try emit(sign: "", body: character, spec, zeroPadAllowed: false)
        default:
            let hex = String(code.value, radix: 16)
            let shown = code.value < 0x20 || code.value == 0x7F ? "?" : String(code)
            throw .exception(.valueError("unsupported format character '\(shown)' (0x\(hex)) at index \(position)"))
        }
    }

    private mutating func emitInteger(_ integer: BigInt, radix: Int, prefix: String, _ spec: Conversion,
                                      uppercase: Bool = false) throws(ExecutionError) {
        var digits = radix == 10
            ? try IntFormatting.decimalString(BigInt(integer.magnitude))
            : try IntFormatting.radixDigits(integer.magnitude, radix: radix, uppercase: uppercase, context)
        if let precision = spec.precision, precision > digits.utf8.count {
            try context.reserve(bytes: precision)
            digits = String(repeating: "0", count: precision - digits.utf8.count) + digits
        }
        let negative = integer.sign == .minus && !integer.isZero
        let sign = negative ? "-" : spec.sign.map(String.init) ?? ""
        try emit(sign: sign + prefix, body: digits, spec, zeroPadAllowed: true)
    }

    /// Appends `sign + body` padded to the width: spaces on the left, or on the right with `-`, or
    /// zeros after the sign with `0` (numbers only).
    private mutating func emit(sign: String, body: String, _ spec: Conversion, zeroPadAllowed: Bool) throws(ExecutionError) {
        let length = sign.unicodeScalars.count + body.unicodeScalars.count
        guard spec.width > length else {
            output += sign
            output += body
            return
        }
        try context.reserve(bytes: spec.width)
        let padding = spec.width - length
        if spec.leftAlign {
            output += sign + body + String(repeating: " ", count: padding)
        } else if spec.zeroPad && zeroPadAllowed {
            output += sign + String(repeating: "0", count: padding) + body
        } else {
            output += String(repeating: " ", count: padding) + sign + body
        }
    }
}

extension Value {
    /// Bools as ints, other values unchanged (for `*` widths and similar int-only slots).
    fileprivate var normalizedBool: Value {
        if case .bool(let b) = self { return .int(b ? 1 : 0) }
        return self
    }
}
