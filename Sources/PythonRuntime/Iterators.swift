import BigInt

/// `iter(list)`: walks by index, so appends made during the loop are seen (as in CPython).
public final class PyListIterator: PyIterator {
    let list: PyList
    var index = 0

    public init(_ list: PyList) { self.list = list }

    public override var typeName: String { "list_iterator" }

    public override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        guard index < list.items.count else {
            index = Int.max
            return nil
        }
        defer { index += 1 }
        return list.items[index]
    }
}

/// `reversed(list)`: from the end down; stops (for good) once the index leaves the list.
public final class PyListReverseIterator: PyIterator {
    let list: PyList
    var index: Int

    public init(_ list: PyList) {
        self.list = list
        index = list.items.count - 1
    }

    public override var typeName: String { "list_reverseiterator" }

    public override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        guard index >= 0 && index < list.items.count else {
            index = -1
            return nil
        }
        defer { index -= 1 }
        return list.items[index]
    }
}

/// `iter(tuple)`.
public final class PyTupleIterator: PyIterator {
    let items: [Value]
    var index = 0

    public init(_ items: [Value]) { self.items = items }

    public override var typeName: String { "tuple_iterator" }

    public override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        guard index < items.count else { return nil }
        defer { index += 1 }
        return items[index]
    }
}

/// `reversed(tuple)` and `reversed(str)`: CPython's generic `reversed` object over a sequence.
public final class PyReversedIterator: PyIterator {
    let items: [Value]
    var index: Int

    public init(_ items: [Value]) {
        self.items = items
        index = items.count - 1
    }

    public override var typeName: String { "reversed" }

    public override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        guard index >= 0 else { return nil }
        defer { index -= 1 }
        return items[index]
    }
}

/// `iter(str)`: one-character strings, by code point.
public final class PyStrIterator: PyIterator {
    let text: String
    var index: String.UnicodeScalarView.Index
    let ascii: Bool

    public init(_ s: PyString) {
        text = s.value
        index = s.value.unicodeScalars.startIndex
        ascii = s.isASCII
    }

    public override var typeName: String { ascii ? "str_ascii_iterator" : "str_iterator" }

    public override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        let scalars = text.unicodeScalars
        guard index < scalars.endIndex else { return nil }
        let scalar = scalars[index]
        index = scalars.index(after: index)
        return .str(PyString(String(scalar)))
    }
}

/// `iter(range)` and `reversed(range)`: computes each element, never allocating the range.
public final class PyRangeIterator: PyIterator {
    let start: Int
    let step: Int
    let count: Int
    var index = 0

    public init(start: Int, step: Int, count: Int) {
        self.start = start
        self.step = step
        self.count = count
    }

    /// `reversed(range)`: the same elements from the last one down (wrapping arithmetic is exact
    /// here because every element lies between `start` and `stop`).
    public static func reversed(_ r: PyRange) -> PyRangeIterator {
        let count = r.count
        let last = r.start &+ (count &- 1) &* r.step
        return PyRangeIterator(start: last, step: 0 &- r.step, count: count)
    }

    public override var typeName: String { "range_iterator" }

    public override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        guard index < count else { return nil }
        defer { index += 1 }
        return .int(start &+ index &* step)
    }
}

/// Iterates a dict's keys, values or items in order (or in reverse), raising CPython's
/// RuntimeError if the dict gains or loses keys meanwhile.
///
/// CPython notices a delete-then-insert (same size) only after yielding some more keys; sal raises
/// "dictionary keys changed during iteration" at the next step.
public final class PyDictIterator: PyIterator {
    public enum Kind: Sendable { case keys, values, items }

    let dict: PyDict
    let kind: Kind
    let reverse: Bool
    let expectedCount: Int
    let expectedVersion: Int
    var index: Int
    var failed = false

    public init(_ dict: PyDict, _ kind: Kind, reverse: Bool = false) {
        self.dict = dict
        self.kind = kind
        self.reverse = reverse
        expectedCount = dict.count
        expectedVersion = dict.keyVersion
        index = reverse ? dict.count - 1 : 0
    }

    public override var typeName: String {
        switch (kind, reverse) {
        case (.keys, false): "dict_keyiterator"
        case (.values, false): "dict_valueiterator"
        case (.items, false): "dict_itemiterator"
        case (.keys, true): "dict_reversekeyiterator"
        case (.values, true): "dict_reversevalueiterator"
        case (.items, true): "dict_reverseitemiterator"
        }
    }

