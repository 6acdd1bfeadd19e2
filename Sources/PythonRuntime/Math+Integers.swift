import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exact integer functions of `math`: factorial, comb, perm, gcd, lcm, isqrt.
///
/// Results can be enormous (`factorial(10**7)`), so each reserves memory for its estimated size and
/// charges its work to the step budget before computing.
enum MathIntegers {
    static let functions: [BuiltinFunction] = [
        BuiltinFunction("factorial", owner: "math") { args, context throws(ExecutionError) in
            let n = try integer(MathModule.one(args, "factorial"))
            if n.sign == .minus && !n.isZero { throw .exception(.valueError("factorial() not defined for negative values")) }
            guard let small = Int(exactly: n) else {
                throw .exception(.overflowError("factorial() argument should not exceed \(Int.max)"))
            }
            return .integer(try factorial(small, context))
        },
        BuiltinFunction("gcd", owner: "math") { args, _ throws(ExecutionError) in
            if args.hasKeywords { throw .exception(.typeError("gcd() takes no keyword arguments")) }
            var result = BigInt(0)
            for i in 0..<args.count {
                result = BigInt(result.magnitude.greatestCommonDivisor(with: try integer(args[i]).magnitude))
            }
            return .integer(result)
        },
        BuiltinFunction("lcm", owner: "math") { args, context throws(ExecutionError) in
            if args.hasKeywords { throw .exception(.typeError("lcm() takes no keyword arguments")) }
            var result = BigUInt(1)
            for i in 0..<args.count {
                let value = try integer(args[i]).magnitude
                if value.isZero || result.isZero {
                    result = 0
                    continue
                }
                try context.reserve(bytes: (result.bitWidth + value.bitWidth) / 8)
                result = result / result.greatestCommonDivisor(with: value) * value
            }
            return .integer(BigInt(result))
        },
        BuiltinFunction("isqrt", owner: "math") { args, context throws(ExecutionError) in
            let n = try integer(MathModule.one(args, "isqrt"))
            if n.sign == .minus && !n.isZero { throw .exception(.valueError("isqrt() argument must be nonnegative")) }
            return .integer(BigInt(try integerSquareRoot(n.magnitude, context)))
        },
        BuiltinFunction("comb", owner: "math") { args, context throws(ExecutionError) in
            let (n, k) = try pair(args, "comb")
            guard let k else { throw .exception(.typeError("comb expected 2 arguments, got 1")) }
            return .integer(try combinations(n, k, context))
        },
        BuiltinFunction("perm", owner: "math") { args, context throws(ExecutionError) in
            let (n, k) = try pair(args, "perm")
            guard let k else {
                if n.sign == .minus && !n.isZero {
                    throw .exception(.valueError("factorial() not defined for negative values"))
                }
                guard let small = Int(exactly: n) else {
                    throw .exception(.overflowError("factorial() argument should not exceed \(Int.max)"))
                }
                return .integer(try factorial(small, context))
            }
            return .integer(try permutations(n, k, context))
        },
    ]

    /// An int argument: TypeError "'float' object cannot be interpreted as an integer" otherwise.
    static func integer(_ value: Value) throws(ExecutionError) -> BigInt {
        guard let big = value.bigIntegerValue else {
            throw .exception(.typeError("'\(value.typeName)' object cannot be interpreted as an integer"))
        }
        return big
    }

    /// `(n, k)` of comb/perm; `k` may be omitted (nil) or None.
    private static func pair(_ args: Arguments, _ name: String) throws(ExecutionError) -> (BigInt, BigInt?) {
        if args.hasKeywords { throw .exception(.typeError("\(name)() takes no keyword arguments")) }
        let range = name == "perm" ? 1...2 : 2...2
        guard range.contains(args.count) else {
            let expected = name == "perm" ? "at most 2 arguments" : "2 arguments"
            throw .exception(.typeError("\(name) expected \(expected), got \(args.count)"))
        }
        let n = try integer(args[0])
        var k: BigInt?
        if args.count == 2, !isNone(args[1]) { k = try integer(args[1]) }
        if let k {
            if n.sign == .minus && !n.isZero { throw .exception(.valueError("n must be a non-negative integer")) }
            if k.sign == .minus && !k.isZero { throw .exception(.valueError("k must be a non-negative integer")) }
        }
        return (n, k)
    }

    private static func isNone(_ value: Value) -> Bool {
        if case .none = value { return true }
        return false
    }

    /// `n!` by a balanced product tree, after reserving its size (about n·log2(n/e) bits).
    static func factorial(_ n: Int, _ context: ExecutionContext) throws(ExecutionError) -> BigInt {
        if n < 21 {
            var result = 1
            if n > 1 { for i in 2...n { result *= i } }
            return BigInt(result)
        }
        let bits = Double(n) * (log2(Double(n)) - 1.4426950408889634) + 64
        if bits > Double(Int.max / 2) { throw IntArithmetic.memoryLimit(context, "factorial(\(n))") }
        try context.reserve(bytes: Int(bits / 8))
        return BigInt(try product(from: 2, through: UInt(n), context))
    }

