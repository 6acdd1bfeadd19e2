import ProgramOutcome

extension HelperCall {
    /// The answer sal computes itself, without any oracle: `compare` of two numbers (ints, floats,
    /// bools as 0/1, as Python compares them), exactly. Nil when the call needs the oracle.
    ///
    /// The trap: converting an int to Double before comparing rounds above 2^53; the comparison
    /// here is exact for every Int and Double pair (a `.bigInteger` against a float goes through Double).
    public var localAnswer: HelperAnswer? {
        guard helper == .compare, arguments.count == 3, let relation = arguments[2].stringValue,
              let ordering = Self.exactOrdering(arguments[0], arguments[1])
        else { return nil }
        let result: Bool
        switch (relation, ordering) {
        case (_, .unordered): result = relation == "!="
        case (">", let order): result = order == .greater
        case ("<", let order): result = order == .less
        case (">=", let order): result = order != .less
        case ("<=", let order): result = order != .greater
        case ("==", let order): result = order == .equal
        case ("!=", let order): result = order != .equal
        default: return nil
        }
        return .value(.bool(result))
    }

    enum NumericOrdering { case less, equal, greater, unordered }

    enum ExactNumber {
        case integer(Int)
        case big(String)
        case float(Double)
    }

    static func exactNumber(_ value: JSONValue) -> ExactNumber? {
        switch value {
        case .bool(let flag): .integer(flag ? 1 : 0)
        case .int(let number): .integer(number)
        case .bigInteger(let digits): .big(digits)
        case .double(let number): .float(number)
        default: nil
        }
    }

    static func exactOrdering(_ a: JSONValue, _ b: JSONValue) -> NumericOrdering? {
        guard let left = exactNumber(a), let right = exactNumber(b) else { return nil }
        switch (left, right) {
        case let (.integer(x), .integer(y)): return order(x, y)
        case let (.float(x), .float(y)): return x.isNaN || y.isNaN ? .unordered : order(x, y)
        case let (.integer(x), .float(y)): return flip(compare(float: y, integer: x))
        case let (.float(x), .integer(y)): return compare(float: x, integer: y)
        case let (.big(x), .big(y)): return compareDecimal(x, y)
        case let (.big(x), .integer(y)): return compareDecimal(x, String(y))
        case let (.integer(x), .big(y)): return compareDecimal(String(x), y)
        case let (.big(x), .float(y)): return y.isNaN ? .unordered : order(Double(x) ?? 0, y)
        case let (.float(x), .big(y)): return x.isNaN ? .unordered : order(x, Double(y) ?? 0)
        }
    }

    static func order<T: Comparable>(_ x: T, _ y: T) -> NumericOrdering {
        x < y ? .less : (x > y ? .greater : .equal)
    }

    static func flip(_ ordering: NumericOrdering) -> NumericOrdering {
        switch ordering {
        case .less: .greater
        case .greater: .less
        default: ordering
        }
    }

    /// Orders a Double against an Int without rounding the Int.
    static func compare(float x: Double, integer y: Int) -> NumericOrdering {
        if x.isNaN { return .unordered }
        if x < -0x1p63 { return .less }
        if x >= 0x1p63 { return .greater }
        let whole = x.rounded(.towardZero)
        let wholeInteger = Int(whole)
        if wholeInteger != y { return order(wholeInteger, y) }
        let fraction = x - whole
        return fraction > 0 ? .greater : (fraction < 0 ? .less : .equal)
    }

    /// Orders two decimal integer texts (optional leading '-', no leading zeros).
    static func compareDecimal(_ x: String, _ y: String) -> NumericOrdering {
        let xNegative = x.hasPrefix("-"), yNegative = y.hasPrefix("-")
        if xNegative != yNegative { return xNegative ? .less : .greater }
        let xDigits = xNegative ? x.dropFirst() : Substring(x)
        let yDigits = yNegative ? y.dropFirst() : Substring(y)
        let magnitude: NumericOrdering = xDigits.count != yDigits.count
            ? order(xDigits.count, yDigits.count)
            : order(String(xDigits), String(yDigits))
        return xNegative ? flip(magnitude) : magnitude
    }
}
