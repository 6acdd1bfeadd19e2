import ProgramOutcome

/// Typed reads of `ProgramOutcome.JSONValue` members and payloads, nil when the shape differs.
///
/// The trap: `member(_:)` takes the last value of a repeated key (as Python's `json` does), while
/// `JSONValue`'s subscript takes the first; records read here follow Python.
extension JSONValue {
    /// The value of `key` in an object (the last one when a key repeats), nil otherwise.
    public func member(_ key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.last(where: { $0.0 == key })?.1
    }

    /// The array payload, or nil for any other kind of value.
    public var arrayPayload: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The integer payload (`.int` only), or nil.
    public var intPayload: Int? {
        if case .int(let number) = self { return number }
        return nil
    }

    /// A number as a Double (`.int`, `.bigInteger`, `.double`), or nil; booleans are not numbers here.
    public var numberPayload: Double? {
        switch self {
        case .int(let number): Double(number)
        case .bigInteger(let digits): Double(digits)
        case .double(let number): number
        default: nil
        }
    }
}
