import PythonSyntax

extension Operators {
    /// Operators on sequences, sets and dicts, and the TypeErrors for unsupported operand pairs.
    static func nonNumericBinary(_ op: BinaryOperator, _ a: Value, _ b: Value, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        if case .unavailable(let u) = a { throw .exception(u.error) }
        if case .unavailable(let u) = b { throw .exception(u.error) }
        switch op {
        case .add:
            return try concatenate(a, b, context)
        case .multiply:
            if a.isRepeatableSequence { return try repeatSequence(a, b, context) }
            if b.isRepeatableSequence { return try repeatSequence(b, a, context) }
        case .modulo:
            if case .str(let template) = a { return .str(PyString(try Formatting.percent(template.value, b, context))) }
        case .bitOr, .bitAnd, .subtract, .bitXor:
            if case .set(let x) = a, case .set(let y) = b { return .set(try setOperation(op, x, y, context)) }
            // Key and item views act as sets: CPython builds `set(view)` and applies the operator.
            if let x = try viewAsSet(a, other: b), let y = try viewAsSet(b, other: a) {
                let result = try setOperation(op, x, y, context)
                return .set(result.isFrozen ? result.copy(frozen: false) : result)
            }
            if op == .bitOr, case .dict(let x) = a, case .dict(let y) = b {
                try context.reserve(count: x.count + y.count, elementSize: 48)
                let merged = PyDict()
                merged.storage = x.storage
                for (key, value) in y.storage { merged.storage[key] = value }
                return .dict(merged)
            }
        default:
            break
        }
        throw .exception(.unsupportedOperands(op == .power ? "** or pow()" : op.rawValue, a, b))
    }

    /// `a + b` for str, list and tuple; CPython's messages name the left operand's type.
    private static func concatenate(_ a: Value, _ b: Value, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        switch (a, b) {
        case let (.str(x), .str(y)):
            if x.value.isEmpty { return b }
            if y.value.isEmpty { return a }
            try context.reserve(bytes: x.value.utf8.count + y.value.utf8.count)
            return .str(PyString(x.value + y.value))
        case let (.list(x), .list(y)):
            try context.reserve(count: x.items.count + y.items.count, elementSize: MemoryLayout<Value>.stride)
            return .list(PyList(x.items + y.items))
        case let (.tuple(x), .tuple(y)):
            if x.items.isEmpty { return b }
            if y.items.isEmpty { return a }
            try context.reserve(count: x.items.count + y.items.count, elementSize: MemoryLayout<Value>.stride)
            return .tuple(PyTuple(x.items + y.items))
        case (.str, _), (.list, _), (.tuple, _):
            throw .exception(.typeError("can only concatenate \(a.typeName) (not \"\(b.typeName)\") to \(a.typeName)"))
        default:
            throw .exception(.unsupportedOperands("+", a, b))
        }
    }

    /// `sequence * count` for a str, list or tuple.
    private static func repeatSequence(_ sequence: Value, _ count: Value, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        let elementCount: Int
        switch sequence {
        case .str(let s): elementCount = s.value.utf8.count
        case .list(let l): elementCount = l.items.count
        case .tuple(let t): elementCount = t.items.count
        default: preconditionFailure("repeatSequence needs a str, list or tuple")
        }
        let times: Int
        switch count {
        case .int(let i): times = i
        case .bool(let b): times = b ? 1 : 0
        case .bigInt: throw .exception(.overflowError("cannot fit 'int' into an index-sized integer"))
        default:
            throw .exception(.typeError("can't multiply sequence by non-int of type '\(count.typeName)'"))
        }
        if times <= 0 || elementCount == 0 {
            switch sequence {
            case .str: return .str(PyString(""))
            case .list: return .list(PyList())
            default: return .tuple(PyTuple([]))
            }
        }
        if times == 1, case .str = sequence { return sequence }
        if times == 1, case .tuple = sequence { return sequence }
        let elementSize = if case .str = sequence { 1 } else { MemoryLayout<Value>.stride }
        let (total, overflow) = elementCount.multipliedReportingOverflow(by: times)
        if overflow { throw IntArithmetic.memoryLimit(context, "a sequence of more than \(Int.max) elements") }
        try context.reserve(count: total, elementSize: elementSize)
        switch sequence {
        case .str(let s): return .str(PyString(String(repeating: s.value, count: times)))
        case .list(let l): return .list(PyList(repeated(l.items, times)))
        case .tuple(let t): return .tuple(PyTuple(repeated(t.items, times)))
        default: preconditionFailure("repeatSequence needs a str, list or tuple")
        }
    }

    private static func repeated(_ items: [Value], _ times: Int) -> [Value] {
        if items.count == 1 { return Array(repeating: items[0], count: times) }
        var result: [Value] = []
        result.reserveCapacity(items.count * times)
        for _ in 0..<times { result.append(contentsOf: items) }
        return result
    }

    /// `|`, `&`, `-`, `^` on sets; the result has the left operand's type (set or frozenset).
    ///
    /// Elements are inserted in the order CPython's algorithms visit them, so a set type that
    /// reproduces CPython's table order gets the same iteration order.
    private static func setOperation(_ op: BinaryOperator, _ x: PySet, _ y: PySet, _ context: ExecutionContext) throws(ExecutionError) -> PySet {
        switch op {
        case .bitOr:
            try context.reserve(count: x.count + y.count, elementSize: 32)
            return x.union(y)
        case .bitAnd: return x.intersection(y)
        case .subtract: return x.difference(y)
        default:
            try context.reserve(count: x.count + y.count, elementSize: 32)
            return x.symmetricDifference(y)
        }
    }
}

extension Operators {
    /// A key or item view as a new set, or a set operand as itself when the other side is such a view.
    static func viewAsSet(_ value: Value, other: Value) throws(ExecutionError) -> PySet? {
        func isSetLikeView(_ v: Value) -> Bool {
            if case .iterator(let it) = v, let view = it as? PyDictView { return view.kind != .values }
            return false
        }
        switch value {
        case .iterator(let it):
            guard let view = it as? PyDictView, view.kind != .values else { return nil }
            return try PySet(frozen: false, inserting: view.snapshot())
        case .set(let s):
            return isSetLikeView(other) ? s : nil
        default:
            return nil
        }
    }
}

extension Value {
    /// True for int, bool, float and big int values.
    var isNumber: Bool {
        switch self {
        case .int, .bool, .bigInt, .float: true
        default: false
        }
    }

    /// True for the sequence types that support `*` with an int.
    fileprivate var isRepeatableSequence: Bool {
        switch self {
        case .str, .list, .tuple: true
        default: false
        }
    }
}
