/// The signature of every function implemented in Swift: builtins, methods, module functions.
///
/// Natives never call back into Python code: builtins that take Python callables or lazy iterables
/// (a `key=` function, a generator) are routed by the VM to their Python-level versions in the prelude,
/// so that a host call inside them can still pause the program.
public typealias NativeFunction = @Sendable (Arguments, ExecutionContext) throws(ExecutionError) -> Value

/// A named native function. Immutable and shared by every program run.
public final class BuiltinFunction: Sendable {
    public let name: String
    public let call: NativeFunction
    /// For methods, the owning type's name (`str`), used in messages such as `str.upper() takes no arguments`.
    public let ownerName: String?

    /// True for natives that iterate over their arguments (`sum`, `sorted`, `str.join`, ...). When such a
    /// native receives a generator or a Python callable, the VM calls its Python version in the prelude.
    public let consumesIterables: Bool

    public init(_ name: String, owner: String? = nil, _ call: @escaping NativeFunction) {
        self.name = name
        self.ownerName = owner
        self.call = call
        consumesIterables = Self.iterableConsumers.contains(owner.map { "\($0).\(name)" } ?? name)
    }

    /// Qualified names of the natives that consume iterables (see `consumesIterables`).
    static let iterableConsumers: Set<String> = [
        "sum", "any", "all", "min", "max", "sorted", "enumerate", "zip", "map", "filter", "next", "iter",
        "str.join", "list.extend", "list.sort", "set.update", "set.union", "set.intersection", "set.difference",
        "set.symmetric_difference", "set.issubset", "set.issuperset", "set.isdisjoint", "set.intersection_update",
        "set.difference_update", "set.symmetric_difference_update", "frozenset.union", "frozenset.intersection",
        "frozenset.difference", "frozenset.symmetric_difference", "frozenset.issubset", "frozenset.issuperset",
        "frozenset.isdisjoint", "dict.update", "dict.fromkeys", "math.fsum", "math.prod", "statistics.mean",
        "statistics.median", "statistics.mode", "statistics.stdev", "statistics.pstdev", "statistics.variance",
        "statistics.pvariance", "statistics.fmean", "statistics.median_low", "statistics.median_high",
    ]

    /// `str.upper` or `len`.
    public var qualifiedName: String { ownerName.map { "\($0).\(name)" } ?? name }
}

/// A native method bound to its receiver; calling it passes the receiver as the first argument.
public final class BoundMethod {
    public let receiver: Value
    public let function: BuiltinFunction
    public init(receiver: Value, function: BuiltinFunction) {
        self.receiver = receiver
        self.function = function
    }
}

/// The arguments of one native call: positional values, then keyword values named by `keywordNames`.
///
/// The trap: `values` points into the VM's register file and is valid only during the call. Copy what
/// you keep. For a method, `values[0]` is the receiver (`self`).
public struct Arguments {
    public let values: UnsafeBufferPointer<Value>
    /// Names of the trailing keyword arguments, in order; empty for most calls.
    public let keywordNames: [String]

    public init(values: UnsafeBufferPointer<Value>, keywordNames: [String] = []) {
        self.values = values
        self.keywordNames = keywordNames
    }

    /// Number of positional arguments (including the receiver, for methods).
    @inlinable public var count: Int { values.count - keywordNames.count }

    @inlinable public subscript(index: Int) -> Value { values[index] }

    @inlinable public var hasKeywords: Bool { !keywordNames.isEmpty }

    /// The value of keyword argument `name`, if given.
    public func keyword(_ name: String) -> Value? {
        guard let i = keywordNames.firstIndex(of: name) else { return nil }
        return values[count + i]
    }

    /// Positional arguments as an array (copies).
    public var positional: [Value] { Array(values[0..<count]) }

    /// Keyword arguments as (name, value) pairs.
    public var keywords: [(String, Value)] {
        keywordNames.enumerated().map { ($0.element, values[count + $0.offset]) }
    }

    /// Runs `body` with the given values as arguments. For tests and for natives calling natives.
    public static func with<R>(_ values: [Value], keywordNames: [String] = [],
                               _ body: (Arguments) throws(ExecutionError) -> R) throws(ExecutionError) -> R {
        var result: Result<R, ExecutionError>!
        values.withUnsafeBufferPointer { buffer in
            do throws(ExecutionError) {
                result = .success(try body(Arguments(values: buffer, keywordNames: keywordNames)))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }
}
