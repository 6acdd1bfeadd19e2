/// A Python exception instance: its class, its `args`, and where it was raised.
///
/// Messages come from named constructors (`PyException.zeroDivision()`, ...), each matching the message
/// CPython 3.11 gives. The trap: `str(e)` depends on the number of args, and for `KeyError` with one arg
/// it is the *repr* of that arg.
public final class PyException {
    public let type: PyType
    public let args: [Value]
    /// 1-based line of the innermost Python frame where it was raised; set by the VM.
    public var line: Int?
    public var column: Int?
    /// `raise X from Y`
    public var cause: PyException?

    public init(_ type: PyType, args: [Value]) {
        self.type = type
        self.args = args
    }

    public convenience init(_ type: PyType, _ message: String) {
        self.init(type, args: [.string(message)])
    }

    public static func typeError(_ message: String) -> PyException { PyException(.typeError, message) }
    public static func valueError(_ message: String) -> PyException { PyException(.valueError, message) }
    public static func indexError(_ message: String) -> PyException { PyException(.indexError, message) }
    public static func overflowError(_ message: String) -> PyException { PyException(.overflowError, message) }
    public static func attributeError(_ message: String) -> PyException { PyException(.attributeError, message) }
    public static func nameError(_ message: String) -> PyException { PyException(.nameError, message) }

    /// `ZeroDivisionError: division by zero` (int `/`, `//`, `%` and float `/`).
    public static func zeroDivision(_ message: String = "division by zero") -> PyException {
        PyException(.zeroDivisionError, message)
    }

    /// `NameError: name 'x' is not defined`
    public static func undefinedName(_ name: String) -> PyException {
        PyException(.nameError, "name '\(name)' is not defined")
    }

    /// `KeyError: 'k'` (the message is the key's repr; the arg is the key itself).
    public static func keyError(_ key: Value) -> PyException { PyException(.keyError, args: [key]) }

    /// `AttributeError: 'int' object has no attribute 'foo'`
    public static func noAttribute(_ value: Value, _ name: String) -> PyException {
        PyException(.attributeError, "'\(value.typeName)' object has no attribute '\(name)'")
    }

    /// `TypeError: unsupported operand type(s) for +: 'int' and 'str'`
    public static func unsupportedOperands(_ symbol: String, _ lhs: Value, _ rhs: Value) -> PyException {
        PyException(.typeError, "unsupported operand type(s) for \(symbol): '\(lhs.typeName)' and '\(rhs.typeName)'")
    }

    /// `TypeError: 'int' object is not iterable`
    public static func notIterable(_ value: Value) -> PyException {
        PyException(.typeError, "'\(value.typeName)' object is not iterable")
    }

    /// `TypeError: 'int' object is not callable`
    public static func notCallable(_ value: Value) -> PyException {
        PyException(.typeError, "'\(value.typeName)' object is not callable")
    }

    /// `TypeError: unhashable type: 'list'`
    public static func unhashable(_ value: Value) -> PyException {
        PyException(.typeError, "unhashable type: '\(value.typeName)'")
    }

    /// `str(e)`: empty for no args, `str(arg)` for one (repr for KeyError), `str(args)` otherwise.
    public var message: String {
        switch args.count {
        case 0: return ""
        case 1:
            if type.isSubtype(of: .keyError) { return (try? Repr.repr(args[0])) ?? "" }
            return (try? Repr.str(args[0])) ?? ""
        default:
            return (try? Repr.repr(.tuple(PyTuple(args)))) ?? ""
        }
    }
}
