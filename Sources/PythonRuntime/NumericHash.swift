import BigInt

/// Python's hash of numbers: integers modulo the Mersenne prime 2^61 - 1, floats by the same rule
/// applied to their exact rational value, so `hash(1) == hash(1.0) == hash(True)`.
///
/// The trap: -1 is reserved in CPython (an error marker), so any hash of -1 becomes -2. NaN hashes by
/// object identity in CPython 3.10+, which sal cannot mirror; sal gives every NaN the hash 0.
public enum NumericHash {
    /// 2^61 - 1, CPython's `_PyHASH_MODULUS` on 64-bit platforms.
    public static let modulus: UInt64 = (1 << 61) - 1
    static let infinityHash = 314_159

    /// `hash(x)` for int, bool, big int and float values; nil for anything else.
    public static func hash(_ value: Value) -> Int? {
        switch value {
        case .int(let i): return hash(i)
        case .bool(let b): return b ? 1 : 0
        case .bigInt(let b): return hash(b.value)
        case .float(let d): return hash(d)
        default: return nil
        }
    }

    public static func hash(_ i: Int) -> Int {
        var result = Int(UInt64(i.magnitude) % modulus)
        if i < 0 { result = -result }
        return result == -1 ? -2 : result
    }

    public static func hash(_ big: BigInt) -> Int {
        var accumulator: UInt64 = 0
        for word in big.magnitude.words.reversed() {
            // 2^64 ≡ 2^3 (mod 2^61 - 1), so shifting in a word multiplies the accumulator by 8.
            accumulator = reduce(accumulator << 3)
            accumulator = reduce(accumulator + reduce(UInt64(word)))
        }
        var result = Int(accumulator)
        if big.sign == .minus { result = -result }
        return result == -1 ? -2 : result
    }

    public static func hash(_ d: Double) -> Int {
        if d.isNaN { return 0 }
        if d.isInfinite { return d > 0 ? infinityHash : -infinityHash }
        if d == 0 { return 0 }
        let (mantissa, exponent) = ExactFloat.decompose(d)
        // mantissa · 2^exponent mod P, where 2^61 ≡ 1 makes powers of two rotations.
        var result = reduce(mantissa)
        let rotation = exponent >= 0 ? exponent % 61 : 60 - ((-1 - exponent) % 61)
        result = rotate(result, by: rotation)
        var signed = Int(result)
        if d < 0 { signed = -signed }
        return signed == -1 ? -2 : signed
    }

    /// `x mod P` for any UInt64 (at most two folds).
    private static func reduce(_ x: UInt64) -> UInt64 {
        var r = (x & modulus) + (x >> 61)
        if r >= modulus { r -= modulus }
        return r
    }

    /// `x · 2^k mod P` for x < P and 0 <= k < 61.
    private static func rotate(_ x: UInt64, by k: Int) -> UInt64 {
        if k == 0 { return x }
        return reduce(((x << UInt64(k)) & modulus) | (x >> UInt64(61 - k)))
    }
}