    public override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        if failed || dict.count != expectedCount {
            failed = true
            throw .exception(PyException(.runtimeError, "dictionary changed size during iteration"))
        }
        if dict.keyVersion != expectedVersion {
            failed = true
            throw .exception(PyException(.runtimeError, "dictionary keys changed during iteration"))
        }
        guard index >= 0 && index < dict.count else { return nil }
        let position = index
        index += reverse ? -1 : 1
        switch kind {
        case .keys: return dict.storage.keys[position].value
        case .values: return dict.storage.values[position]
        case .items:
            return .tuple(PyTuple([dict.storage.keys[position].value, dict.storage.values[position]]))
        }
    }
}

/// `d.keys()`, `d.values()`, `d.items()`: live, re-iterable views of a dict.
///
/// Views are not iterators, but `Value` has no case of their own, so they travel as `.iterator`;
/// `Iteration.makeIterator` gives a fresh iterator each time and `next()` refuses them, as CPython does.
public final class PyDictView: PyIterator {
    public let dict: PyDict
    public let kind: PyDictIterator.Kind

    public init(_ dict: PyDict, _ kind: PyDictIterator.Kind) {
        self.dict = dict
        self.kind = kind
    }

    public override var typeName: String {
        switch kind {
        case .keys: "dict_keys"
        case .values: "dict_values"
        case .items: "dict_items"
        }
    }

    public override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        throw .exception(.typeError("'\(typeName)' object is not an iterator"))
    }

    public func makeIterator(reverse: Bool = false) -> PyDictIterator {
        PyDictIterator(dict, kind, reverse: reverse)
    }

    public var count: Int { dict.count }

    /// The elements now, in order (for repr and materialization).
    public func snapshot() -> [Value] {
        switch kind {
        case .keys: return dict.keys
        case .values: return dict.values
        case .items: return dict.storage.map { .tuple(PyTuple([$0.key.value, $0.value])) }
        }
    }

    /// `x in view`: a key lookup for keys and items (which then compares the value), a scan for values.
    public func contains(_ element: Value) throws(ExecutionError) -> Bool {
        switch kind {
        case .keys: return try dict.contains(element)
        case .values:
            for v in dict.storage.values where try Operators.equals(v, element) { return true }
            return false
        case .items:
            guard case .tuple(let t) = element, t.items.count == 2 else { return false }
            guard let v = try dict.get(t.items[0]) else { return false }
            return try Operators.equals(v, t.items[1])
        }
    }
}

/// `iter(set)`: walks the table's slots like CPython, raising if the set's size changes.
public final class PySetIterator: PyIterator {
    let set: PySet
    let expectedCount: Int
    var slot = 0
    var failed = false

    public init(_ set: PySet) {
        self.set = set
        expectedCount = set.count
    }

    public override var typeName: String { "set_iterator" }

    public override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        if failed || set.count != expectedCount {
            failed = true
            throw .exception(PyException(.runtimeError, "Set changed size during iteration"))
        }
        let slots = set.slotCount
        while slot < slots {
            defer { slot += 1 }
            if let key = set.element(atSlot: slot) { return key }
        }
        return nil
    }
}

/// `enumerate(iterable, start)`.
public final class PyEnumerate: PyIterator {
    let source: PyIterator
    var counter: Value

    public init(_ source: PyIterator, start: Value) {
        self.source = source
        counter = start
    }

    public override var typeName: String { "enumerate" }
    public override var isNative: Bool { source.isNative }

    public override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        guard let v = try source.next(context) else { return nil }
        let index = counter
        switch counter {
        case .int(let i) where i < Int.max: counter = .int(i + 1)
        default: counter = .integer((counter.bigIntegerValue ?? 0) + 1)
        }
        return .tuple(PyTuple([index, v]))
    }
}

/// `zip(*iterables, strict=False)`.
public final class PyZip: PyIterator {
    let sources: [PyIterator]
    let strict: Bool
    var exhausted = false

    public init(_ sources: [PyIterator], strict: Bool) {
        self.sources = sources
        self.strict = strict
    }

    public override var typeName: String { "zip" }
    public override var isNative: Bool { sources.allSatisfy(\.isNative) }

    public override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        if exhausted || sources.isEmpty { return nil }
        var items: [Value] = []
        items.reserveCapacity(sources.count)
        for (i, source) in sources.enumerated() {
            guard let v = try source.next(context) else {
                exhausted = true
                if strict { try checkStrict(exhaustedAt: i, context) }
                return nil
            }
            items.append(v)
        }
        return .tuple(PyTuple(items))
    }

    private func checkStrict(exhaustedAt i: Int, _ context: ExecutionContext) throws(ExecutionError) {
        func plural(_ n: Int) -> String { n == 1 ? " 1" : "s 1-\(n)" }
        if i > 0 {
            throw .exception(.valueError("zip() argument \(i + 1) is shorter than argument\(plural(i))"))
        }
        for j in 1..<sources.count where try sources[j].next(context) != nil {
            throw .exception(.valueError("zip() argument \(j + 1) is longer than argument\(plural(j))"))
        }
    }
}

