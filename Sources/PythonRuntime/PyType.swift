/// A Python class that programs can name: the builtin types (`int`, `str`, ...) and exception classes.
///
/// sal has no user-defined classes, so every type is one of these shared, immutable instances; `base`
/// gives the hierarchy that `isinstance` and `except` clauses follow.
public final class PyType: Sendable {
    public enum Kind: Sendable, Equatable {
        case int, bool, float, str, list, tuple, dict, set, frozenset, range, slice, type, object, none
        case function, builtinFunction, module, iterator
        /// Types a program may name (in `isinstance`) but sal has no values of.
        case unsupported
        case exception
    }

    public let name: String
    public let kind: Kind
    public let base: PyType?

    public init(_ name: String, kind: Kind, base: PyType?) {
        self.name = name
        self.kind = kind
        self.base = base
    }

    /// True when `self` is `other` or derives from it.
    public func isSubtype(of other: PyType) -> Bool {
        var current: PyType? = self
        while let t = current {
            if t === other { return true }
            current = t.base
        }
        return false
    }

    public var isException: Bool { kind == .exception }
}

extension PyType {
    public static let object = PyType("object", kind: .object, base: nil)
    public static let int = PyType("int", kind: .int, base: object)
    public static let bool = PyType("bool", kind: .bool, base: int)
    public static let float = PyType("float", kind: .float, base: object)
    public static let str = PyType("str", kind: .str, base: object)
    public static let list = PyType("list", kind: .list, base: object)
    public static let tuple = PyType("tuple", kind: .tuple, base: object)
    public static let dict = PyType("dict", kind: .dict, base: object)
    public static let set = PyType("set", kind: .set, base: object)
    public static let frozenset = PyType("frozenset", kind: .frozenset, base: object)
    public static let range = PyType("range", kind: .range, base: object)
    public static let slice = PyType("slice", kind: .slice, base: object)
    public static let type = PyType("type", kind: .type, base: object)
    public static let noneType = PyType("NoneType", kind: .none, base: object)
    public static let function = PyType("function", kind: .function, base: object)
    public static let builtinFunction = PyType("builtin_function_or_method", kind: .builtinFunction, base: object)
    public static let module = PyType("module", kind: .module, base: object)
    public static let bytes = PyType("bytes", kind: .unsupported, base: object)
    public static let bytearray = PyType("bytearray", kind: .unsupported, base: object)
    public static let complex = PyType("complex", kind: .unsupported, base: object)

    public static let baseException = PyType("BaseException", kind: .exception, base: object)
    public static let exception = PyType("Exception", kind: .exception, base: baseException)
    public static let arithmeticError = PyType("ArithmeticError", kind: .exception, base: exception)
    public static let zeroDivisionError = PyType("ZeroDivisionError", kind: .exception, base: arithmeticError)
    public static let overflowError = PyType("OverflowError", kind: .exception, base: arithmeticError)
    public static let assertionError = PyType("AssertionError", kind: .exception, base: exception)
    public static let attributeError = PyType("AttributeError", kind: .exception, base: exception)
    public static let lookupError = PyType("LookupError", kind: .exception, base: exception)
    public static let indexError = PyType("IndexError", kind: .exception, base: lookupError)
    public static let keyError = PyType("KeyError", kind: .exception, base: lookupError)
    public static let nameError = PyType("NameError", kind: .exception, base: exception)
    public static let unboundLocalError = PyType("UnboundLocalError", kind: .exception, base: nameError)
    public static let runtimeError = PyType("RuntimeError", kind: .exception, base: exception)
    public static let recursionError = PyType("RecursionError", kind: .exception, base: runtimeError)
    public static let notImplementedError = PyType("NotImplementedError", kind: .exception, base: runtimeError)
    public static let typeError = PyType("TypeError", kind: .exception, base: exception)
    public static let valueError = PyType("ValueError", kind: .exception, base: exception)
    public static let unicodeError = PyType("UnicodeError", kind: .exception, base: valueError)
    public static let stopIteration = PyType("StopIteration", kind: .exception, base: exception)
    public static let importError = PyType("ImportError", kind: .exception, base: exception)
    public static let moduleNotFoundError = PyType("ModuleNotFoundError", kind: .exception, base: importError)
    public static let memoryError = PyType("MemoryError", kind: .exception, base: exception)

    /// Every exception class a program can name, by name.
    public static let exceptionTypes: [PyType] = [
        baseException, exception, arithmeticError, zeroDivisionError, overflowError, assertionError,
        attributeError, lookupError, indexError, keyError, nameError, unboundLocalError, runtimeError,
        recursionError, notImplementedError, typeError, valueError, unicodeError, stopIteration,
        importError, moduleNotFoundError, memoryError, eofError,
    ]

    /// The builtin types a program can name, by name.
    public static let builtinTypes: [PyType] = [
        object, int, bool, float, str, list, tuple, dict, set, frozenset, range, slice, type, bytes, bytearray, complex,
    ]
}
