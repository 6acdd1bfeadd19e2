import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Python 3.11's `math` module: constants, libm wrappers with CPython's error mapping, exact integer
/// functions (factorial, comb, perm, gcd, lcm, isqrt) and CPython's own algorithms where results
/// depend on them (fsum, hypot/dist, gamma, lgamma).
///
/// The trap: CPython reports libm failures as ValueError "math domain error" (a NaN or infinity from
/// finite input) or OverflowError "math range error"; the mapping is per function, as below.
enum MathModule {
    static let module = PyModule(name: "math", members: members)

    private static let members: [String: ModuleMember] = {
        var table: [String: ModuleMember] = [
            "pi": .float(Double.pi),
            "e": .float(M_E),
            "tau": .float(2 * Double.pi),
            "inf": .float(.infinity),
            "nan": .float(.nan),
        ]
        let libm: [(String, @Sendable (Double) -> Double, Bool)] = [
            ("acos", { acos($0) }, false), ("acosh", { acosh($0) }, false), ("asin", { asin($0) }, false),
            ("asinh", { asinh($0) }, false), ("atan", { atan($0) }, false), ("atanh", { atanh($0) }, false),
            ("cbrt", { cbrt($0) }, false), ("cos", { cos($0) }, false), ("cosh", { cosh($0) }, true),
            ("erf", { erf($0) }, false), ("erfc", { erfc($0) }, false), ("exp", { exp($0) }, true),
            ("exp2", { exp2($0) }, true), ("expm1", { expm1($0) }, true), ("fabs", { fabs($0) }, false),
            ("log1p", { log1p($0) }, false), ("sin", { sin($0) }, false), ("sinh", { sinh($0) }, true),
            ("sqrt", { sqrt($0) }, false), ("tan", { tan($0) }, false), ("tanh", { tanh($0) }, false),
        ]
        for (name, function, canOverflow) in libm {
            table[name] = .function(BuiltinFunction(name, owner: "math") { args, _ throws(ExecutionError) in
                let x = try real(one(args, name))
                return .float(try checked(function(x), input: x, canOverflow: canOverflow))
            })
        }
        let functions: [BuiltinFunction] = [
            function("ceil") { args, _ throws(ExecutionError) in try rounding(one(args, "ceil"), .up) },
            function("floor") { args, _ throws(ExecutionError) in try rounding(one(args, "floor"), .down) },
            function("trunc") { args, _ throws(ExecutionError) in
                let x = try one(args, "trunc")
                guard x.isNumber else { throw .exception(.typeError("type \(x.typeName) doesn't define __trunc__ method")) }
                return try rounding(x, .towardZero)
            },
            function("log") { args, _ throws(ExecutionError) in
                if args.hasKeywords { throw .exception(.typeError("math.log() takes no keyword arguments")) }
                guard args.count == 1 || args.count == 2 else {
                    throw .exception(.typeError("math.log requires 1 to 2 arguments"))
                }
                let numerator = try logarithm(args[0], { log($0) })
                guard args.count == 2 else { return .float(numerator) }
                let denominator = try logarithm(args[1], { log($0) })
                return .float(try FloatArithmetic.divide(numerator, denominator))
            },
            function("log2") { args, _ throws(ExecutionError) in .float(try logarithm(one(args, "log2"), { log2($0) })) },
            function("log10") { args, _ throws(ExecutionError) in .float(try logarithm(one(args, "log10"), { log10($0) })) },
            function("pow") { args, _ throws(ExecutionError) in
                let (x, y) = try realPair(args, "pow")
                return .float(try power(x, y))
            },
            function("atan2") { args, _ throws(ExecutionError) in
                let (y, x) = try realPair(args, "atan2")
                return .float(atan2(y, x))
            },
            function("copysign") { args, _ throws(ExecutionError) in
                let (x, y) = try realPair(args, "copysign")
                return .float(copysign(x, y))
            },
            function("fmod") { args, _ throws(ExecutionError) in
                let (x, y) = try realPair(args, "fmod")
                if y.isInfinite && x.isFinite { return .float(x) }
                let r = fmod(x, y)
                if r.isNaN && !x.isNaN && !y.isNaN { throw domainError }
                return .float(r)
            },
            function("remainder") { args, _ throws(ExecutionError) in
                let (x, y) = try realPair(args, "remainder")
                if x.isNaN { return .float(x) }
                if y.isNaN { return .float(y) }
                if x.isInfinite || y == 0 { throw domainError }
                return .float(remainder(x, y))
            },
            function("nextafter") { args, _ throws(ExecutionError) in
                let (x, y) = try realPair(args, "nextafter")
                return .float(nextafter(x, y))
            },
            function("ulp") { args, _ throws(ExecutionError) in
                let x = try real(one(args, "ulp"))
                if x.isNaN || x.isInfinite { return .float(x.magnitude) }
                return .float(x.magnitude.ulp)
            },
            function("ldexp") { args, _ throws(ExecutionError) in
                if args.count != 2 { throw .exception(.typeError("ldexp expected 2 arguments, got \(args.count)")) }
                let x = try real(args[0])
                guard let exponent = args[1].bigIntegerValue else {
                    throw .exception(.typeError("Expected an int as second argument to ldexp."))
                }
                if x == 0 || !x.isFinite { return .float(x) }
                let clamped = Int(exactly: exponent) ?? (exponent.sign == .minus ? Int.min / 2 : Int.max / 2)
                let result = scalbn(x, max(min(clamped, 100_000), -100_000))
                if result.isInfinite { throw rangeError }
                return .float(result)
            },
            function("frexp") { args, _ throws(ExecutionError) in
                let x = try real(one(args, "frexp"))
                if x == 0 || !x.isFinite { return .tuple(PyTuple([.float(x), .int(0)])) }
                var exponent: Int32 = 0
                let mantissa = frexp(x, &exponent)
                return .tuple(PyTuple([.float(mantissa), .int(Int(exponent))]))
            },
            function("modf") { args, _ throws(ExecutionError) in
                let x = try real(one(args, "modf"))
                if x.isInfinite { return .tuple(PyTuple([.float(copysign(0.0, x)), .float(x)])) }
                let integral = x.rounded(.towardZero)
                return .tuple(PyTuple([.float(copysign(x - integral, x)), .float(integral)]))
            },
            function("isfinite") { args, _ throws(ExecutionError) in .bool(try real(one(args, "isfinite")).isFinite) },
            function("isinf") { args, _ throws(ExecutionError) in .bool(try real(one(args, "isinf")).isInfinite) },
            function("isnan") { args, _ throws(ExecutionError) in .bool(try real(one(args, "isnan")).isNaN) },
            function("degrees") { args, _ throws(ExecutionError) in .float(try real(one(args, "degrees")) * (180.0 / Double.pi)) },
            function("radians") { args, _ throws(ExecutionError) in .float(try real(one(args, "radians")) * (Double.pi / 180.0)) },
            function("isclose", isClose),
            function("gamma") { args, _ throws(ExecutionError) in .float(try SpecialFunctions.gamma(real(one(args, "gamma")))) },
            function("lgamma") { args, _ throws(ExecutionError) in .float(try SpecialFunctions.logGamma(real(one(args, "lgamma")))) },
            function("fsum") { args, context throws(ExecutionError) in
                let values = try Iteration.collect(one(args, "fsum"), context)
                return .float(try SpecialFunctions.fsum(values.map { v throws(ExecutionError) in try real(v) }))
            },
            function("hypot") { args, _ throws(ExecutionError) in
                if args.hasKeywords { throw .exception(.typeError("hypot() takes no keyword arguments")) }
                var coordinates: [Double] = []
                for i in 0..<args.count { coordinates.append(try real(args[i])) }
                return .float(SpecialFunctions.vectorNorm(coordinates))
            },
            function("dist") { args, context throws(ExecutionError) in
                if args.count != 2 { throw .exception(.typeError("dist expected 2 arguments, got \(args.count)")) }
                let p = try Iteration.collect(args[0], context)
                let q = try Iteration.collect(args[1], context)
                if p.count != q.count {
                    throw .exception(.valueError("both points must have the same number of dimensions"))
                }
                var differences: [Double] = []
                for i in p.indices { differences.append(try real(p[i]) - real(q[i])) }
                return .float(SpecialFunctions.vectorNorm(differences))
            },
            function("prod") { args, context throws(ExecutionError) in
                if args.count != 1 {
                    throw .exception(.typeError("prod() takes exactly 1 positional argument (\(args.count) given)"))
                }
                var result: Value = .int(1)
                for (name, value) in args.keywords {
                    guard name == "start" else {
                        throw .exception(.typeError("'\(name)' is an invalid keyword argument for prod()"))
                    }
                    result = value
                }
                for value in try Iteration.collect(args[0], context) {
                    result = try Operators.binary(.multiply, result, value, context)
                }
                return result
            },
        ]
        for f in functions { table[f.name] = .function(f) }
        for f in MathIntegers.functions { table[f.name] = .function(f) }
        return table
    }()

