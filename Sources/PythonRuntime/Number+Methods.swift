import BigInt

/// The methods and data attributes of `int` (and `bool`) and `float`.
///
/// Not provided: `int.to_bytes`/`from_bytes` (sal has no bytes) and `float.fromhex`.
enum NumberMethods {
    static let intTable: [String: BuiltinFunction] = {
        var t: [String: BuiltinFunction] = [:]
        func add(_ name: String, _ body: @escaping @Sendable (BigInt?, Value) throws(ExecutionError) -> Value) {
            t[name] = BuiltinFunction(name, owner: "int") { args, _ throws(ExecutionError) in
                let receiver = try args.receiver("int.\(name)")
                guard receiver.isInteger else { throw Value.descriptorError(name, "int", receiver) }
                try args.expectNone(method: "\(receiver.typeName).\(name)")
                return try body(receiver.bigIntegerValue, receiver)
            }
        }
        add("bit_length") { _, v in
            switch v {
            case .int(let i): return .int(Int.bitWidth - i.magnitude.leadingZeroBitCount)
            case .bool(let b): return .int(b ? 1 : 0)
            default: return .int(v.bigIntegerValue?.magnitude.bitWidth ?? 0)
            }
        }
        add("bit_count") { _, v in
            switch v {
            case .int(let i): return .int(i.magnitude.nonzeroBitCount)
            case .bool(let b): return .int(b ? 1 : 0)
            default: return .int(v.bigIntegerValue?.magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount } ?? 0)
            }
        }
        add("conjugate") { _, v in v.asPlainInteger }
        add("as_integer_ratio") { _, v in .tuple(PyTuple([v.asPlainInteger, .int(1)])) }
        return t
    }()

    static let floatTable: [String: BuiltinFunction] = {
        var t: [String: BuiltinFunction] = [:]
        func add(_ name: String, _ body: @escaping @Sendable (Double) throws(ExecutionError) -> Value) {
            t[name] = BuiltinFunction(name, owner: "float") { args, _ throws(ExecutionError) in
                let receiver = try args.receiver("float.\(name)")
                guard case .float(let d) = receiver else { throw Value.descriptorError(name, "float", receiver) }
                try args.expectNone(method: "float.\(name)")
                return try body(d)
            }
        }
        add("is_integer") { d in .bool(d.isFinite && d.rounded(.towardZero) == d) }
        add("conjugate") { d in .float(d) }
        add("as_integer_ratio") { d throws(ExecutionError) in
            if d.isNaN { throw .exception(.valueError("cannot convert NaN to integer ratio")) }
            if d.isInfinite { throw .exception(.overflowError("cannot convert Infinity to integer ratio")) }
            return integerRatio(d)
        }
        add("hex") { d in .string(hexString(d)) }
        return t
    }()

    /// `(5).real`, `(2.5).imag`, `(7).numerator`, ...
    static func dataAttribute(_ value: Value, _ name: String) -> Value? {
        switch value {
        case .int, .bool, .bigInt:
            switch name {
            case "real", "numerator": return value.asPlainInteger
            case "imag": return .int(0)
            case "denominator": return .int(1)
            default: return nil
            }
        case .float(let d):
            switch name {
            case "real": return .float(d)
            case "imag": return .float(0)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The exact ratio of a finite double, in lowest terms with a positive denominator.
    static func integerRatio(_ d: Double) -> Value {
        if d == 0 { return .tuple(PyTuple([.int(0), .int(1)])) }
        let exponent = Int(d.exponent) - Double.significandBitCount
        var numerator = BigInt(d.significandBitPattern | (d.isNormal ? 1 << UInt64(Double.significandBitCount) : 0))
        var denominator = BigInt(1)
        var shift = exponent
        if !d.isNormal { shift = Int(Double.leastNormalMagnitude.exponent) - Double.significandBitCount }
        if shift >= 0 {
            numerator <<= shift
        } else {
            denominator <<= -shift
        }
        let common = numerator.greatestCommonDivisor(with: denominator)
        numerator /= common
        denominator /= common
        if d < 0 { numerator.negate() }
        return .tuple(PyTuple([.integer(numerator), .integer(denominator)]))
    }

    /// `float.hex()`: `0x1.4000000000000p+1`, `-0x0.0p+0`, `inf`, subnormals as `0x0.…p-1022`.
    static func hexString(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        let sign = d.sign == .minus ? "-" : ""
        if d == 0 { return sign + "0x0.0p+0" }
        let fraction = d.significandBitPattern
        let leading = d.isNormal ? 1 : 0
        let exponent = d.isNormal ? Int(d.exponent) : -1022
        var digits = String(fraction, radix: 16)
        digits = String(repeating: "0", count: 13 - digits.count) + digits
        return "\(sign)0x\(leading).\(digits)p\(exponent < 0 ? "-" : "+")\(abs(exponent))"
    }
}

extension Value {
    /// True for int, bool and big int values.
    var isInteger: Bool {
        switch self {
        case .int, .bool, .bigInt: true
        default: false
        }
    }

    /// An int value as a plain int (`True` becomes `1`).
    var asPlainInteger: Value {
        if case .bool(let b) = self { return .int(b ? 1 : 0) }
        return self
    }
}
