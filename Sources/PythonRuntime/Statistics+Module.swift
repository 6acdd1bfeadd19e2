import BigInt

/// Python 3.11's `statistics` module, for int and float data: mean, fmean, median (low/high), mode,
/// multimode, variance, pvariance, stdev, pstdev, and StatisticsError.
///
/// Sums are exact rationals as in CPython (floats are exact binary fractions), so `mean([1, 2, 3])`
/// is the int 2 while `mean([1, 2, 3, 4])` is 2.5, and stdev is the correctly rounded square root.
/// The trap: the result type follows the data (all ints -> int when exact, any float -> float).
enum StatisticsModule {
    static let statisticsError = PyType("StatisticsError", kind: .exception, base: .valueError)

    static let module = PyModule(name: "statistics", members: [
        "StatisticsError": .type(statisticsError),
        "mean": .function(function("mean") { args, context throws(ExecutionError) in
            let data = try summarize(try Iteration.collect(single(args, "mean"), context))
            if data.count < 1 { throw error("mean requires at least one data point") }
            return try convert(data.sum.divided(by: data.count), special: data.special.map { $0 / Double(data.count) }, data.isFloat)
        }),
        "fmean": .function(function("fmean", fmean)),
        "median": .function(function("median") { args, context throws(ExecutionError) in
            let data = try sorted(Iteration.collect(single(args, "median"), context))
            if data.isEmpty { throw error("no median for empty data") }
            let n = data.count
            if n % 2 == 1 { return data[n / 2] }
            let sum = try Operators.binary(.add, data[n / 2 - 1], data[n / 2], context)
            return try Operators.binary(.trueDivide, sum, .int(2), context)
        }),
        "median_low": .function(function("median_low") { args, context throws(ExecutionError) in
            let data = try sorted(Iteration.collect(single(args, "median_low"), context))
            if data.isEmpty { throw error("no median for empty data") }
            return data[data.count % 2 == 1 ? data.count / 2 : data.count / 2 - 1]
        }),
        "median_high": .function(function("median_high") { args, context throws(ExecutionError) in
            let data = try sorted(Iteration.collect(single(args, "median_high"), context))
            if data.isEmpty { throw error("no median for empty data") }
            return data[data.count / 2]
        }),
        "mode": .function(function("mode") { args, context throws(ExecutionError) in
            let counts = try count(Iteration.collect(single(args, "mode"), context))
            guard let best = counts.max(by: { $0.count < $1.count }) else { throw error("no mode for empty data") }
            return counts.first { $0.count == best.count }!.value
        }),
        "multimode": .function(function("multimode") { args, context throws(ExecutionError) in
            let counts = try count(Iteration.collect(single(args, "multimode"), context))
            let best = counts.map(\.count).max() ?? 0
            return .list(PyList(counts.filter { $0.count == best }.map(\.value)))
        }),
        "variance": .function(function("variance") { args, context throws(ExecutionError) in
            let (deviations, isFloat, n) = try squaredDeviations(args, "variance", context)
            if n < 2 { throw error("variance requires at least two data points") }
            return try convert(deviations.exact?.divided(by: n - 1), special: deviations.special.map { $0 / Double(n - 1) }, isFloat)
        }),
        "pvariance": .function(function("pvariance") { args, context throws(ExecutionError) in
            let (deviations, isFloat, n) = try squaredDeviations(args, "pvariance", context)
            if n < 1 { throw error("pvariance requires at least one data point") }
            return try convert(deviations.exact?.divided(by: n), special: deviations.special.map { $0 / Double(n) }, isFloat)
        }),
        "stdev": .function(function("stdev") { args, context throws(ExecutionError) in
            let (deviations, _, n) = try squaredDeviations(args, "stdev", context)
            if n < 2 { throw error("stdev requires at least two data points") }
            guard let exact = deviations.exact else { throw noNumerator }
            return .float(try squareRoot(exact.divided(by: n - 1)))
        }),
        "pstdev": .function(function("pstdev") { args, context throws(ExecutionError) in
            let (deviations, _, n) = try squaredDeviations(args, "pstdev", context)
            if n < 1 { throw error("pstdev requires at least one data point") }
            guard let exact = deviations.exact else { throw noNumerator }
            return .float(try squareRoot(exact.divided(by: n)))
        }),
    ])