    private static func function(_ name: String, _ body: @escaping NativeFunction) -> BuiltinFunction {
        BuiltinFunction(name, owner: "math", body)
    }

    /// A fresh exception each time: the VM records the raising line on the instance.
    static var domainError: ExecutionError { .exception(.valueError("math domain error")) }
    static var rangeError: ExecutionError { .exception(.overflowError("math range error")) }

    // MARK: Arguments

    /// A number as a float: TypeError "must be real number, not str" for anything else.
    static func real(_ value: Value) throws(ExecutionError) -> Double {
        switch value {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .bigInt(let b): return try ExactFloat.double(b.value)
        default: throw .exception(.typeError("must be real number, not \(value.typeName)"))
        }
    }

    /// The single argument of a one-argument function (`math.sqrt() takes exactly one argument (2 given)`).
    static func one(_ args: Arguments, _ name: String) throws(ExecutionError) -> Value {
        if args.hasKeywords { throw .exception(.typeError("math.\(name)() takes no keyword arguments")) }
        if args.count != 1 { throw .exception(.typeError("math.\(name)() takes exactly one argument (\(args.count) given)")) }
        return args[0]
    }

    static func realPair(_ args: Arguments, _ name: String) throws(ExecutionError) -> (Double, Double) {
        if args.hasKeywords { throw .exception(.typeError("\(name)() takes no keyword arguments")) }
        if args.count != 2 { throw .exception(.typeError("\(name) expected 2 arguments, got \(args.count)")) }
        return (try real(args[0]), try real(args[1]))
    }

