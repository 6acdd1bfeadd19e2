import BigInt

/// Decimal text of floats as CPython writes it: `repr` (shortest round-trip digits) and the fixed,
/// exponent and general styles of `format`/`%`, correctly rounded from the exact binary value.
///
/// The trap: `round(2.675, 2)` and `'%.2f' % 2.675` see 2.67499999..., not 2.675, so rounding works
/// on the double's exact decimal expansion (BigInt arithmetic), never on a printed approximation.
public enum FloatRepr {
    /// A rendering style of the format mini-language.
    public enum Style: Equatable {
        /// `f`: this many digits after the point.
        case fixed(Int)
        /// `e`: this many digits after the point of the mantissa.
        case exponent(Int)
        /// `g`: this many significant digits (0 means 1), trailing zeros removed.
        case general(Int)
        /// `repr`: shortest round-trip digits; exponent notation outside 1e-4 <= |x| < 1e16.
        case shortest
    }

    /// `repr(x)` and `str(x)`.
    public static func repr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        let body = format(d.magnitude, .shortest, alternate: false, addDotZero: true)
        return d.sign == .minus ? "-" + body : body
    }

    /// Renders a finite, non-negative `d` (sign and padding are the caller's), with lowercase `e`.
    /// `addDotZero` gives integral results a `.0` in fixed notation (repr, and format with no type).
    public static func format(_ d: Double, _ style: Style, alternate: Bool, addDotZero: Bool) -> String {
        precondition(d.isFinite && d.sign == .plus, "format takes a finite non-negative value")
        switch style {
        case .fixed(let precision):
            var digits = fixedDigits(d, fractionDigits: precision)
            if digits.count <= precision {
                digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: precision + 1 - digits.count), at: 0)
            }
            let integerCount = digits.count - precision
            var text = String(decoding: digits[..<integerCount], as: UTF8.self)
            if precision > 0 || alternate { text += "." }
            text += String(decoding: digits[integerCount...], as: UTF8.self)
            return text
        case .exponent(let precision):
            let (digits, point) = d == 0
                ? ([UInt8](repeating: UInt8(ascii: "0"), count: precision + 1), 1)
                : significantDigits(d, count: precision + 1)
            return exponentLayout(digits, exponent: point - 1, forcePoint: alternate)
        case .general(let requested):
            let precision = max(requested, 1)
            var (digits, point) = d == 0 ? ([UInt8(ascii: "0")], 1) : significantDigits(d, count: precision)
            if alternate {
                if digits.count < precision {
                    digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: precision - digits.count))
                }
            } else {
                while digits.count > 1 && digits.last == UInt8(ascii: "0") { digits.removeLast() }
            }
            let threshold = addDotZero ? precision - 1 : precision
            if point <= -4 || point > threshold {
                return exponentLayout(digits, exponent: point - 1, forcePoint: alternate)
            }
            return fixedLayout(digits, point: point, forcePoint: alternate, addDotZero: addDotZero)
        case .shortest:
            let (digits, point) = shortestDigits(d)
            if point <= -4 || point > 16 {
                return exponentLayout(digits, exponent: point - 1, forcePoint: alternate)
            }
            return fixedLayout(digits, point: point, forcePoint: alternate, addDotZero: addDotZero)
        }
    }

    private static func exponentLayout(_ digits: [UInt8], exponent: Int, forcePoint: Bool) -> String {
        var text = String(UnicodeScalar(digits[0]))
        if digits.count > 1 || forcePoint { text += "." }
        if digits.count > 1 { text += String(decoding: digits[1...], as: UTF8.self) }
        let magnitude = exponent.magnitude
        text += exponent < 0 ? "e-" : "e+"
        if magnitude < 10 { text += "0" }
        text += String(magnitude)
        return text
    }

    /// Digits `0.d1d2... × 10^point` written without an exponent.
    private static func fixedLayout(_ digits: [UInt8], point: Int, forcePoint: Bool, addDotZero: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count + max(point, -point) + 3)
        if point <= 0 {
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -point))
            bytes.append(contentsOf: digits)
        } else if point >= digits.count {
            bytes.append(contentsOf: digits)
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: point - digits.count))
            if addDotZero {
                bytes.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "0")])
            } else if forcePoint {
                bytes.append(UInt8(ascii: "."))
            }
        } else {
            bytes.append(contentsOf: digits[..<point])
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: digits[point...])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Digit generation

    /// The shortest digits that round-trip (closest to the exact value when several do), as ASCII
    /// digits without leading or trailing zeros, with `value = 0.d1d2... × 10^point`. Zero gives "0", 1.
    public static func shortestDigits(_ d: Double) -> (digits: [UInt8], point: Int) {
        if d == 0 { return ([UInt8(ascii: "0")], 1) }
        // Swift's description yields the shortest, closest round-trip digits; only its layout differs.
        var digits: [UInt8] = []
        var pointOffset: Int?
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for byte in d.magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent { exponent = exponent * 10 + Int(byte - UInt8(ascii: "0")) } else { digits.append(byte) }
            case UInt8(ascii: "."): pointOffset = digits.count
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-"): if inExponent { exponentSign = -1 }
            default: break
            }
        }
        var point = (pointOffset ?? digits.count) + exponentSign * exponent
        var leading = 0
        while leading < digits.count - 1 && digits[leading] == UInt8(ascii: "0") { leading += 1 }
        digits.removeFirst(leading)
        point -= leading
        while digits.count > 1 && digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, point)
    }

    /// round-half-even(|d| · 10^fractionDigits) as ASCII digits ("0" for zero). `fractionDigits` may be negative.
    public static func fixedDigits(_ d: Double, fractionDigits: Int) -> [UInt8] {
        if d == 0 { return [UInt8(ascii: "0")] }
        return scaledDigits(d, power: fractionDigits)
    }

    /// Exactly `count` significant digits of |d| (nonzero, finite), correctly rounded half to even,
    /// with `value ≈ 0.d1d2... × 10^point`.
    public static func significantDigits(_ d: Double, count: Int) -> (digits: [UInt8], point: Int) {
        precondition(count >= 1 && d != 0 && d.isFinite)
        // Estimate the decimal exponent, then correct it: 10^(e10) <= |d| < 10^(e10 + 1).
        var e10 = Int((Double(d.magnitude.exponent) * 0.30102999566398120).rounded(.down))
        while true {
            let text = scaledDigits(d, power: count - 1 - e10)
            if text.count > count {
                e10 += 1
            } else if text.count < count {
                e10 -= 1
            } else {
                return (text, e10 + 1)
            }
        }
    }

    /// The decimal digits of round-half-even(|d| · 10^power). Values with a fractional part and a small
    /// power (`'%.2f' % x`, the common case) take a 128-bit path; everything else uses BigUInt.
    ///
    /// The trap: `'%.2000000f' % x` asks for millions of digits. `d · 10^power` is already an integer once
    /// `power` reaches the count of `d`'s fractional decimal digits (`2^-k` has exactly k), and past that it
    /// only gains zeros; building the whole product as a BigUInt and printing it would take quadratic time.
    static func scaledDigits(_ d: Double, power: Int) -> [UInt8] {
        let (mantissa, binaryExponent) = ExactFloat.decompose(d)
        let exactFractionDigits = max(0, -binaryExponent)
        if power > exactFractionDigits {
            var digits = scaledDigits(d, power: exactFractionDigits)
            digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: power - exactFractionDigits))
            return digits
        }
        if power >= 0 && power <= 19 && binaryExponent < 0 && binaryExponent > -128 {
            var scale: UInt128 = 1
            for _ in 0..<power { scale *= 10 }
            let numerator = UInt128(mantissa) * scale
            let shift = UInt128(-binaryExponent)
            var quotient = numerator >> shift
            let remainder = numerator - (quotient << shift)
            let half = UInt128(1) << (shift - 1)
            if remainder > half || (remainder == half && quotient & 1 == 1) { quotient += 1 }
            return Array(String(quotient).utf8)
        }
        return Array(scaledInteger(d, power: power).description.utf8)
    }

    /// round-half-even(|d| · 10^power), exactly.
    static func scaledInteger(_ d: Double, power: Int) -> BigUInt {
        let (mantissa, binaryExponent) = ExactFloat.decompose(d)
        var numerator = BigUInt(mantissa)
        var denominator = BigUInt(1)
        if power >= 0 { numerator *= BigUInt(10).power(power) } else { denominator *= BigUInt(10).power(-power) }
        if binaryExponent >= 0 { numerator <<= binaryExponent } else { denominator <<= -binaryExponent }
        if denominator == 1 { return numerator }
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        let twice = remainder << 1
        if twice > denominator || (twice == denominator && quotient[bitAt: 0]) { return quotient + 1 }
        return quotient
    }
}
