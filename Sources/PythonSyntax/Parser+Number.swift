extension Parser {
    /// The value of a NUMBER token (already validated by the lexer).
    ///
    /// Integers beyond `Int` become `.bigInt` with their decimal digits; floats are correctly rounded.
    /// Imaginary literals are refused (recorded) and stand as 0.0. A decimal literal of more than 4300
    /// digits is a SyntaxError, as CPython's int-string conversion limit makes it.
    mutating func numberConstant(_ number: Token) throws(Diagnostic) -> Constant {
        let start = Int(number.start)
        let end = Int(number.end)
        if number.flags & NumberFlags.imaginary != 0 {
            context.deferred.salOnly(.unsupportedComplexLiteral(number.range))
            return .float(0)
        }
        if number.flags & NumberFlags.float != 0 {
            return .float(NumberLiteral.double(text, start, end))
        }
        var radix = 10
        var digitsStart = start
        if number.flags & NumberFlags.prefixedRadix != 0 {
            switch text[start + 1] | 0x20 {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            default: radix = 2
            }
            digitsStart += 2
        }
        var value = 0
        for offset in digitsStart..<end {
            let byte = text[offset]
            if byte == UInt8(ascii: "_") { continue }
            let (product, productOverflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, sumOverflow) = product.addingReportingOverflow(NumberLiteral.digitValue(byte))
            if productOverflow || sumOverflow {
                if radix == 10 {
                    let digits = (digitsStart..<end).reduce(0) { $0 + (text[$1] == UInt8(ascii: "_") ? 0 : 1) }
                    if digits > 4300 { throw .integerLiteralTooLong(digits: digits, number.range) }
                }
                return .bigInt(NumberLiteral.decimalDigits(text, digitsStart, end, radix: radix))
            }
            value = sum
        }
        return .int(value)
    }
}

/// Conversions of validated numeric literal text.
enum NumberLiteral {
    @inline(__always) static func digitValue(_ byte: UInt8) -> Int {
        byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : Int((byte | 0x20) - UInt8(ascii: "a")) + 10
    }

    /// Exactly representable powers of ten, for the fast path of `double`.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// The correctly rounded value of a float literal (digits, '.', exponent, underscores).
    ///
    /// When the digits fit in 53 bits and the power of ten is at most 22, one IEEE multiplication or
    /// division of two exact values gives the correctly rounded result (Clinger's fast path); other
    /// literals go through the C library's correctly rounded `strtod`.
    static func double(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double {
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var fractionDigits = 0
        var inFraction = false
        var offset = start
        var exponent = 0
        scan: while offset < end {
            let byte = text[offset]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if mantissa != 0 || byte != UInt8(ascii: "0") { significantDigits += 1 }
                if significantDigits > 19 { return slowDouble(text, start, end) }
                mantissa = mantissa &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                if inFraction { fractionDigits += 1 }
            case UInt8(ascii: "."):
                inFraction = true
            case UInt8(ascii: "_"):
                break
            default:
                offset += 1
                var negative = false
                if text[offset] == UInt8(ascii: "-") || text[offset] == UInt8(ascii: "+") {
                    negative = text[offset] == UInt8(ascii: "-")
                    offset += 1
                }
                while offset < end {
                    if text[offset] != UInt8(ascii: "_") {
                        exponent = exponent * 10 + Int(text[offset] - UInt8(ascii: "0"))
                        if exponent > 100_000 { return slowDouble(text, start, end) }
                    }
                    offset += 1
                }
                if negative { exponent = -exponent }
                break scan
            }
            offset += 1
        }
        if mantissa == 0 { return 0 }
        let power = exponent - fractionDigits
        guard mantissa <= 1 << 53, power >= -22, power <= 22 else { return slowDouble(text, start, end) }
        return power >= 0 ? Double(mantissa) * powersOfTen[power] : Double(mantissa) / powersOfTen[-power]
    }

    private static func slowDouble(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double {
        var literal = ""
        literal.reserveCapacity(end - start)
        for offset in start..<end where text[offset] != UInt8(ascii: "_") {
            literal.unicodeScalars.append(Unicode.Scalar(text[offset]))
        }
        return Double(literal) ?? .infinity
    }

    /// The decimal digits of an integer literal too large for `Int`, written in `radix`.
    static func decimalDigits(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, radix: Int) -> String {
        if radix == 10 {
            var digits = ""
            for offset in start..<end where text[offset] != UInt8(ascii: "_") {
                if digits.isEmpty && text[offset] == UInt8(ascii: "0") { continue }
                digits.unicodeScalars.append(Unicode.Scalar(text[offset]))
            }
            return digits.isEmpty ? "0" : digits
        }
        // Little-endian limbs in base 10^9.
        let base: UInt64 = 1_000_000_000
        var limbs: [UInt64] = [0]
        for offset in start..<end where text[offset] != UInt8(ascii: "_") {
            var carry = UInt64(digitValue(text[offset]))
            for index in limbs.indices {
                let value = limbs[index] * UInt64(radix) + carry
                limbs[index] = value % base
                carry = value / base
            }
            if carry > 0 { limbs.append(carry) }
        }
        var digits = String(limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            digits += String(repeating: "0", count: 9 - part.count) + part
        }
        return digits
    }
}