    /// The product of the integers in `low...high`, splitting in halves so operands stay balanced. Each
    /// product of two halves is charged before it is computed, as `*` is: the whole tree runs inside this
    /// call, so without the charges `factorial(300000)` ran 19 s past a 10 s time limit.
    private static func product(from low: UInt, through high: UInt,
                                _ context: ExecutionContext) throws(ExecutionError) -> BigUInt {
        if low > high { return 1 }
        if high - low < 16 {
            var result = BigUInt(low)
            var i = low + 1
            while i <= high {
                result.multiply(byWord: i)
                i += 1
            }
            return result
        }
        let middle = low + (high - low) / 2
        let left = try product(from: low, through: middle, context)
        let right = try product(from: middle + 1, through: high, context)
        try context.tick(IntArithmetic.multiplicationWork(left.bitWidth, right.bitWidth))
        return left * right
    }

    /// `comb(n, k)` (n, k >= 0): n·(n-1)···(n-k+1) / k!, with k replaced by min(k, n-k).
    private static func combinations(_ n: BigInt, _ k: BigInt, _ context: ExecutionContext) throws(ExecutionError) -> BigInt {
        if k > n { return 0 }
        let smaller = min(k, n - k)
        if smaller.isZero { return 1 }
        guard let count = Int(exactly: smaller) else {
            throw IntArithmetic.memoryLimit(context, "comb() with k = \(smaller)")
        }
        // comb(n, k) < 2^(k·log2(n)), and below 2^n.
        let bits = min(Double(n.magnitude.bitWidth) * Double(count), Double(n.magnitude.bitWidth > 62 ? Int.max : Int(n)))
        if bits > Double(Int.max / 2) { throw IntArithmetic.memoryLimit(context, "comb() result") }
        try context.reserve(bytes: Int(bits / 8))
        try context.tick(Int(min(Double(count) * (bits / 64 + 1), Double(Int.max / 4))))
        var result = BigInt(1)
        for i in 1...count {
            result = result * (n - BigInt(count - i)) / BigInt(i)
        }
        return result
    }

    /// `perm(n, k)` (n, k >= 0): n·(n-1)···(n-k+1).
    private static func permutations(_ n: BigInt, _ k: BigInt, _ context: ExecutionContext) throws(ExecutionError) -> BigInt {
        if k > n { return 0 }
        if k.isZero { return 1 }
        guard let count = Int(exactly: k) else { throw IntArithmetic.memoryLimit(context, "perm() with k = \(k)") }
        let bits = Double(n.magnitude.bitWidth) * Double(count)
        if bits > Double(Int.max / 2) { throw IntArithmetic.memoryLimit(context, "perm() result") }
        try context.reserve(bytes: Int(bits / 8))
        try context.tick(Int(min(Double(count) * (bits / 64 + 1), Double(Int.max / 4))))
        var result = BigInt(1)
        for i in 0..<count { result *= n - BigInt(i) }
        return result
    }

    /// floor(sqrt(n)) exactly, its work charged to the run's step budget (for program arguments).
    static func integerSquareRoot(_ n: BigUInt, _ context: ExecutionContext) throws(ExecutionError) -> BigUInt {
        try integerSquareRoot(n) { (steps: Int) throws(ExecutionError) in try context.tick(steps) }
    }

    /// floor(sqrt(n)) exactly, uncharged: for arguments whose size sal bounds itself.
    static func integerSquareRoot(_ n: BigUInt) -> BigUInt {
        do {
            return try integerSquareRoot(n) { (_: Int) throws(ExecutionError) in }
        } catch {
            preconditionFailure("an uncharged square root cannot fail")
        }
    }

    private static func integerSquareRoot(_ n: BigUInt,
                                          charge: (Int) throws(ExecutionError) -> Void) throws(ExecutionError) -> BigUInt {
        if n.isZero { return 0 }
        if n.bitWidth <= 52 {
            var root = BigUInt(UInt64(Double(UInt64(n)).squareRoot()))
            while root * root > n { root -= 1 }
            while (root + 1) * (root + 1) <= n { root += 1 }
            return root
        }
        // CPython's algorithm: the root of the top 2d bits of n, for d doubling up to c = (bits - 1) / 2,
        // each from the last by one Newton step at that precision, so the divisions grow with the root
        // instead of each costing a division of all of n. Each division is charged before it runs: a
        // huge argument meets the step and time limits instead of running for a minute inside this call.
        let c = (n.bitWidth - 1) / 2
        var a = BigUInt(1)
        var d = 0
        var s = Int.bitWidth - c.leadingZeroBitCount - 1
        while s >= 0 {
            let e = d
            d = c >> s
            let top = n >> (2 * c - e - d + 1)
            try charge(IntArithmetic.divisionWork(top.bitWidth, a.bitWidth))
            a = (a << (d - e - 1)) + top / a
            s -= 1
        }
        try charge(IntArithmetic.multiplicationWork(a.bitWidth, a.bitWidth))
        return a * a > n ? a - 1 : a
    }
}
