import BigInt

extension Value {
    /// The value as a Python index (`operator.index`): ints and bools only.
    ///
    /// Raises `TypeError` naming `what` ("list indices must be integers or slices, not str") when the
    /// caller gives a message, and `IndexError`/`OverflowError` for ints too large for Int.
    @inlinable
    public func asIndex(orTypeError message: @autoclosure () -> String) throws(ExecutionError) -> Int {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .bigInt:
            throw .exception(.indexError("cannot fit 'int' into an index-sized integer"))
        default:
            throw .exception(.typeError(message()))
        }
    }

    /// The integer value of an int or bool as a BigInt, or nil for any other type.
    public var bigIntegerValue: BigInt? {
        switch self {
        case .int(let i): BigInt(i)
        case .bool(let b): b ? 1 : 0
        case .bigInt(let b): b.value
        default: nil
        }
    }

    /// The string payload, if this is a str.
    @inlinable
    public var stringValue: String? {
        if case .str(let s) = self { return s.value }
        return nil
    }
}
