import BigInt

extension Builtins {
    /// The numeric builtins: `abs`, `divmod`, `pow`, `round`, `hex`, `oct`, `bin`.
    public static let numericFunctions: [String: BuiltinFunction] = {
        var table: [String: BuiltinFunction] = [:]
        for function in [
            BuiltinFunction("abs") { args, _ throws(ExecutionError) in try absolute(single(args, "abs")) },
            BuiltinFunction("divmod", divmod),
            BuiltinFunction("pow", power),
            BuiltinFunction("round", round),
            BuiltinFunction("hex") { args, context throws(ExecutionError) in try radixString(single(args, "hex"), 16, context) },
            BuiltinFunction("oct") { args, context throws(ExecutionError) in try radixString(single(args, "oct"), 8, context) },
            BuiltinFunction("bin") { args, context throws(ExecutionError) in try radixString(single(args, "bin"), 2, context) },
        ] {
            table[function.name] = function
        }
        return table
    }()

    /// `int()`, `int(x)`, `int(text, base)` (base also by keyword).
    public static func makeInt(_ args: Arguments, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        let bound = try bind(args, "int", names: ["", "base"], required: 0, positionalOnly: 1)
        guard let x = bound[0] else {
            if bound[1] != nil { throw .exception(.typeError("int() missing string argument")) }
            return .int(0)
        }
        if let baseValue = bound[1] {
            let base = try baseValue.asIndex(orTypeError: "'\(baseValue.typeName)' object cannot be interpreted as an integer")
            guard base == 0 || (2...36).contains(base) else {
                throw .exception(.valueError("int() base must be >= 2 and <= 36, or 0"))
            }
            guard case .str(let text) = x else {
                throw .exception(.typeError("int() can't convert non-string with explicit base"))
            }
            return try IntFormatting.parse(text.value, base: base, context)
        }
        switch x {
        case .int, .bigInt: return x
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return try ExactFloat.truncatedInteger(d)
        case .str(let text): return try IntFormatting.parse(text.value, base: 10, context)
        default:
            throw .exception(.typeError("int() argument must be a string, a bytes-like object or a real number, not '\(x.typeName)'"))
        }
    }

    /// `float()`, `float(x)`.
    public static func makeFloat(_ args: Arguments, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        if args.hasKeywords { throw .exception(.typeError("float() takes no keyword arguments")) }
        if args.count > 1 { throw .exception(.typeError("float expected at most 1 argument, got \(args.count)")) }
        if args.count == 0 { return .float(0) }
        let x = args[0]
        switch x {
        case .float: return x
        case .int, .bool, .bigInt: return .float(try ExactFloat.double(x)!)
        case .str(let text): return .float(try FloatParsing.parse(text.value))
        default:
            throw .exception(.typeError("float() argument must be a string or a real number, not '\(x.typeName)'"))
        }
    }

    /// `bool()`, `bool(x)`.
    public static func makeBool(_ args: Arguments, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        if args.hasKeywords { throw .exception(.typeError("bool() takes no keyword arguments")) }
        if args.count > 1 { throw .exception(.typeError("bool expected at most 1 argument, got \(args.count)")) }
        if args.count == 0 { return .bool(false) }
        if case .unavailable(let u) = args[0] { throw .exception(u.error) }
        return .bool(args[0].isTruthy)
    }

    // MARK: Implementations

    static func absolute(_ x: Value) throws(ExecutionError) -> Value {
        switch x {
        case .int(let i): return i == .min ? .integer(-BigInt(i)) : .int(abs(i))
        case .bool(let b): return .int(b ? 1 : 0)
        case .bigInt(let b): return .integer(BigInt(b.value.magnitude))
        case .float(let d): return .float(d.magnitude)
        default: throw .exception(.typeError("bad operand type for abs(): '\(x.typeName)'"))
        }
    }

    private static func divmod(_ args: Arguments, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        if args.hasKeywords { throw .exception(.typeError("divmod() takes no keyword arguments")) }
        if args.count != 2 { throw .exception(.typeError("divmod expected 2 arguments, got \(args.count)")) }
        return try divmod(args[0], args[1], context)
    }

    /// `divmod(a, b)` for numbers.
    static func divmod(_ a: Value, _ b: Value, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        switch (a, b) {
        case let (.int(x), .int(y)) where y != 0 && !(x == .min && y == -1):
            var quotient = x / y
            var remainder = x % y
            if remainder != 0 && (remainder < 0) != (y < 0) {
                quotient -= 1
                remainder += y
            }
            return .tuple(PyTuple([.int(quotient), .int(remainder)]))
        case (.float, _), (_, .float):
            guard a.isNumber && b.isNumber, let x = try ExactFloat.double(a), let y = try ExactFloat.double(b) else { break }
            let (q, r) = try FloatArithmetic.divmod(x, y)
            return .tuple(PyTuple([.float(q), .float(r)]))
        default:
            guard let x = a.bigIntegerValue, let y = b.bigIntegerValue else { break }
            let (q, r) = try IntArithmetic.divmod(x, y, context)
            return .tuple(PyTuple([q, r]))
        }
        throw .exception(.unsupportedOperands("divmod()", a, b))
    }