/// `map(function, *iterables)` with a native function (the VM runs Python functions itself).
public final class PyMap: PyIterator {
    let function: Value
    let sources: [PyIterator]

    public init(_ function: Value, _ sources: [PyIterator]) {
        self.function = function
        self.sources = sources
    }

    public override var typeName: String { "map" }
    public override var isNative: Bool { !Builtins.needsVM(function) && sources.allSatisfy(\.isNative) }

    public override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        var arguments: [Value] = []
        arguments.reserveCapacity(sources.count)
        for source in sources {
            guard let v = try source.next(context) else { return nil }
            arguments.append(v)
        }
        return try Builtins.callNative(function, arguments, context)
    }
}

/// `filter(function_or_None, iterable)` with None, `bool` or a native function.
public final class PyFilter: PyIterator {
    let function: Value
    let source: PyIterator

    public init(_ function: Value, _ source: PyIterator) {
        self.function = function
        self.source = source
    }

    public override var typeName: String { "filter" }
    public override var isNative: Bool {
        !Builtins.needsVM(function) && source.isNative
    }

    public override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        while let v = try source.next(context) {
            switch function {
            case .none:
                if v.isTruthy { return v }
            case .type(let t) where t === PyType.bool:
                if v.isTruthy { return v }
            default:
                if try Builtins.callNative(function, [v], context).isTruthy { return v }
            }
        }
        return nil
    }
}

/// `iter(callable, sentinel)` with a native callable: calls it until it returns the sentinel.
public final class PyCallableIterator: PyIterator {
    let function: Value
    let sentinel: Value
    var done = false

    public init(_ function: Value, sentinel: Value) {
        self.function = function
        self.sentinel = sentinel
    }

    public override var typeName: String { "callable_iterator" }
    public override var isNative: Bool { !Builtins.needsVM(function) }

    public override func next(_ context: ExecutionContext) throws(ExecutionError) -> Value? {
        if done { return nil }
        let v = try Builtins.callNative(function, [], context)
        if try Operators.equals(v, sentinel) {
            done = true
            return nil
        }
        return v
    }
}

extension PyType {
    /// Types of the iterator objects, for `type(x)` (CPython's names).
    public static let listIterator = PyType("list_iterator", kind: .iterator, base: object)
    public static let listReverseIterator = PyType("list_reverseiterator", kind: .iterator, base: object)
    public static let tupleIterator = PyType("tuple_iterator", kind: .iterator, base: object)
    public static let strIterator = PyType("str_iterator", kind: .iterator, base: object)
    public static let strASCIIIterator = PyType("str_ascii_iterator", kind: .iterator, base: object)
    public static let rangeIterator = PyType("range_iterator", kind: .iterator, base: object)
    public static let setIterator = PyType("set_iterator", kind: .iterator, base: object)
    public static let reversedType = PyType("reversed", kind: .iterator, base: object)
    public static let enumerateType = PyType("enumerate", kind: .iterator, base: object)
    public static let zipType = PyType("zip", kind: .iterator, base: object)
    public static let mapType = PyType("map", kind: .iterator, base: object)
    public static let filterType = PyType("filter", kind: .iterator, base: object)
    public static let callableIterator = PyType("callable_iterator", kind: .iterator, base: object)
    public static let generator = PyType("generator", kind: .iterator, base: object)
    public static let dictKeys = PyType("dict_keys", kind: .iterator, base: object)
    public static let dictValues = PyType("dict_values", kind: .iterator, base: object)
    public static let dictItems = PyType("dict_items", kind: .iterator, base: object)
    public static let ellipsisType = PyType("ellipsis", kind: .object, base: object)

    /// The iterator and view types by `typeName`, for `type(it)`.
    static let iteratorTypes: [String: PyType] = {
        var table: [String: PyType] = [:]
        for t in [listIterator, listReverseIterator, tupleIterator, strIterator, strASCIIIterator, rangeIterator,
                  setIterator, reversedType, enumerateType, zipType, mapType, filterType, callableIterator,
                  generator, dictKeys, dictValues, dictItems] {
            table[t.name] = t
        }
        for name in ["dict_keyiterator", "dict_valueiterator", "dict_itemiterator", "dict_reversekeyiterator",
                     "dict_reversevalueiterator", "dict_reverseitemiterator"] {
            table[name] = PyType(name, kind: .iterator, base: object)
        }
        return table
    }()
}
