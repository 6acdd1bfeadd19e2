import Foundation
import BigInt

/// Python's integer arithmetic: Int fast paths that promote to BigInt on overflow, and BigInt
/// operations with Python's rounding (floor division, floor shifts, two's-complement bitwise ops).
///
/// The trap: Swift's `/`, `%` and BigInt's `>>` truncate toward zero; Python floors. Every result
/// goes through `Value.integer(_:)` so a BigInt that fits is stored inline.
enum IntArithmetic {
    @inlinable
    static func add(_ a: Int, _ b: Int) -> Value {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .integer(BigInt(a) + BigInt(b)) : .int(sum)
    }

    @inlinable
    static func subtract(_ a: Int, _ b: Int) -> Value {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        return overflow ? .integer(BigInt(a) - BigInt(b)) : .int(difference)
    }

    @inlinable
    static func multiply(_ a: Int, _ b: Int) -> Value {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .integer(BigInt(a) * BigInt(b)) : .int(product)
    }

    /// `a // b` for Ints; `Int.min // -1` promotes.
    static func floorDivide(_ a: Int, _ b: Int) throws(ExecutionError) -> Value {
        if b == 0 { throw .exception(.zeroDivision("integer division or modulo by zero")) }
        if b == -1 { return a == .min ? .integer(-BigInt(a)) : .int(-a) }
        let quotient = a / b
        return .int((a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient)
    }

    /// `a % b` for Ints: the result has the sign of `b`.
    static func modulo(_ a: Int, _ b: Int) throws(ExecutionError) -> Value {
        if b == 0 { throw .exception(.zeroDivision("integer modulo by zero")) }
        if b == -1 { return .int(0) }
        let remainder = a % b
        return .int((remainder != 0 && (remainder < 0) != (b < 0)) ? remainder + b : remainder)
    }

    /// Floor division and modulo of BigInts (`b` non-zero).
    static func floorDivMod(_ a: BigInt, _ b: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        var (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
        if !remainder.isZero && (remainder.sign == .minus) != (b.sign == .minus) {
            quotient -= 1
            remainder += b
        }
        return (quotient, remainder)
    }

    /// `a // b` for ints of any size; the long division's work is charged before it runs (`divisionWork`).
    static func floorDivide(_ a: BigInt, _ b: BigInt, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        if b.isZero { throw .exception(.zeroDivision("integer division or modulo by zero")) }
        try context.tick(divisionWork(a.magnitude.bitWidth, b.magnitude.bitWidth))
        return .integer(floorDivMod(a, b).quotient)
    }

    /// `a % b` for ints of any size, charged as `floorDivide` is.
    static func modulo(_ a: BigInt, _ b: BigInt, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        if b.isZero { throw .exception(.zeroDivision("integer modulo by zero")) }
        try context.tick(divisionWork(a.magnitude.bitWidth, b.magnitude.bitWidth))
        return .integer(floorDivMod(a, b).remainder)
    }

    /// `divmod(a, b)` for ints, charged as `floorDivide` is.
    static func divmod(_ a: BigInt, _ b: BigInt, _ context: ExecutionContext) throws(ExecutionError) -> (Value, Value) {
        if b.isZero { throw .exception(.zeroDivision("integer division or modulo by zero")) }
        try context.tick(divisionWork(a.magnitude.bitWidth, b.magnitude.bitWidth))
        let (q, r) = floorDivMod(a, b)
        return (.integer(q), .integer(r))
    }

    // MARK: Powers

    /// `base ** exponent` for a non-negative exponent, reserving memory for the result first.
    static func power(_ base: BigInt, _ exponent: BigInt, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        precondition(exponent.sign == .plus || exponent.isZero, "negative exponents give floats")
        if exponent.isZero { return .int(1) }
        if base.isZero { return .int(0) }
        if base == 1 { return .int(1) }
        if base == -1 { return .int(exponent.magnitude[bitAt: 0] ? -1 : 1) }
        guard let smallExponent = Int(exactly: exponent) else {
            throw memoryLimit(context, "an integer of more than \(Int.max) bits")
        }
        if case .int(let b) = Value.integer(base), let result = smallPower(b, smallExponent) {
            return .int(result)
        }
        let (bits, overflow) = smallExponent.multipliedReportingOverflow(by: base.magnitude.bitWidth)
        if overflow { throw memoryLimit(context, "an integer of more than \(Int.max) bits") }
        try context.reserve(bytes: bits / 8 + 8)
        let magnitude = base.magnitude
        if magnitude.trailingZeroBitCount != magnitude.bitWidth - 1 {
            try context.tick(multiplicationWork(bits / 2, bits / 2))
        }
        let result: BigUInt
        if magnitude.trailingZeroBitCount == magnitude.bitWidth - 1 {
            // A power of two: a shift instead of repeated squaring.
            result = BigUInt(1) << ((magnitude.bitWidth - 1) * smallExponent)
        } else {
            result = magnitude.power(smallExponent)
        }
        let negative = base.sign == .minus && smallExponent & 1 == 1
        return .integer(BigInt(sign: negative ? .minus : .plus, magnitude: result))
    }

    /// Steps charged for multiplying numbers of these bit widths, so that a run of ever larger products
    /// (`n = n * n` in a loop) meets the step and time limits instead of running for minutes inside one
    /// operation. Estimates Karatsuba's cost in 64-bit words; one step is about a word product.
    static func multiplicationWork(_ bitsA: Int, _ bitsB: Int) -> Int {
        let a = Double(bitsA / 64 + 1), b = Double(bitsB / 64 + 1)
        let (small, large) = a < b ? (a, b) : (b, a)
        let work = small < 32 ? small * large : large * Foundation.pow(small, 0.585)
        return work >= Double(Int.max / 2) ? Int.max / 2 : Int(work)
    }

    /// Steps charged for dividing a `dividendBits`-bit number by a `divisorBits`-bit one: long division
    /// costs about one word product per quotient word and divisor word.
    static func divisionWork(_ dividendBits: Int, _ divisorBits: Int) -> Int {
        let quotientWords = Double(max(0, dividendBits - divisorBits) / 64 + 1)
        let work = quotientWords * Double(divisorBits / 64 + 1)
        return work >= Double(Int.max / 2) ? Int.max / 2 : Int(work)
    }

    /// `base ** exponent` in Int arithmetic, or nil on overflow.
    static func smallPower(_ base: Int, _ exponent: Int) -> Int? {
        var result = 1
        var factor = base
        var remaining = exponent
        while true {
            if remaining & 1 == 1 {
                let (product, overflow) = result.multipliedReportingOverflow(by: factor)
                if overflow { return nil }
                result = product
            }
            remaining >>= 1
            if remaining == 0 { return result }
            let (square, overflow) = factor.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            factor = square
        }
    }

    /// `pow(base, exponent, modulus)` for ints (a negative exponent inverts the base first).
    /// Square-and-multiply with a big modulus costs, per exponent bit, up to two products and two
    /// reductions of modulus-sized numbers: charged before it starts, since the loop runs inside BigInt.
    static func modularPower(_ base: BigInt, _ exponent: BigInt, _ modulus: BigInt,
                             _ context: ExecutionContext) throws(ExecutionError) -> Value {
        if modulus.isZero { throw .exception(.valueError("pow() 3rd argument cannot be 0")) }
        let m = BigInt(modulus.magnitude)
        var b = floorDivMod(base, m).remainder
        var e = exponent
        if e.sign == .minus && !e.isZero {
            guard let inverse = modularInverse(b, m) else {
                throw .exception(.valueError("base is not invertible for the given modulus"))
            }
            b = inverse
            e = -e
        }
        var result: BigInt
        if m == 1 {
            result = 0
        } else if let smallModulus = Int(exactly: m), let smallBase = Int(exactly: b), let smallExponent = Int(exactly: e) {
            result = BigInt(smallModularPower(smallBase, smallExponent, smallModulus))
        } else {
            let bits = m.magnitude.bitWidth
            let perBit = multiplicationWork(bits, bits) + divisionWork(2 * bits, bits)
            let work = Double(e.magnitude.bitWidth) * 2 * Double(perBit)
            try context.tick(work >= Double(Int.max / 2) ? Int.max / 2 : Int(work))
            result = BigInt(b.magnitude.power(e.magnitude, modulus: m.magnitude))
        }
        if modulus.sign == .minus && !result.isZero { result -= m }
        return .integer(result)
    }

    private static func smallModularPower(_ base: Int, _ exponent: Int, _ modulus: Int) -> Int {
        func mulmod(_ x: Int, _ y: Int) -> Int {
            let product = UInt(x).multipliedFullWidth(by: UInt(y))
            return Int(UInt(modulus).dividingFullWidth(product).remainder)
        }
        var result = 1 % modulus
        var factor = base
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = mulmod(result, factor) }
            factor = mulmod(factor, factor)
            remaining >>= 1
        }
        return result
    }