    private static func power(_ args: Arguments, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        let bound = try bind(args, "pow", names: ["base", "exp", "mod"], required: 2)
        let base = bound[0]!
        let exponent = bound[1]!
        guard let modulus = bound[2], !isNone(modulus) else {
            return try Operators.binary(.power, base, exponent, context)
        }
        guard let b = base.bigIntegerValue, let e = exponent.bigIntegerValue, let m = modulus.bigIntegerValue else {
            if base.isNumber && exponent.isNumber && modulus.isNumber {
                throw .exception(.typeError("pow() 3rd argument not allowed unless all arguments are integers"))
            }
            throw .exception(.typeError("unsupported operand type(s) for ** or pow(): '\(base.typeName)', '\(exponent.typeName)', '\(modulus.typeName)'"))
        }
        return try IntArithmetic.modularPower(b, e, m, context)
    }

    private static func round(_ args: Arguments, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        let bound = try bind(args, "round", names: ["number", "ndigits"], required: 1)
        return try round(bound[0]!, ndigits: bound[1].flatMap { isNone($0) ? nil : $0 })
    }

    /// `round(x)` and `round(x, ndigits)` for ints and floats (half to even, on the exact value).
    static func round(_ x: Value, ndigits: Value?) throws(ExecutionError) -> Value {
        var digits: BigInt?
        if let ndigits {
            guard let n = ndigits.bigIntegerValue else {
                throw .exception(.typeError("'\(ndigits.typeName)' object cannot be interpreted as an integer"))
            }
            digits = n
        }
        switch x {
        case .float(let d):
            guard let digits else {
                if d.isNaN { throw .exception(.valueError("cannot convert float NaN to integer")) }
                if d.isInfinite { throw .exception(.overflowError("cannot convert float infinity to integer")) }
                return try ExactFloat.truncatedInteger(d.rounded(.toNearestOrEven))
            }
            return .float(try roundFloat(d, digits))
        case .int, .bool, .bigInt:
            let value = x.bigIntegerValue!
            guard let digits, digits.sign == .minus, !digits.isZero else { return .integer(value) }
            return .integer(roundInteger(value, digits: -digits))
        default:
            throw .exception(.typeError("type \(x.typeName) doesn't define __round__ method"))
        }
    }

    /// Rounds `value` to a multiple of 10^places, ties to even.
    private static func roundInteger(_ value: BigInt, digits places: BigInt) -> BigInt {
        let decimalDigits = Double(value.magnitude.bitWidth) * 0.30103 + 1
        guard let p = Int(exactly: places), Double(p) <= decimalDigits + 1 else { return 0 }
        let scale = BigInt(10).power(p)
        var (quotient, remainder) = IntArithmetic.floorDivMod(value, scale)
        remainder *= 2
        if remainder > scale || (remainder == scale && quotient.magnitude[bitAt: 0]) { quotient += 1 }
        return quotient * scale
    }

    /// CPython's `float.__round__(ndigits)`: correctly rounded through the exact decimal expansion.
    private static func roundFloat(_ d: Double, _ places: BigInt) throws(ExecutionError) -> Double {
        if places > 323 { return d }
        if places < -308 { return 0.0 * d }
        if d == 0 || !d.isFinite { return d }
        let n = Int(places)
        let digits = FloatRepr.fixedDigits(d.magnitude, fractionDigits: n)
        let text = (d < 0 ? "-" : "") + String(decoding: digits, as: UTF8.self) + "e" + String(-n)
        guard let result = Double(text), result.isFinite else {
            throw .exception(.overflowError("rounded value too large to represent"))
        }
        return result
    }

    private static func radixString(_ x: Value, _ radix: Int, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        guard let value = x.bigIntegerValue else {
            throw .exception(.typeError("'\(x.typeName)' object cannot be interpreted as an integer"))
        }
        return .string(try IntFormatting.prefixed(value, radix: radix, context))
    }

    // MARK: Argument binding

    /// The single positional argument of `abs`, `hex`, ... with CPython's messages.
    static func single(_ args: Arguments, _ name: String) throws(ExecutionError) -> Value {
        if args.hasKeywords { throw .exception(.typeError("\(name)() takes no keyword arguments")) }
        if args.count != 1 {
            throw .exception(.typeError("\(name)() takes exactly one argument (\(args.count) given)"))
        }
        return args[0]
    }

    /// Binds positional and keyword arguments to `names` (the first `positionalOnly` are positional-only,
    /// named "" when they have no keyword form), checking counts the way CPython's argument clinic does.
    static func bind(_ args: Arguments, _ function: String, names: [String], required: Int,
                     positionalOnly: Int = 0) throws(ExecutionError) -> [Value?] {
        if args.count > names.count {
            throw .exception(.typeError("\(function)() takes at most \(names.count) argument\(names.count == 1 ? "" : "s") (\(args.count) given)"))
        }
        var bound = [Value?](repeating: nil, count: names.count)
        for i in 0..<args.count { bound[i] = args[i] }
        for (name, value) in args.keywords {
            guard let index = names.firstIndex(of: name), index >= positionalOnly, !name.isEmpty else {
                throw .exception(.typeError("'\(name)' is an invalid keyword argument for \(function)()"))
            }
            if bound[index] != nil {
                throw .exception(.typeError("argument for \(function)() given by name ('\(name)') and position (\(index + 1))"))
            }
            bound[index] = value
        }
        for i in 0..<required where bound[i] == nil {
            throw .exception(.typeError("\(function)() missing required argument '\(names[i])' (pos \(i + 1))"))
        }
        return bound
    }

    private static func isNone(_ value: Value) -> Bool {
        if case .none = value { return true }
        return false
    }
}
