import BigInt

/// Subscripts, membership and length for every container type, with CPython 3.11's messages.
public enum Containers {
    /// `container[index]` (index may be a slice).
    public static func getItem(_ container: Value, _ index: Value, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        switch container {
        case .list(let l):
            if case .int(let i) = index {
                let n = l.items.count
                let j = i < 0 ? i &+ n : i
                guard j >= 0 && j < n else { throw .exception(.indexError("list index out of range")) }
                return l.items[j]
            }
            if case .slice(let s) = index {
                let b = try s.bounds(length: l.items.count)
                try context.reserve(count: b.count, elementSize: Iteration.elementBytes)
                if b.step == 1 { return .list(PyList(Array(l.items[b.start..<(b.start + b.count)]))) }
                return .list(PyList(select(l.items, b)))
            }
            let i = try index.asIndex(orTypeError: "list indices must be integers or slices, not \(index.typeName)")
            return try getItem(container, .int(i), context)
        case .tuple(let t):
            if case .int(let i) = index {
                let n = t.items.count
                let j = i < 0 ? i &+ n : i
                guard j >= 0 && j < n else { throw .exception(.indexError("tuple index out of range")) }
                return t.items[j]
            }
            if case .slice(let s) = index {
                let b = try s.bounds(length: t.items.count)
                if b.step == 1 && b.count == t.items.count { return container }
                try context.reserve(count: b.count, elementSize: Iteration.elementBytes)
                if b.step == 1 { return .tuple(PyTuple(Array(t.items[b.start..<(b.start + b.count)]))) }
                return .tuple(PyTuple(select(t.items, b)))
            }
            let i = try index.asIndex(orTypeError: "tuple indices must be integers or slices, not \(index.typeName)")
            return try getItem(container, .int(i), context)
        case .str(let s):
            if case .slice(let sl) = index {
                let b = try sl.bounds(length: s.count)
                if b.step == 1 && b.count == s.count { return container }
                return .str(PyString(s.slice(b)))
            }
            let i = try index.asIndex(orTypeError: "string indices must be integers, not '\(index.typeName)'")
            let n = s.count
            let j = i < 0 ? i &+ n : i
            guard j >= 0 && j < n else { throw .exception(.indexError("string index out of range")) }
            return .str(s.character(at: j))
        case .dict(let d):
            let key = try HashKey.make(index)
            guard let v = d.get(key: key) else { throw .exception(.keyError(index)) }
            return v
        case .range(let r):
            if case .slice(let s) = index { return .range(try rangeSlice(r, s)) }
            if case .bigInt = index { throw .exception(.indexError("range object index out of range")) }
            let i = try index.asIndex(orTypeError: "range indices must be integers or slices, not \(index.typeName)")
            let n = r.count
            let j = i < 0 ? i &+ n : i
            guard j >= 0 && j < n else { throw .exception(.indexError("range object index out of range")) }
            return .int(r.element(at: j))
        case .type(let t):
            // `list[int]` in annotations: sal has no generic aliases and gives back the class itself.
            switch t.kind {
            case .list, .dict, .tuple, .set, .frozenset, .type: return container
            default: throw .exception(.typeError("type '\(t.name)' is not subscriptable"))
            }
        case .unavailable(let u): throw .exception(u.error)
        default:
            throw .exception(.typeError("'\(container.typeName)' object is not subscriptable"))
        }
    }

    /// `container[index] = value`
    public static func setItem(_ container: Value, _ index: Value, _ value: Value, _ context: ExecutionContext) throws(ExecutionError) {
        switch container {
        case .list(let l):
            if case .slice(let s) = index {
                try assignSlice(l, s, value, context)
                return
            }
            let i = try index.asIndex(orTypeError: "list indices must be integers or slices, not \(index.typeName)")
            let n = l.items.count
            let j = i < 0 ? i &+ n : i
            guard j >= 0 && j < n else { throw .exception(.indexError("list assignment index out of range")) }
            l.items[j] = value
        case .dict(let d):
            d.set(key: try HashKey.make(index), value)
        case .unavailable(let u): throw .exception(u.error)
        default:
            throw .exception(.typeError("'\(container.typeName)' object does not support item assignment"))
        }
    }

