import BigInt

/// A Python value as the VM holds it: immediates inline, everything else a reference to a heap object.
///
/// Small enough to copy freely (9 bytes, stride 16). `int` is the fast path; an integer outside Int's
/// range is `bigInt` and never otherwise, so equality of two `int`s never needs BigInt. The trap:
/// `bool` is a subtype of `int` in Python, so arithmetic and hashing treat `.bool(true)` as 1.
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    /// Always outside Int's range: use `Value.integer(_:)` to build one, which normalizes.
    case bigInt(PyBigInt)
    case float(Double)
    case str(PyString)
    case list(PyList)
    case tuple(PyTuple)
    case dict(PyDict)
    case set(PySet)
    case range(PyRange)
    case slice(PySlice)
    /// A function defined by the program (`def` or `lambda`).
    case function(PyFunction)
    /// A function implemented natively.
    case builtin(BuiltinFunction)
    /// A native method bound to its receiver (`"a b".split`).
    case method(BoundMethod)
    /// A class: `int`, `str`, `ValueError`, ...
    case type(PyType)
    case exception(PyException)
    /// Iterators and generators.
    case iterator(PyIterator)
    case module(PyModule)
    /// A function the embedder supplies (`ask_llm`, `lookup`, `compare`); calling it pauses the program.
    case host(HostFunction)
    /// A name imported from a module sal does not provide; any use raises.
    case unavailable(UnavailableName)
    case ellipsis
    /// Marks an unassigned variable slot inside the VM. Never visible to programs or natives:
    /// the VM raises `NameError`/`UnboundLocalError` before such a value could be read.
    case unbound
}

extension Value {
    /// Builds an integer value, choosing the small representation whenever it fits.
    @inlinable
    public static func integer(_ big: BigInt) -> Value {
        if let small = Int(exactly: big) { return .int(small) }
        return .bigInt(PyBigInt(big))
    }

    public static func string(_ text: String) -> Value { .str(PyString(text)) }

    /// The Python type name, as `type(x).__name__` gives it.
    public var typeName: String {
        switch self {
        case .none: "NoneType"
        case .bool: "bool"
        case .int, .bigInt: "int"
        case .float: "float"
        case .str: "str"
        case .list: "list"
        case .tuple: "tuple"
        case .dict: "dict"
        case .set(let s): s.isFrozen ? "frozenset" : "set"
        case .range: "range"
        case .slice: "slice"
        case .function: "function"
        case .builtin, .method: "builtin_function_or_method"
        case .type: "type"
        case .exception(let e): e.type.name
        case .iterator(let it): it.typeName
        case .module: "module"
        case .host: "builtin_function_or_method"
        case .unavailable(let u): u.typeName
        case .ellipsis: "ellipsis"
        case .unbound: "unbound"
        }
    }

    /// Python truthiness (`bool(x)`).
    @inlinable
    public var isTruthy: Bool {
        switch self {
        case .none: false
        case .bool(let b): b
        case .int(let i): i != 0
        case .bigInt: true
        case .float(let d): d != 0
        case .str(let s): !s.value.isEmpty
        case .list(let l): !l.items.isEmpty
        case .tuple(let t): !t.items.isEmpty
        case .dict(let d): d.count != 0
        case .set(let s): s.count != 0
        case .range(let r): r.count != 0
        case .iterator(let it): (it as? PyDictView).map { $0.count != 0 } ?? true
        default: true
        }
    }

    /// Identity for `is`: same immediate value, or the same heap object.
    public func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none), (.ellipsis, .ellipsis), (.unbound, .unbound): return true
        case let (.bool(a), .bool(b)): return a == b
        // CPython caches small ints (-5...256); larger equal ints computed separately are distinct objects,
        // which sal cannot reproduce faithfully, so it treats equal ints as identical.
        case let (.int(a), .int(b)): return a == b
        case let (.float(a), .float(b)): return a.bitPattern == b.bitPattern
        case let (.str(a), .str(b)): return a === b || a.value.utf8.elementsEqual(b.value.utf8)
        case let (.bigInt(a), .bigInt(b)): return a === b
        case let (.list(a), .list(b)): return a === b
        case let (.tuple(a), .tuple(b)): return a === b || (a.items.isEmpty && b.items.isEmpty)
        case let (.dict(a), .dict(b)): return a === b
        case let (.set(a), .set(b)): return a === b
        case let (.range(a), .range(b)): return a === b
        case let (.slice(a), .slice(b)): return a === b
        case let (.function(a), .function(b)): return a === b
        case let (.builtin(a), .builtin(b)): return a === b
        case let (.method(a), .method(b)): return a === b
        case let (.type(a), .type(b)): return a === b
        case let (.exception(a), .exception(b)): return a === b
        case let (.iterator(a), .iterator(b)): return a === b
        case let (.module(a), .module(b)): return a === b
        case let (.host(a), .host(b)): return a === b
        case let (.unavailable(a), .unavailable(b)): return a === b
        default: return false
        }
    }
}
