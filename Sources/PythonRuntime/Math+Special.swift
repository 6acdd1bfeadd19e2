#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `math` functions whose results depend on CPython's own algorithms rather than libm:
/// `gamma`/`lgamma` (a Lanczos approximation), `fsum` (exact partial sums) and `hypot`/`dist`
/// (a scaled, compensated vector norm). Same algorithm, same bits.
enum SpecialFunctions {
    // MARK: Gamma

    /// The Lanczos approximation CPython uses: g and the numerator/denominator coefficients of
    /// its rational function (N = 13).
    private static let lanczosG = 6.024680040776729583740234375
    private static let lanczosGMinusHalf = 5.524680040776729583740234375
    private static let lanczosNumerator: [Double] = [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ]
    private static let lanczosDenominator: [Double] = [
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
        13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    ]
    /// Γ(n) for n = 1...23 (that is, 0! ... 22!), all exact doubles.
    private static let integralGamma: [Double] = {
        var table: [Double] = [1]
        for n in 1..<23 { table.append(table[n - 1] * Double(n)) }
        return table
    }()
    private static let logPi = 1.144729885849400174143427351353058711647

    private static func lanczosSum(_ x: Double) -> Double {
        var numerator = 0.0
        var denominator = 0.0
        let count = lanczosNumerator.count
        if x < 5.0 {
            for i in stride(from: count - 1, through: 0, by: -1) {
                numerator = numerator * x + lanczosNumerator[i]
                denominator = denominator * x + lanczosDenominator[i]
            }
        } else {
            for i in 0..<count {
                numerator = numerator / x + lanczosNumerator[i]
                denominator = denominator / x + lanczosDenominator[i]
            }
        }
        return numerator / denominator
    }

    /// sin(π·x), accurate for large x (reduces modulo 2 first).
    private static func sinPi(_ x: Double) -> Double {
        let y = fmod(x.magnitude, 2.0)
        let n = Int((2.0 * y).rounded())
        let r: Double
        switch n {
        case 0: r = sin(Double.pi * y)
        case 1: r = cos(Double.pi * (y - 0.5))
        case 2: r = sin(Double.pi * (1.0 - y))
        case 3: r = -cos(Double.pi * (y - 1.5))
        default: r = sin(Double.pi * (y - 2.0))
        }
        return copysign(1.0, x) * r
    }

    static func gamma(_ x: Double) throws(ExecutionError) -> Double {
        if !x.isFinite {
            if x.isNaN || x > 0 { return x }
            throw MathModule.domainError
        }
        if x == 0 { throw MathModule.domainError }
        if x == x.rounded(.down) {
            if x < 0 { throw MathModule.domainError }
            if x <= Double(integralGamma.count) { return integralGamma[Int(x) - 1] }
        }
        let absX = x.magnitude
        if absX < 1e-20 {
            let r = 1.0 / x
            if r.isInfinite { throw MathModule.rangeError }
            return r
        }
        if absX > 200 {
            if x < 0 { return 0.0 / sinPi(x) }
            throw MathModule.rangeError
        }
        let y = absX + lanczosGMinusHalf
        var z: Double
        if absX > lanczosGMinusHalf {
            let q = y - absX
            z = q - lanczosGMinusHalf
        } else {
            let q = y - lanczosGMinusHalf
            z = q - absX
        }
        z = z * lanczosG / y
        var r: Double
        if x < 0 {
            r = -Double.pi / sinPi(absX) / absX * exp(y) / lanczosSum(absX)
            r -= z * r
            if absX < 140 {
                r /= pow(y, absX - 0.5)
            } else {
                let half = pow(y, absX / 2.0 - 0.25)
                r /= half
                r /= half
            }
        } else {
            r = lanczosSum(absX) / exp(y)
            r += z * r
            if absX < 140 {
                r *= pow(y, absX - 0.5)
            } else {
                let half = pow(y, absX / 2.0 - 0.25)
                r *= half
                r *= half
            }
        }
        if r.isInfinite { throw MathModule.rangeError }
        return r
    }