    /// CPython's `math_1` error mapping: NaN from non-NaN is a domain error; infinity from a finite
    /// input is a range error for functions that can overflow, a domain error (a pole) otherwise.
    static func checked(_ result: Double, input x: Double, canOverflow: Bool) throws(ExecutionError) -> Double {
        if result.isNaN && !x.isNaN { throw domainError }
        if result.isInfinite && x.isFinite { throw canOverflow ? rangeError : domainError }
        return result
    }

    // MARK: Functions

    private static func rounding(_ x: Value, _ rule: FloatingPointRoundingRule) throws(ExecutionError) -> Value {
        switch x {
        case .int, .bigInt: return x
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return try ExactFloat.truncatedInteger(d.rounded(rule))
        default: throw .exception(.typeError("must be real number, not \(x.typeName)"))
        }
    }

    /// `log`, `log2`, `log10` of an int of any size or a float.
    private static func logarithm(_ x: Value, _ function: (Double) -> Double) throws(ExecutionError) -> Double {
        if case .bigInt(let big) = x {
            if big.value.sign == .minus { throw domainError }
            if let d = try? ExactFloat.double(big.value) { return function(d) }
            // Too large for a float: x = m · 2^e with m in [0.5, 1), so log(x) = log(m) + e · log(2).
            let e = big.value.magnitude.bitWidth
            let m = ExactFloat.rounded(big.value.magnitude, sticky: false, exponent: -e, negative: false) ?? 1
            return function(m) + function(2.0) * Double(e)
        }
        let d = try real(x)
        if d.isNaN { return d }
        if d <= 0 { throw domainError }
        if d.isInfinite { return d }
        return function(d)
    }

    /// `math.pow`, which differs from `**`: no complex results, and 0.0 to a negative power is a domain error.
    static func power(_ x: Double, _ y: Double) throws(ExecutionError) -> Double {
        if !x.isFinite || !y.isFinite {
            if x.isNaN { return y == 0 ? 1 : x }
            if y.isNaN { return x == 1 ? 1 : y }
            if x.isInfinite {
                let oddY = y.isFinite && fmod(y.magnitude, 2) == 1
                if y > 0 { return oddY ? x : x.magnitude }
                if y == 0 { return 1 }
                return oddY ? copysign(0.0, x) : 0
            }
            if x.magnitude == 1 { return 1 }
            if y > 0 && x.magnitude > 1 { return y }
            if y < 0 && x.magnitude < 1 { return -y }
            return 0
        }
        let r = pow(x, y)
        if r.isNaN { throw domainError }
        if r.isInfinite { throw x == 0 ? domainError : rangeError }
        return r
    }

    private static func isClose(_ args: Arguments, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        if args.count > 2 {
            throw .exception(.typeError("isclose() takes exactly 2 positional arguments (\(args.count) given)"))
        }
        var relative = 1e-9
        var absolute = 0.0
        var a: Double?
        var b: Double?
        if args.count > 0 { a = try real(args[0]) }
        if args.count > 1 { b = try real(args[1]) }
        for (name, value) in args.keywords {
            switch name {
            case "a" where a == nil: a = try real(value)
            case "b" where b == nil: b = try real(value)
            case "rel_tol": relative = try real(value)
            case "abs_tol": absolute = try real(value)
            default: throw .exception(.typeError("'\(name)' is an invalid keyword argument for isclose()"))
            }
        }
        guard let a else { throw .exception(.typeError("isclose() missing required argument 'a' (pos 1)")) }
        guard let b else { throw .exception(.typeError("isclose() missing required argument 'b' (pos 2)")) }
        if relative < 0 || absolute < 0 { throw .exception(.valueError("tolerances must be non-negative")) }
        if a == b { return .bool(true) }
        if a.isInfinite || b.isInfinite { return .bool(false) }
        let difference = (b - a).magnitude
        return .bool((difference <= (relative * b).magnitude) || (difference <= (relative * a).magnitude)
                     || difference <= absolute)
    }
}
