/// Iterators over builtin values, and materialization of natively iterable values.
///
/// A `PyGenerator` (defined by the VM) is a `PyIterator` that natives cannot advance: it runs Python code.
/// `isNative` is false for it, and natives that receive one are routed to the prelude by the VM.
open class PyIterator {
    public init() {}

    /// `type(it).__name__`, e.g. `list_iterator`.
    open var typeName: String { "iterator" }

    /// False for iterators whose `next` needs the VM (generators, and lazy iterators wrapping them).
    open var isNative: Bool { true }

    /// The next element, or nil when exhausted.
    open func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? { nil }
}

public enum Iteration {
    /// `iter(value)` for natively iterable values. Raises `TypeError: 'int' object is not iterable`.
    ///
    /// An iterator is its own iterator; a dict view (`d.keys()`) gives a fresh iterator each time.
    public static func makeIterator(_ value: Value) throws(ExecutionError) -> PyIterator {
        switch value {
        case .list(let l): return PyListIterator(l)
        case .tuple(let t): return PyTupleIterator(t.items)
        case .str(let s): return PyStrIterator(s)
        case .dict(let d): return PyDictIterator(d, .keys)
        case .set(let s): return PySetIterator(s)
        case .range(let r): return PyRangeIterator(start: r.start, step: r.step, count: r.count)
        case .iterator(let it):
            if let view = it as? PyDictView { return view.makeIterator() }
            return it
        case .unavailable(let u): throw .exception(u.error)
        default: throw .exception(.notIterable(value))
        }
    }

    /// An iterator natives can advance; raises for generators (the VM must route such calls).
    public static func nativeIterator(_ value: Value) throws(ExecutionError) -> PyIterator {
        let iterator = try makeIterator(value)
        if !iterator.isNative { throw needsVM(iterator) }
        return iterator
    }

    /// The error a native raises if it is handed an iterator only the VM can advance.
    static func needsVM(_ iterator: PyIterator) -> ExecutionError {
        .exception(PyException(.typeError, "a '\(iterator.typeName)' cannot be consumed by a builtin implemented natively (sal must run this call in Python)"))
    }

    /// Memory charged per element when a native materializes an iterable.
    static let elementBytes = MemoryLayout<Value>.stride

    /// All elements of a natively iterable value (lists, tuples, str, dict keys, sets, ranges, native iterators).
    ///
    /// Sizes known up front are charged to the memory budget before allocating; every element is
    /// charged to the step budget (which also bounds what iterators of unknown length can produce).
    public static func collect(_ value: Value, _ context: ExecutionContext) throws(ExecutionError) -> [Value] {
        switch value {
        case .list(let l): return l.items
        case .tuple(let t): return t.items
        case .range(let r):
            let count = r.count
            try context.reserve(count: count, elementSize: elementBytes)
            try context.tick(count)
            var out: [Value] = []
            out.reserveCapacity(count)
            var v = r.start
            for _ in 0..<count {
                out.append(.int(v))
                v &+= r.step
            }
            return out
        case .str(let s):
            try context.reserve(count: s.count, elementSize: elementBytes + 48)
            try context.tick(s.count)
            return s.value.unicodeScalars.map { .str(PyString(String($0))) }
        case .dict(let d):
            try context.reserve(count: d.count, elementSize: elementBytes)
            try context.tick(d.count)
            return d.keys
        case .set(let s):
            try context.reserve(count: s.count, elementSize: elementBytes)
            try context.tick(s.count)
            return s.elements
        default:
            let iterator = try nativeIterator(value)
            var out: [Value] = []
            while let v = try iterator.next(context) {
                try context.tick()
                out.append(v)
            }
            return out
        }
    }

    /// Calls `body` for each element of a natively iterable value, without materializing it.
    @inlinable
    public static func forEach(_ value: Value, _ context: ExecutionContext,
                               _ body: (Value) throws(ExecutionError) -> Void) throws(ExecutionError) {
        switch value {
        case .list(let l):
            try context.tick(l.items.count)
            var i = 0
            while i < l.items.count {
                try body(l.items[i])
                i += 1
            }
        case .tuple(let t):
            try context.tick(t.items.count)
            for v in t.items { try body(v) }
        default:
            let iterator = try nativeIterator(value)
            while let v = try iterator.next(context) {
                try context.tick()
                try body(v)
            }
        }
    }
}
