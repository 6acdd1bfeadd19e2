import BigInt

/// An integer outside Int's range. Built through `Value.integer(_:)`, which keeps small values inline.
public final class PyBigInt {
    public let value: BigInt
    public init(_ value: BigInt) { self.value = value }
}

/// A Python `list`.
public final class PyList {
    public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }

    deinit {
        if !items.isEmpty { DeallocationQueue.release(&items) }
    }
}

/// A Python `tuple`.
public final class PyTuple {
    public private(set) var items: [Value]
    public init(_ items: [Value]) { self.items = items }

    deinit {
        if !items.isEmpty { DeallocationQueue.release(&items) }
    }
}

/// A Python `range` with Int bounds (CPython's ranges beyond Int are not supported: OverflowError).
public final class PyRange {
    public let start: Int
    public let stop: Int
    public let step: Int

    public init(start: Int, stop: Int, step: Int) {
        precondition(step != 0, "range step must be validated by the caller")
        self.start = start
        self.stop = stop
        self.step = step
    }

    /// Number of elements; never negative.
    public var count: Int {
        if step > 0 {
            return start < stop ? Int((UInt(bitPattern: stop &- start) &- 1) / UInt(step) &+ 1) : 0
        } else {
            return start > stop ? Int((UInt(bitPattern: start &- stop) &- 1) / UInt(-step) &+ 1) : 0
        }
    }

    /// The element at a non-negative index below `count`.
    public func element(at index: Int) -> Int { start &+ index &* step }
}

/// A Python `slice(start, stop, step)`; the fields hold any values (validated when used).
public final class PySlice {
    public let start: Value
    public let stop: Value
    public let step: Value
    public init(start: Value, stop: Value, step: Value) {
        self.start = start
        self.stop = stop
        self.step = step
    }
}

/// A module sal provides (`math`, `statistics`, ...) or one it does not (`numpy`): for the latter,
/// `isAvailable` is false and any attribute use raises, so an unused import costs nothing.
public final class PyModule: Sendable {
    public let name: String
    public let members: [String: ModuleMember]
    public let isAvailable: Bool

    public init(name: String, members: [String: ModuleMember], isAvailable: Bool = true) {
        self.name = name
        self.members = members
        self.isAvailable = isAvailable
    }
}

/// A module member, in a form that can live in a shared, immutable table.
public enum ModuleMember: Sendable {
    case function(BuiltinFunction)
    case type(PyType)
    case int(Int)
    case float(Double)
    case string(String)

    public var value: Value {
        switch self {
        case .function(let f): .builtin(f)
        case .type(let t): .type(t)
        case .int(let i): .int(i)
        case .float(let d): .float(d)
        case .string(let s): .string(s)
        }
    }
}

/// A name bound from a module sal does not provide (`import numpy as np`, `from sympy import Symbol`).
///
/// Binding it succeeds, so programs that import and never use a module run; any use (call, attribute,
/// arithmetic) raises `ModuleNotFoundError` naming the module and the import's line.
public final class UnavailableName {
    public let module: String
    /// The dotted path used so far, e.g. `numpy.linalg.solve`.
    public let path: String
    public let importLine: Int
    public init(module: String, path: String, importLine: Int) {
        self.module = module
        self.path = path
        self.importLine = importLine
    }

    public var typeName: String { path == module ? "module" : "unavailable" }

    public var error: PyException {
        PyException(.moduleNotFoundError,
                    "No module named '\(module)' (sal does not provide it; '\(path)' was imported at line \(importLine))")
    }
}

/// A host function supplied by the embedder. Opaque to the program: it has a name and can be called.
public final class HostFunction {
    public let name: String
    public init(name: String) { self.name = name }
}
