import BigInt

/// The builtin namespace: functions (`len`, `print`, ...), types (`int`, `str`, ...) and exception classes.
///
/// `enumerate`, `zip`, `map`, `filter` and `reversed` are classes in CPython and functions here
/// (`<built-in function zip>`); their objects still report CPython's type names. Not provided (the VM
/// reports NameError): `open`, `exec`, `eval`, `compile`, `__import__`, `globals`, `locals`, `vars`,
/// `dir`, `setattr`, `delattr`, `exit`, `quit`.
public enum Builtins {
    /// Native builtin functions by name.
    public static let functions: [String: BuiltinFunction] = {
        var table = numericFunctions
        for function in coreFunctions + iterableFunctions { table[function.name] = function }
        return table
    }()

    /// Calling a type: `int("3")`, `list(x)`, `ValueError("bad")`.
    public static func construct(_ type: PyType, _ args: Arguments, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        if type.isException {
            if args.hasKeywords { throw .exception(.typeError("\(type.name)() takes no keyword arguments")) }
            return .exception(PyException(type, args: args.positional))
        }
        switch type.kind {
        case .int: return try makeInt(args, context)
        case .float: return try makeFloat(args, context)
        case .bool: return try makeBool(args, context)
        case .str: return try makeStr(args, context)
        case .list:
            let source = try singleOptional(args, "list")
            guard let source else { return .list(PyList()) }
            return .list(PyList(try copiedElements(source, context)))
        case .tuple:
            let source = try singleOptional(args, "tuple")
            guard let source else { return .tuple(PyTuple([])) }
            if case .tuple = source { return source }
            return .tuple(PyTuple(try copiedElements(source, context)))
        case .set, .frozenset:
            let frozen = type.kind == .frozenset
            let source = try singleOptional(args, type.name)
            if frozen, let source, case .set(let s) = source, s.isFrozen { return source }
            let result = PySet(frozen: frozen)
            if let source { try result.update(with: source, context) }
            return .set(result)
        case .dict:
            if args.count > 1 { throw .exception(.typeError("dict expected at most 1 argument, got \(args.count)")) }
            let result = PyDict()
            if args.count == 1 { try DictMethods.update(result, with: args[0], context) }
            for (name, value) in args.keywords { try result.set(.string(name), value) }
            return .dict(result)
        case .range: return .range(try makeRange(args))
        case .slice:
            try args.expectPositional("slice", min: 1, max: 3, offset: 0)
            if args.count == 1 { return .slice(PySlice(start: .none, stop: args[0], step: .none)) }
            return .slice(PySlice(start: args[0], stop: args[1], step: args.count > 2 ? args[2] : .none))
        case .type:
            if args.hasKeywords { throw .exception(.typeError("type() takes no keyword arguments")) }
            guard args.count == 1 else {
                if args.count == 3 { throw .exception(.typeError("sal does not support creating classes with type()")) }
                throw .exception(.typeError("type() takes 1 or 3 arguments"))
            }
            return .type(try typeOf(args[0]))
        default:
            throw .exception(.typeError("cannot create '\(type.name)' instances"))
        }
    }

    /// `type(value)`.
    public static func typeOf(_ value: Value) throws(ExecutionError) -> PyType {
        switch value {
        case .none: return .noneType
        case .bool: return .bool
        case .int, .bigInt: return .int
        case .float: return .float
        case .str: return .str
        case .list: return .list
        case .tuple: return .tuple
        case .dict: return .dict
        case .set(let s): return s.isFrozen ? .frozenset : .set
        case .range: return .range
        case .slice: return .slice
        case .function: return .function
        case .builtin, .method, .host: return .builtinFunction
        case .type: return .type
        case .exception(let e): return e.type
        case .iterator(let it): return PyType.iteratorTypes[it.typeName] ?? PyType(it.typeName, kind: .iterator, base: .object)
        case .module: return .module
        case .ellipsis: return .ellipsisType
        case .unavailable(let u): throw .exception(u.error)
        case .unbound: return .object
        }
    }

    /// True for callables natives can call themselves (builtins, bound native methods, classes).
    public static func isNativeCallable(_ value: Value) -> Bool {
        switch value {
        case .builtin, .method, .type: true
        default: false
        }
    }

    /// True for callables only the VM can call: Python functions and host functions.
    public static func needsVM(_ callable: Value) -> Bool {
        switch callable {
        case .function, .host: true
        default: false
        }
    }