    /// The inverse of `a` modulo `m` (m > 0, 0 <= a < m), or nil when gcd(a, m) != 1.
    static func modularInverse(_ a: BigInt, _ m: BigInt) -> BigInt? {
        var (oldR, r) = (a, m)
        var (oldS, s) = (BigInt(1), BigInt(0))
        while !r.isZero {
            let q = floorDivMod(oldR, r).quotient
            (oldR, r) = (r, oldR - q * r)
            (oldS, s) = (s, oldS - q * s)
        }
        guard oldR == 1 else { return nil }
        return floorDivMod(oldS, m).remainder
    }

    // MARK: Shifts

    static func shiftLeft(_ a: BigInt, _ count: BigInt, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        if count.sign == .minus && !count.isZero { throw .exception(.valueError("negative shift count")) }
        if a.isZero { return .int(0) }
        guard let n = Int(exactly: count) else {
            throw .exception(.overflowError("too many digits in integer"))
        }
        if case .int(let small) = Value.integer(a), n < 63, small.magnitude.leadingZeroBitCount > n + 1 {
            return .int(small << n)
        }
        let (bits, overflow) = a.magnitude.bitWidth.addingReportingOverflow(n)
        if overflow { throw memoryLimit(context, "an integer of more than \(Int.max) bits") }
        try context.reserve(bytes: bits / 8 + 8)
        return .integer(BigInt(sign: a.sign, magnitude: a.magnitude << n))
    }

