#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Python's float operators where they differ from IEEE defaults: floor division and modulo take the
/// divisor's sign (with signed zeros as CPython gives them), and `**` follows CPython's special cases.
///
/// The trap: a negative base with a fractional exponent gives a complex number in CPython; sal has no
/// complex type and raises ValueError instead (a documented difference).
enum FloatArithmetic {
    static func divide(_ a: Double, _ b: Double) throws(ExecutionError) -> Double {
        if b == 0 { throw .exception(.zeroDivision("float division by zero")) }
        return a / b
    }

    /// `a % b`: the result has the sign of `b`; a zero result is `0.0` signed like `b`.
    static func modulo(_ a: Double, _ b: Double) throws(ExecutionError) -> Double {
        if b == 0 { throw .exception(.zeroDivision("float modulo")) }
        var remainder = fmod(a, b)
        if remainder != 0 {
            if (b < 0) != (remainder < 0) { remainder += b }
        } else {
            remainder = copysign(0.0, b)
        }
        return remainder
    }

    static func floorDivide(_ a: Double, _ b: Double) throws(ExecutionError) -> Double {
        if b == 0 { throw .exception(.zeroDivision("float floor division by zero")) }
        return flooredDivMod(a, b).quotient
    }

    static func divmod(_ a: Double, _ b: Double) throws(ExecutionError) -> (quotient: Double, remainder: Double) {
        if b == 0 { throw .exception(.zeroDivision("float divmod()")) }
        return flooredDivMod(a, b)
    }

    /// CPython's float divmod: the quotient is corrected to the floor of the exact quotient.
    private static func flooredDivMod(_ a: Double, _ b: Double) -> (quotient: Double, remainder: Double) {
        var remainder = fmod(a, b)
        var division = (a - remainder) / b
        if remainder != 0 {
            if (b < 0) != (remainder < 0) {
                remainder += b
                division -= 1
            }
        } else {
            remainder = copysign(0.0, b)
        }
        var quotient: Double
        if division != 0 {
            quotient = division.rounded(.down)
            if division - quotient > 0.5 { quotient += 1 }
        } else {
            quotient = copysign(0.0, a / b)
        }
        return (quotient, remainder)
    }

    /// `a ** b` for floats (and ints mixed with floats, or ints with negative exponents).
    static func power(_ base: Double, _ exponent: Double) throws(ExecutionError) -> Double {
        if exponent == 0 { return 1 }
        if base.isNaN { return base }
        if exponent.isNaN { return base == 1 ? 1 : exponent }
        if exponent.isInfinite {
            let magnitude = base.magnitude
            if magnitude == 1 { return 1 }
            return (exponent > 0) == (magnitude > 1) ? .infinity : 0
        }
        let exponentIsOddInteger = isOddInteger(exponent)
        if base.isInfinite {
            if exponent > 0 { return exponentIsOddInteger ? base : base.magnitude }
            return exponentIsOddInteger ? copysign(0.0, base) : 0
        }
        if base == 0 {
            if exponent < 0 { throw .exception(.zeroDivision("0.0 cannot be raised to a negative power")) }
            return exponentIsOddInteger ? base : 0
        }
        var magnitude = base
        var negateResult = false
        if base < 0 {
            if exponent != exponent.rounded(.down) {
                throw .exception(.valueError("negative number cannot be raised to a fractional power (the result would be complex, which sal does not support)"))
            }
            magnitude = -base
            negateResult = exponentIsOddInteger
        }
        if magnitude == 1 { return negateResult ? -1 : 1 }
        let result = pow(magnitude, exponent)
        if result.isInfinite { throw .exception(PyException(.overflowError, args: [.int(34), .string("Numerical result out of range")])) }
        return negateResult ? -result : result
    }

    static func isOddInteger(_ d: Double) -> Bool {
        d.isFinite && d.rounded(.towardZero) == d && fmod(d, 2).magnitude == 1
    }
}