    /// Calls a native callable with positional arguments. Python functions and host functions need
    /// the VM (the caller should have been routed there); anything else is not callable.
    public static func callNative(_ callee: Value, _ arguments: [Value], _ context: ExecutionContext) throws(ExecutionError) -> Value {
        switch callee {
        case .builtin(let f):
            return try Arguments.with(arguments) { (a) throws(ExecutionError) in try f.call(a, context) }
        case .method(let m):
            return try Arguments.with([m.receiver] + arguments) { (a) throws(ExecutionError) in try m.function.call(a, context) }
        case .type(let t):
            return try Arguments.with(arguments) { (a) throws(ExecutionError) in try construct(t, a, context) }
        case .function, .host:
            throw .exception(PyException(.typeError, "a Python function cannot be called from a builtin implemented natively (sal must run this call in Python)"))
        case .unavailable(let u):
            throw .exception(u.error)
        default:
            throw .exception(.notCallable(callee))
        }
    }

    // MARK: Constructor helpers

    /// The one optional positional argument of `list(x)`, `tuple(x)`, `set(x)`, `frozenset(x)`.
    static func singleOptional(_ args: Arguments, _ name: String) throws(ExecutionError) -> Value? {
        if args.hasKeywords { throw .exception(.typeError("\(name)() takes no keyword arguments")) }
        if args.count > 1 { throw .exception(.typeError("\(name) expected at most 1 argument, got \(args.count)")) }
        return args.count == 1 ? args[0] : nil
    }

    /// A fresh array of the elements of an iterable (for `list(x)`, `tuple(x)`), charged to memory.
    static func copiedElements(_ source: Value, _ context: ExecutionContext) throws(ExecutionError) -> [Value] {
        switch source {
        case .list(let l):
            try context.reserve(count: l.items.count, elementSize: Iteration.elementBytes)
            return l.items
        case .tuple(let t):
            try context.reserve(count: t.items.count, elementSize: Iteration.elementBytes)
            return t.items
        default:
            return try Iteration.collect(source, context)
        }
    }

    /// `str()`, `str(object)`; the encoding forms need bytes, which sal does not have.
    static func makeStr(_ args: Arguments, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        let bound = try args.bind("str", ["object", "encoding", "errors"], offset: 0)
        guard let object = bound[0] else { return .string("") }
        if bound[1] != nil || bound[2] != nil {
            if case .str = object { throw .exception(.typeError("decoding str is not supported")) }
            throw .exception(.typeError("decoding to str: need a bytes-like object, \(object.typeName) found"))
        }
        if case .str = object { return object }
        return .string(try Repr.str(object, context, nestingLimit: context.limits.maxRecursionDepth - 1))
    }

    /// `range(stop)`, `range(start, stop[, step])` with Int bounds.
    static func makeRange(_ args: Arguments) throws(ExecutionError) -> PyRange {
        if args.hasKeywords { throw .exception(.typeError("range() takes no keyword arguments")) }
        try args.expectPositional("range", min: 1, max: 3, offset: 0)
        func bound(_ v: Value) throws(ExecutionError) -> Int {
            switch v {
            case .int(let i): return i
            case .bool(let b): return b ? 1 : 0
            case .bigInt: throw .exception(.overflowError("Python int too large to convert to C ssize_t"))
            case .unavailable(let u): throw .exception(u.error)
            default: throw .exception(.typeError("'\(v.typeName)' object cannot be interpreted as an integer"))
            }
        }
        let start = args.count == 1 ? 0 : try bound(args[0])
        let stop = try bound(args[args.count == 1 ? 0 : 1])
        let step = args.count == 3 ? try bound(args[2]) : 1
        if step == 0 { throw .exception(.valueError("range() arg 3 must not be zero")) }
        // sal's ranges hold Int bounds and an Int length; CPython allows longer ones but cannot len() them.
        let span = step > 0 ? BigInt(stop) - BigInt(start) : BigInt(start) - BigInt(stop)
        if span > 0 && (span - 1) / BigInt(step.magnitude) + 1 > BigInt(Int.max) {
            throw .exception(.overflowError("Python int too large to convert to C ssize_t"))
        }
        return PyRange(start: start, stop: stop, step: step)
    }
}

extension PyType {
    /// `EOFError`, which `input()` raises (sal has no standard input).
    public static let eofError = PyType("EOFError", kind: .exception, base: exception)
}