    /// `del container[index]`
    public static func deleteItem(_ container: Value, _ index: Value, _ context: ExecutionContext) throws(ExecutionError) {
        switch container {
        case .list(let l):
            if case .slice(let s) = index {
                let b = try s.bounds(length: l.items.count)
                deleteSlice(l, b)
                return
            }
            let i = try index.asIndex(orTypeError: "list indices must be integers or slices, not \(index.typeName)")
            let n = l.items.count
            let j = i < 0 ? i &+ n : i
            guard j >= 0 && j < n else { throw .exception(.indexError("list assignment index out of range")) }
            l.items.remove(at: j)
        case .dict(let d):
            guard d.remove(key: try HashKey.make(index)) != nil else { throw .exception(.keyError(index)) }
        case .tuple, .str, .range:
            throw .exception(.typeError("'\(container.typeName)' object doesn't support item deletion"))
        case .unavailable(let u): throw .exception(u.error)
        default:
            throw .exception(.typeError("'\(container.typeName)' object does not support item deletion"))
        }
    }

    /// `element in container`
    public static func contains(_ container: Value, _ element: Value, _ context: ExecutionContext) throws(ExecutionError) -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let needle) = element else {
                throw .exception(.typeError("'in <string>' requires string as left operand, not \(element.typeName)"))
            }
            try context.tick(s.value.utf8.count >> 4)
            return StrSearch.find(needle, in: s, from: 0, to: s.count) != nil
        case .list(let l):
            try context.tick(l.items.count)
            var i = 0
            while i < l.items.count {
                if try sequenceElement(l.items[i], equals: element) { return true }
                i += 1
            }
            return false
        case .tuple(let t):
            try context.tick(t.items.count)
            for item in t.items where try sequenceElement(item, equals: element) { return true }
            return false
        case .dict(let d):
            return d.storage.index(forKey: try HashKey.make(element)) != nil
        case .set(let s):
            return try s.contains(element)
        case .range(let r):
            return rangeContains(r, element)
        case .iterator(let it):
            if let view = it as? PyDictView { return try view.contains(element) }
            guard it.isNative else { throw Iteration.needsVM(it) }
            while let v = try it.next(context) {
                try context.tick()
                if try sequenceElement(v, equals: element) { return true }
            }
            return false
        case .unavailable(let u): throw .exception(u.error)
        default:
            throw .exception(.typeError("argument of type '\(container.typeName)' is not iterable"))
        }
    }

    /// `len(container)`
    public static func length(_ container: Value) throws(ExecutionError) -> Int {
        switch container {
        case .str(let s): return s.count
        case .list(let l): return l.items.count
        case .tuple(let t): return t.items.count
        case .dict(let d): return d.count
        case .set(let s): return s.count
        case .range(let r): return r.count
        case .iterator(let it):
            if let view = it as? PyDictView { return view.count }
        case .unavailable(let u): throw .exception(u.error)
        default: break
        }
        throw .exception(.typeError("object of type '\(container.typeName)' has no len()"))
    }

    // MARK: Helpers

    /// Identity, then `==`, as `PySequence_Contains`, `list.index` and `list.count` compare.
    @inlinable
    static func sequenceElement(_ item: Value, equals element: Value) throws(ExecutionError) -> Bool {
        switch (item, element) {
        case let (.int(a), .int(b)): return a == b
        case let (.str(a), .str(b)): return a.equals(b)
        default:
            if item.isIdentical(to: element) { return true }
            return try Operators.equals(item, element)
        }
    }

    static func select(_ items: [Value], _ b: SliceBounds) -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(b.count)
        for i in 0..<b.count { out.append(items[b.position(i)]) }
        return out
    }

    /// `range[slice]`: a new range over the selected elements.
    static func rangeSlice(_ r: PyRange, _ s: PySlice) throws(ExecutionError) -> PyRange {
        let b = try s.bounds(length: r.count)
        let (startOffset, o1) = b.start.multipliedReportingOverflow(by: r.step)
        let (stopOffset, o2) = b.stop.multipliedReportingOverflow(by: r.step)
        let (step, o3) = r.step.multipliedReportingOverflow(by: b.step)
        let (start, o4) = r.start.addingReportingOverflow(startOffset)
        let (stop, o5) = r.start.addingReportingOverflow(stopOffset)
        if o1 || o2 || o3 || o4 || o5 {
            throw .exception(.overflowError("Python int too large to convert to C ssize_t"))
        }
        return PyRange(start: start, stop: stop, step: step)
    }

    /// `x in range`: arithmetic for ints, bools and integral floats; other types are never equal to an int.
    static func rangeContains(_ r: PyRange, _ element: Value) -> Bool {
        let x: Int
        switch element {
        case .int(let i): x = i
        case .bool(let b): x = b ? 1 : 0
        case .float(let d):
            guard d.rounded(.towardZero) == d, let i = Int(exactly: d) else { return false }
            x = i
        default: return false
        }
        if r.step > 0 {
            guard x >= r.start && x < r.stop else { return false }
        } else {
            guard x <= r.start && x > r.stop else { return false }
        }
        let offset = x.subtractingReportingOverflow(r.start)
        if offset.overflow {
            let big = (BigInt(x) - BigInt(r.start)) % BigInt(r.step)
            return big == 0
        }
        return offset.partialValue % r.step == 0
    }

    /// `list[slice] = value`: any iterable for a contiguous slice; an equal-size one for an extended slice.
    static func assignSlice(_ l: PyList, _ s: PySlice, _ value: Value, _ context: ExecutionContext) throws(ExecutionError) {
        let b = try s.bounds(length: l.items.count)
        let replacement: [Value]
        switch value {
        case .list(let other): replacement = other.items
        case .tuple(let t): replacement = t.items
        default:
            guard value.isNativelyIterable else {
                throw .exception(.typeError(b.step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice"))
            }
            replacement = try Iteration.collect(value, context)
        }
        if b.step == 1 {
            let stop = max(b.stop, b.start)
            try context.reserve(count: l.items.count - (stop - b.start) + replacement.count, elementSize: Iteration.elementBytes)
            l.items.replaceSubrange(b.start..<stop, with: replacement)
            return
        }
        guard replacement.count == b.count else {
            throw .exception(.valueError("attempt to assign sequence of size \(replacement.count) to extended slice of size \(b.count)"))
        }
        for i in 0..<b.count { l.items[b.position(i)] = replacement[i] }
    }

    /// `del list[slice]`.
    static func deleteSlice(_ l: PyList, _ b: SliceBounds) {
        if b.count == 0 { return }
        if b.step == 1 {
            l.items.removeSubrange(b.start..<(b.start + b.count))
            return
        }
        // Positions in increasing order, whatever the step's sign.
        let first = b.step > 0 ? b.start : b.position(b.count - 1)
        let stride = abs(b.step)
        var remove = first
        var kept: [Value] = []
        kept.reserveCapacity(l.items.count - b.count)
        var removed = 0
        for (i, item) in l.items.enumerated() {
            if removed < b.count && i == remove {
                removed += 1
                remove += stride
            } else {
                kept.append(item)
            }
        }
        l.items = kept
    }
}

extension Value {
    /// True for values `Iteration.makeIterator` accepts.
    var isNativelyIterable: Bool {
        switch self {
        case .list, .tuple, .str, .dict, .set, .range, .iterator: true
        default: false
        }
    }
}
