import BigInt

/// Exact conversions between Python ints and floats: correctly rounded int -> float and int / int,
/// exact int-vs-float comparison, and float -> int truncation.
///
/// The trap: `Double(bigInt)` and `Double(a) / Double(b)` round twice (or overflow) where CPython
/// rounds once, so `2**53 + 1 == float(2**53 + 1)` and `10**400 / 10**399` need exact arithmetic.
enum ExactFloat {
    /// `float(n)`: correctly rounded (half to even); OverflowError beyond the float range.
    static func double(_ value: BigInt) throws(ExecutionError) -> Double {
        if let small = Int(exactly: value) { return Double(small) }
        guard let result = rounded(value.magnitude, sticky: false, exponent: 0, negative: value.sign == .minus) else {
            throw .exception(.overflowError("int too large to convert to float"))
        }
        return result
    }

    /// `float(n)` for a value known to be an int or bool.
    static func double(_ value: Value) throws(ExecutionError) -> Double? {
        switch value {
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .float(let d): return d
        case .bigInt(let b): return try double(b.value)
        default: return nil
        }
    }

    /// `a / b` for ints, correctly rounded.
    static func trueDivide(_ a: BigInt, _ b: BigInt) throws(ExecutionError) -> Double {
        if b.isZero { throw .exception(.zeroDivision("division by zero")) }
        let limit = BigUInt(1) << 53
        if a.magnitude <= limit && b.magnitude <= limit {
            return Double(Int(a)) / Double(Int(b))
        }
        // As CPython: the sign is the xor of the operands' signs even for a zero numerator (0 / -n is -0.0).
        let negative = (a.sign == .minus && !a.isZero) != (b.sign == .minus)
        if a.isZero { return negative ? -0.0 : 0.0 }
        // Scale so the quotient has at least 55 significant bits (more for subnormal results is harmless).
        let shift = 55 - (a.magnitude.bitWidth - b.magnitude.bitWidth)
        var numerator = a.magnitude
        var denominator = b.magnitude
        if shift > 0 { numerator <<= shift } else if shift < 0 { denominator <<= -shift }
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        guard let result = rounded(quotient, sticky: !remainder.isZero, exponent: -shift, negative: negative) else {
            throw .exception(.overflowError("integer division result too large for a float"))
        }
        return result
    }

    /// Rounds `(magnitude + sticky·ε) · 2^exponent` to the nearest double (ties to even), or nil on overflow.
    /// `sticky` says that nonzero bits were discarded below `magnitude`'s last bit.
    static func rounded(_ magnitude: BigUInt, sticky: Bool, exponent: Int, negative: Bool) -> Double? {
        let bitCount = magnitude.bitWidth
        if bitCount == 0 { return negative ? -0.0 : 0.0 }
        let top = bitCount - 1 + exponent
        if top > 1023 { return nil }
        // Significant bits the result can hold at this magnitude: 53, fewer when subnormal.
        let kept = top >= -1022 ? 53 : top + 1075
        let drop = bitCount - kept
        var significand: UInt64
        var scale = exponent
        if drop <= 0 {
            significand = UInt64(magnitude)
        } else {
            let truncated = magnitude >> drop
            significand = UInt64(truncated)
            scale += drop
            let half = BigUInt(1) << (drop - 1)
            let rest = magnitude - (truncated << drop)
            let roundUp = rest > half || (rest == half && (sticky || significand & 1 == 1))
            if roundUp { significand += 1 }
        }
        let result = Double(sign: negative ? .minus : .plus, exponent: scale, significand: Double(significand))
        return result.isInfinite ? nil : result
    }

    /// A finite nonzero double as `mantissa · 2^exponent` with an integral mantissa.
    static func decompose(_ d: Double) -> (mantissa: UInt64, exponent: Int) {
        let magnitude = d.magnitude
        if magnitude.exponent >= -1022 {
            return (magnitude.significandBitPattern | (1 << 52), Int(magnitude.exponent) - 52)
        }
        return (magnitude.significandBitPattern, -1074)
    }

    /// The integer part of a finite double, exactly.
    static func integerPart(_ d: Double) -> BigInt {
        let t = d.rounded(.towardZero)
        if let small = Int(exactly: t) { return BigInt(small) }
        let (mantissa, exponent) = decompose(t)
        let magnitude = BigUInt(mantissa) << exponent
        return BigInt(sign: t < 0 ? .minus : .plus, magnitude: magnitude)
    }

    /// `int(x)` for a float: truncates; OverflowError for infinities, ValueError for NaN.
    static func truncatedInteger(_ d: Double) throws(ExecutionError) -> Value {
        if d.isNaN { throw .exception(.valueError("cannot convert float NaN to integer")) }
        if d.isInfinite { throw .exception(.overflowError("cannot convert float infinity to integer")) }
        if d > -9.2e18 && d < 9.2e18 { return .int(Int(d)) }
        return .integer(integerPart(d))
    }

    /// Exact ordering of an int against a float: -1, 0 or 1, or nil when `f` is NaN.
    static func compare(_ a: Int, _ f: Double) -> Int? {
        if f.isNaN { return nil }
        if a.magnitude <= 1 << 53 {
            let d = Double(a)
            return d < f ? -1 : (d > f ? 1 : 0)
        }
        if f >= 0x1p63 { return -1 }
        if f < -0x1p63 { return 1 }
        let floor = f.rounded(.down)
        let floorInt = Int(floor)
        if a < floorInt { return -1 }
        if a > floorInt { return 1 }
        return floor == f ? 0 : -1
    }

    /// Exact ordering of a BigInt against a float: -1, 0 or 1, or nil when `f` is NaN.
    static func compare(_ a: BigInt, _ f: Double) -> Int? {
        if let small = Int(exactly: a) { return compare(small, f) }
        if f.isNaN { return nil }
        if f.isInfinite { return f > 0 ? -1 : 1 }
        let floor = f.rounded(.down)
        let floorInt = integerPart(floor)
        if a < floorInt { return -1 }
        if a > floorInt { return 1 }
        return floor == f ? 0 : -1
    }
}
