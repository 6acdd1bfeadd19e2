/// A slice resolved against a sequence length (`slice.indices(len)`): the positions it selects.
public struct SliceBounds: Equatable {
    public let start: Int
    public let stop: Int
    public let step: Int
    /// Number of selected positions.
    public let count: Int

    /// Position of the `i`-th selected element (`0 <= i < count`).
    @inlinable
    public func position(_ i: Int) -> Int { start &+ i &* step }
}

extension PySlice {
    /// CPython's `PySlice_Unpack` then `PySlice_AdjustIndices`: None defaults by the step's sign,
    /// out-of-range bounds clamp, ints beyond Int clamp to Int's range, step 0 raises ValueError.
    public func bounds(length: Int) throws(ExecutionError) -> SliceBounds {
        var step = 1
        if case .none = self.step {} else {
            step = try PySlice.index(self.step)
            if step == 0 { throw .exception(.valueError("slice step cannot be zero")) }
            if step < -Int.max { step = -Int.max }
        }
        var start = step < 0 ? Int.max : 0
        if case .none = self.start {} else { start = try PySlice.index(self.start) }
        var stop = step < 0 ? Int.min : Int.max
        if case .none = self.stop {} else { stop = try PySlice.index(self.stop) }

        func adjust(_ i: Int) -> Int {
            if i < 0 {
                let shifted = i &+ length
                return shifted < 0 ? (step < 0 ? -1 : 0) : shifted
            }
            return i >= length ? (step < 0 ? length - 1 : length) : i
        }
        start = adjust(start)
        stop = adjust(stop)
        let count: Int
        if step < 0 {
            count = stop < start ? (start - stop - 1) / (-step) + 1 : 0
        } else {
            count = start < stop ? (stop - start - 1) / step + 1 : 0
        }
        return SliceBounds(start: start, stop: stop, step: step, count: count)
    }

    /// A slice bound: an int (big ints clamp to Int's range) or a TypeError.
    static func index(_ value: Value) throws(ExecutionError) -> Int {
        switch value {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .bigInt(let b): return b.value.sign == .minus ? Int.min : Int.max
        default:
            throw .exception(.typeError("slice indices must be integers or None or have an __index__ method"))
        }
    }
}