    static func logGamma(_ x: Double) throws(ExecutionError) -> Double {
        if !x.isFinite { return x.isNaN ? x : .infinity }
        if x == x.rounded(.down) && x <= 2 {
            if x <= 0 { throw MathModule.domainError }
            return 0
        }
        let absX = x.magnitude
        if absX < 1e-20 { return -log(absX) }
        var r = log(lanczosSum(absX)) - lanczosG
        r += (absX - 0.5) * (log(absX + lanczosG - 0.5) - 1)
        if x < 0 { r = logPi - log(sinPi(absX).magnitude) - log(absX) - r }
        if r.isInfinite { throw MathModule.rangeError }
        return r
    }

    // MARK: fsum

    /// The exactly rounded sum (Shewchuk's non-overlapping partials, then a half-even correction).
    static func fsum(_ values: [Double]) throws(ExecutionError) -> Double {
        var partials: [Double] = []
        var specialSum = 0.0
        var infinitySum = 0.0
        for value in values {
            var x = value
            var kept = 0
            for j in partials.indices {
                var y = partials[j]
                if x.magnitude < y.magnitude { swap(&x, &y) }
                let high = x + y
                let low = y - (high - x)
                if low != 0 {
                    partials[kept] = low
                    kept += 1
                }
                x = high
            }
            partials.removeSubrange(kept...)
            if x != 0 {
                if !x.isFinite {
                    // An infinity or NaN among the inputs, or an overflow of finite partial sums.
                    if value.isFinite { throw .exception(.overflowError("intermediate overflow in fsum")) }
                    if value.isInfinite { infinitySum += value }
                    specialSum += value
                    partials.removeAll()
                } else {
                    partials.append(x)
                }
            }
        }
        if specialSum != 0 {
            if infinitySum.isNaN { throw .exception(.valueError("-inf + inf in fsum")) }
            return specialSum
        }
        var high = 0.0
        var n = partials.count
        if n > 0 {
            n -= 1
            high = partials[n]
            var low = 0.0
            while n > 0 {
                let x = high
                n -= 1
                let y = partials[n]
                high = x + y
                let yr = high - x
                low = y - yr
                if low != 0 { break }
            }
            // Round half to even across the remaining partials: if the next partial has the same
            // sign as the residue, the residue decides the rounding.
            if n > 0 && ((low < 0 && partials[n - 1] < 0) || (low > 0 && partials[n - 1] > 0)) {
                let y = low * 2
                let x = high + y
                let yr = x - high
                if y == yr { high = x }
            }
        }
        return high
    }

    // MARK: Vector norm

    /// sqrt(sum of squares) without overflow or underflow, with a compensated sum and one
    /// correction step of the square root (CPython's `vector_norm`).
    static func vectorNorm(_ coordinates: [Double]) -> Double {
        var maximum = 0.0
        var foundNaN = false
        var vector = coordinates.map(\.magnitude)
        for x in vector {
            foundNaN = foundNaN || x.isNaN
            if x > maximum { maximum = x }
        }
        return norm(&vector, maximum: maximum, foundNaN: foundNaN)
    }

    private static func norm(_ vector: inout [Double], maximum: Double, foundNaN: Bool) -> Double {
        if maximum.isInfinite { return maximum }
        if foundNaN { return .nan }
        if maximum == 0 || vector.count <= 1 { return maximum }
        var maxExponent: Int32 = 0
        _ = frexp(maximum, &maxExponent)
        if maxExponent < -1023 {
            // Subnormal maximum: rescale into the normal range first.
            let minimumNormal = Double.leastNormalMagnitude
            for i in vector.indices { vector[i] /= minimumNormal }
            return minimumNormal * norm(&vector, maximum: maximum / minimumNormal, foundNaN: foundNaN)
        }
        let scale = scalbn(1.0, -Int(maxExponent))
        var sum = 1.0
        var fraction1 = 0.0
        var fraction2 = 0.0
        for value in vector {
            let x = value * scale
            let square = x * x
            let squareLow = fma(x, x, -square)
            let high = sum + square
            let low = (sum - high) + square
            sum = high
            fraction1 += squareLow
            fraction2 += low
        }
        var h = (sum - 1.0 + (fraction1 + fraction2)).squareRoot()
        let square = -h * h
        let squareLow = fma(-h, h, -square)
        let high = sum + square
        let low = (sum - high) + square
        sum = high
        fraction1 += squareLow
        fraction2 += low
        let x = sum - 1.0 + (fraction1 + fraction2)
        h += x / (2.0 * h)
        return h / scale
    }
}