    private static func function(_ name: String, _ body: @escaping NativeFunction) -> BuiltinFunction {
        BuiltinFunction(name, owner: "statistics", body)
    }

    static func error(_ message: String) -> ExecutionError { .exception(PyException(statisticsError, message)) }

    /// CPython 3.11's stdev of data with an infinity or NaN fails inside the fraction arithmetic.
    private static var noNumerator: ExecutionError {
        .exception(.attributeError("'float' object has no attribute 'numerator'"))
    }

    private static func single(_ args: Arguments, _ name: String) throws(ExecutionError) -> Value {
        if args.hasKeywords { throw .exception(.typeError("\(name)() takes no keyword arguments")) }
        if args.count != 1 { throw .exception(.typeError("\(name)() takes exactly 1 positional argument (\(args.count) given)")) }
        return args[0]
    }

    // MARK: Exact sums

    /// An exact rational number with a positive denominator.
    struct Ratio {
        var numerator: BigInt
        var denominator: BigInt

        static let zero = Ratio(numerator: 0, denominator: 1)

        static func + (a: Ratio, b: Ratio) -> Ratio {
            if a.denominator == b.denominator { return Ratio(numerator: a.numerator + b.numerator, denominator: a.denominator) }
            return Ratio(numerator: a.numerator * b.denominator + b.numerator * a.denominator,
                         denominator: a.denominator * b.denominator).reduced()
        }

        static func * (a: Ratio, b: Ratio) -> Ratio {
            Ratio(numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator)
        }

        func divided(by n: Int) -> Ratio {
            Ratio(numerator: numerator * BigInt(n.signum()), denominator: denominator * BigInt(n.magnitude)).reduced()
        }

        func reduced() -> Ratio {
            let divisor = BigInt(numerator.magnitude.greatestCommonDivisor(with: denominator.magnitude))
            if divisor <= 1 { return self }
            return Ratio(numerator: numerator / divisor, denominator: denominator / divisor)
        }

        /// The exact value of an int or a finite float; nil for NaN and infinities.
        static func exact(_ value: Value) throws(ExecutionError) -> Ratio? {
            switch value {
            case .int, .bool, .bigInt: return Ratio(numerator: value.bigIntegerValue!, denominator: 1)
            case .float(let d):
                if !d.isFinite { return nil }
                if d == 0 { return .zero }
                let (mantissa, exponent) = ExactFloat.decompose(d)
                let sign: BigInt = d < 0 ? -1 : 1
                if exponent >= 0 { return Ratio(numerator: sign * (BigInt(mantissa) << exponent), denominator: 1) }
                return Ratio(numerator: sign * BigInt(mantissa), denominator: BigInt(1) << -exponent).reduced()
            default:
                throw .exception(.typeError("can't convert type '\(value.typeName)' to numerator/denominator"))
            }
        }
    }

    /// The exact sum of the data, its count, whether any element is a float, and the float sum of
    /// its infinities and NaNs (which, when present, decides the result as in CPython).
    private static func summarize(_ values: [Value]) throws(ExecutionError) -> (sum: Ratio, count: Int, isFloat: Bool, special: Double?) {
        var sum = Ratio.zero
        var special: Double?
        var isFloat = false
        for value in values {
            if case .float = value { isFloat = true }
            if let exact = try Ratio.exact(value) {
                sum = sum + exact
            } else if case .float(let d) = value {
                special = (special ?? 0) + d
            }
        }
        return (sum, values.count, isFloat, special)
    }

    /// The sum of squared deviations from the mean (or from the given `xbar`/`mu`), exactly.
    private static func squaredDeviations(_ args: Arguments, _ name: String, _ context: ExecutionContext)
        throws(ExecutionError) -> (deviations: (exact: Ratio?, special: Double?), isFloat: Bool, count: Int) {
        let bound = try Builtins.bind(args, name, names: ["data", name.hasPrefix("p") ? "mu" : "xbar"], required: 1)
        let values = try Iteration.collect(bound[0]!, context)
        if let center = bound[1], !isNone(center) {
            var squares: [Value] = []
            for value in values {
                let d = try Operators.binary(.subtract, value, center, context)
                squares.append(try Operators.binary(.multiply, d, d, context))
            }
            let data = try summarize(squares)
            let isFloat = data.isFloat || values.contains { if case .float = $0 { true } else { false } }
            return ((data.special == nil ? data.sum : nil, data.special), isFloat, values.count)
        }
        var sum = Ratio.zero
        var sumOfSquares = Ratio.zero
        var special: Double?
        var isFloat = false
        for value in values {
            if case .float = value { isFloat = true }
            if let exact = try Ratio.exact(value) {
                sum = sum + exact
                sumOfSquares = sumOfSquares + exact * exact
            } else if case .float(let d) = value {
                special = (special ?? 0) + d
            }
        }
        if let special { return ((nil, special), isFloat, values.count) }
        let n = values.count
        if n == 0 { return ((.zero, nil), isFloat, 0) }
        let nRatio = Ratio(numerator: BigInt(n), denominator: 1)
        let difference = nRatio * sumOfSquares + Ratio(numerator: -1, denominator: 1) * (sum * sum)
        return ((difference.reduced().divided(by: n), nil), isFloat, n)
    }