    /// `a >> count`, flooring (so `-5 >> 1 == -3`).
    static func shiftRight(_ a: BigInt, _ count: BigInt) throws(ExecutionError) -> Value {
        if count.sign == .minus && !count.isZero { throw .exception(.valueError("negative shift count")) }
        guard let n = Int(exactly: count), n < a.magnitude.bitWidth + 1 else {
            return .int(a.sign == .minus && !a.isZero ? -1 : 0)
        }
        if a.sign == .plus || a.isZero { return .integer(BigInt(a.magnitude >> n)) }
        // floor(-m / 2^n) == -ceil(m / 2^n) == -((m - 1) >> n) - 1
        let shifted = (a.magnitude - 1) >> n
        return .integer(-BigInt(shifted) - 1)
    }

    // MARK: Bitwise

    enum BitwiseOperation { case and, or, xor }

    /// `a & b`, `a | b`, `a ^ b` on infinite two's-complement integers.
    static func bitwise(_ operation: BitwiseOperation, _ a: BigInt, _ b: BigInt) -> Value {
        let wordCount = max(a.magnitude.words.count, b.magnitude.words.count) + 1
        let x = twosComplementWords(a, count: wordCount)
        let y = twosComplementWords(b, count: wordCount)
        var words = [UInt](repeating: 0, count: wordCount)
        for i in 0..<wordCount {
            switch operation {
            case .and: words[i] = x[i] & y[i]
            case .or: words[i] = x[i] | y[i]
            case .xor: words[i] = x[i] ^ y[i]
            }
        }
        let negative = words[wordCount - 1] >> (UInt.bitWidth - 1) == 1
        if negative {
            negateWords(&words)
            return .integer(BigInt(sign: .minus, magnitude: BigUInt(words: words)))
        }
        return .integer(BigInt(sign: .plus, magnitude: BigUInt(words: words)))
    }

    private static func twosComplementWords(_ value: BigInt, count: Int) -> [UInt] {
        var words = [UInt](repeating: 0, count: count)
        for (i, word) in value.magnitude.words.enumerated() { words[i] = word }
        if value.sign == .minus && !value.isZero { negateWords(&words) }
        return words
    }

    private static func negateWords(_ words: inout [UInt]) {
        var carry = true
        for i in words.indices {
            let (sum, overflow) = (~words[i]).addingReportingOverflow(carry ? 1 : 0)
            words[i] = sum
            carry = overflow
        }
    }

    // MARK: Helpers

    /// The bit length of |value| (`int.bit_length()`).
    static func bitLength(_ value: BigInt) -> Int { value.magnitude.bitWidth }

    static func memoryLimit(_ context: ExecutionContext, _ what: String) -> ExecutionError {
        .limit(LimitBreach(.memory, "memory limit of \(context.limits.maxMemoryBytes) bytes exceeded (\(what) was requested)"))
    }
}