    /// CPython's `_convert`: an int when all data are ints and the value is integral, else a float.
    private static func convert(_ value: Ratio?, special: Double?, _ isFloat: Bool) throws(ExecutionError) -> Value {
        if let special { return .float(special) }
        guard let value else { return .float(.nan) }
        let reduced = value.reduced()
        if !isFloat && reduced.denominator == 1 { return .integer(reduced.numerator) }
        return .float(try ExactFloat.trueDivide(reduced.numerator, reduced.denominator))
    }

    /// The correctly rounded square root of a non-negative rational (round-to-odd, then one rounding).
    static func squareRoot(_ value: Ratio) throws(ExecutionError) -> Double {
        let n = value.numerator
        let m = value.denominator
        if n.isZero { return 0 }
        let width = 2 * 53 + 3
        let q = (n.magnitude.bitWidth - m.magnitude.bitWidth - width).flooredHalf
        func roundToOddRoot(_ a: BigInt, _ b: BigInt) -> BigInt {
            let root = BigInt(MathIntegers.integerSquareRoot((a / b).magnitude))
            return root * root * b != a ? root | 1 : root
        }
        if q >= 0 {
            return try ExactFloat.trueDivide(roundToOddRoot(n, m << (2 * q)) << q, 1)
        }
        return try ExactFloat.trueDivide(roundToOddRoot(n << (-2 * q), m), BigInt(1) << -q)
    }

    private static func fmean(_ args: Arguments, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        let bound = try Builtins.bind(args, "fmean", names: ["data", "weights"], required: 1)
        let values = try Iteration.collect(bound[0]!, context)
        guard let weightsValue = bound[1], !isNone(weightsValue) else {
            let total = try SpecialFunctions.fsum(values.map { v throws(ExecutionError) in try MathModule.real(v) })
            if values.isEmpty { throw error("fmean requires at least one data point") }
            return .float(total / Double(values.count))
        }
        let weights = try Iteration.collect(weightsValue, context)
        var products: [Double] = []
        for (value, weight) in zip(values, weights) {
            products.append(try MathModule.real(Operators.binary(.multiply, value, weight, context)))
        }
        let numerator = try SpecialFunctions.fsum(products)
        if values.count != weights.count { throw error("data and weights must be the same length") }
        let denominator = try SpecialFunctions.fsum(weights.map { v throws(ExecutionError) in try MathModule.real(v) })
        if denominator == 0 { throw error("sum of weights must be non-zero") }
        return .float(numerator / denominator)
    }

    // MARK: Ordering and counting

    /// `sorted(values)`: CPython's timsort, so data with NaN (which `<` does not order) ends in
    /// CPython's order and the median picks the same element.
    static func sorted(_ values: [Value]) throws(ExecutionError) -> [Value] {
        var result = values
        try ListSort.sort(&result, reverse: false)
        return result
    }

    /// Occurrence counts in first-seen order (`collections.Counter`).
    private static func count(_ values: [Value]) throws(ExecutionError) -> [(value: Value, count: Int)] {
        let index = PyDict()
        var counts: [(value: Value, count: Int)] = []
        for value in values {
            if let existing = try index.get(value), case .int(let position) = existing {
                counts[position].count += 1
            } else {
                try index.set(value, .int(counts.count))
                counts.append((value, 1))
            }
        }
        return counts
    }

    private static func isNone(_ value: Value) -> Bool {
        if case .none = value { return true }
        return false
    }
}

private extension Int {
    /// floor(self / 2), also for negative values (Python's `// 2`).
    var flooredHalf: Int { self >> 1 }
}
