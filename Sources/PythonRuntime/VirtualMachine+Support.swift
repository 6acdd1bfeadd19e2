import PythonSyntax

extension VirtualMachine {
    /// A name not bound in the globals: a builtin, a host function, or `NameError`.
    func resolveBuiltin(_ name: String) throws(ExecutionError) -> Value {
        if let b = Builtins.functions[name] { return .builtin(b) }
        if let t = BuiltinNames.types[name] { return .type(t) }
        if let h = hostFunctions[name] { return .host(h) }
        if let b = PreludeInstance.natives[name], frames.last?.globals.isPrelude == true { return .builtin(b) }
        // `exec(code, {})` resolves `__name__` through the builtins module, whose name is 'builtins';
        // so `if __name__ == "__main__":` bodies do not run, as under CPython's exec.
        if name == "__name__" { return .string("builtins") }
        throw .exception(.undefinedName(name))
    }

    func unboundCell(code: CodeObject, cell: Int) -> PyException {
        let ownCells = code.cellLocals.count
        if cell < ownCells {
            let name = cellName(code: code, cell: cell)
            return PyException(.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
        }
        return PyException(.nameError,
            "cannot access free variable '\(cellName(code: code, cell: cell))' where it is not associated with a value in enclosing scope")
    }

    func cellName(code: CodeObject, cell: Int) -> String {
        cell < code.cellNames.count ? code.cellNames[cell] : "?"
    }

    func binarySlow(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(ExecutionError) -> Value {
        if case .unavailable(let u) = a { throw .exception(u.error) }
        if case .unavailable(let u) = b { throw .exception(u.error) }
        return try Operators.binary(op, a, b, context)
    }

    /// `a op= b`: lists, sets and dicts change in place; everything else as the binary operator.
    func inPlaceSlow(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(ExecutionError) -> Value {
        switch (a, op) {
        case (.list(let l), .add):
            let extra = try collect(b)
            try context.reserve(count: l.items.count + extra.count, elementSize: MemoryLayout<Value>.stride)
            l.items.append(contentsOf: extra)
            return a
        case (.list(let l), .multiply):
            guard case .list(let repeated) = try binarySlow(.multiply, a, b) else { return a }
            l.items = repeated.items
            return a
        case (.set(let s), .bitOr), (.set(let s), .bitAnd), (.set(let s), .subtract), (.set(let s), .bitXor):
            guard !s.isFrozen, case .set = b else { return try inPlaceBinary(op, a, b) }
            let updater = [BinaryOperator.bitOr: "update", .bitAnd: "intersection_update", .subtract: "difference_update",
                           .bitXor: "symmetric_difference_update"][op]!
            guard let method = Attributes.method(of: a, named: updater) else { return try inPlaceBinary(op, a, b) }
            _ = try Arguments.with([a, b]) { (arguments) throws(ExecutionError) in try method.call(arguments, context) }
            return a
        case (.dict(let d), .bitOr):
            guard case .dict(let other) = b else { return try binarySlow(op, a, b) }
            for (k, v) in zip(other.keys, other.values) { try d.set(k, v) }
            return a
        default:
            return try inPlaceBinary(op, a, b)
        }
    }

    /// The binary operator for an augmented assignment, naming the augmented operator in type errors
    /// (`unsupported operand type(s) for +=: 'int' and 'str'`) as CPython does.
    func inPlaceBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(ExecutionError) -> Value {
        do throws(ExecutionError) {
            return try binarySlow(op, a, b)
        } catch .exception(let e) where e.type === PyType.typeError {
            let plain = "unsupported operand type(s) for \(op.rawValue):"
            let message = e.message
            if message.hasPrefix(plain) {
                throw .exception(.typeError("unsupported operand type(s) for \(op.rawValue)=:" + message.dropFirst(plain.count)))
            }
            throw .exception(e)
        }
    }

    @inline(__always)
    func truth(_ v: Value) throws(ExecutionError) -> Bool {
        switch v {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .unavailable(let u): throw .exception(u.error)
        default: return v.isTruthy
        }
    }

    func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value) throws(ExecutionError) -> Bool {
        switch op {
        case .is: return a.isIdentical(to: b)
        case .isNot: return !a.isIdentical(to: b)
        case .in, .notIn:
            if case .unavailable(let u) = b { throw .exception(u.error) }
            let found: Bool
            if case .iterator(let it) = b, !it.isNative {
                throw .exception(.typeError("sal cannot test membership in a generator; use a list"))
            } else {
                found = try Containers.contains(b, a, context)
            }
            return op == .in ? found : !found
        default:
            if case .int(let x) = a, case .int(let y) = b {
                switch op {
                case .less: return x < y
                case .lessOrEqual: return x <= y
                case .greater: return x > y
                case .greaterOrEqual: return x >= y
                case .equal: return x == y
                case .notEqual: return x != y
                default: break
                }
            }
            // Floats, and an int against a float when the int is exactly a Double (|n| ≤ 2^53): IEEE
            // comparison is then Python's exact one, NaN included. Larger ints need the exact path.
            let floats: (Double, Double)? = switch (a, b) {
            case (.float(let x), .float(let y)): (x, y)
            case (.int(let x), .float(let y)) where x.magnitude <= 1 << 53: (Double(x), y)
            case (.float(let x), .int(let y)) where y.magnitude <= 1 << 53: (x, Double(y))
            default: nil
            }
            if let (x, y) = floats {
                switch op {
                case .less: return x < y
                case .lessOrEqual: return x <= y
                case .greater: return x > y
                case .greaterOrEqual: return x >= y
                case .equal: return x == y
                case .notEqual: return x != y
                default: break
                }
            }
            if case .unavailable(let u) = a { throw .exception(u.error) }
            if case .unavailable(let u) = b { throw .exception(u.error) }
            return try Operators.compare(op, a, b)
        }
    }

    func makeIterator(_ v: Value) throws(ExecutionError) -> Value {
        switch v {
        case .range(let r): return .iterator(RangeIterator(r))
        case .list(let l): return .iterator(ListIterator(l))
        case .tuple(let t): return .iterator(TupleIterator(t.items))
        case .iterator(let it) where it is PyGenerator: return v
        case .unavailable(let u): throw .exception(u.error)
        default: return .iterator(try Iteration.makeIterator(v))
        }
    }

    /// Elements of a natively iterable value; a generator here is a limitation sal reports clearly.
    func collect(_ v: Value) throws(ExecutionError) -> [Value] {
        if case .iterator(let it) = v, !it.isNative {
            throw .exception(.typeError("sal cannot consume a generator here; wrap it in list(...) first"))
        }
        if case .unavailable(let u) = v { throw .exception(u.error) }
        return try Iteration.collect(v, context)
    }

    /// The elements for an unpacking assignment, with CPython's count errors.
    func unpackable(_ v: Value, expected: Int, starred: Bool) throws(ExecutionError) -> [Value] {
        let items: [Value]
        switch v {
        case .tuple(let t): items = t.items
        case .list(let l): items = l.items
        default:
            if case .iterator(let it) = v, !it.isNative {
                throw .exception(.typeError("sal cannot unpack a generator; wrap it in list(...) first"))
            }
            do throws(ExecutionError) {
                items = try collect(v)
            } catch .exception(let e) where e.type === PyType.typeError && !v.isIterableType {
                throw .exception(.typeError("cannot unpack non-iterable \(v.typeName) object"))
            }
        }
        if starred {
            if items.count < expected {
                throw .exception(.valueError("not enough values to unpack (expected at least \(expected), got \(items.count))"))
            }
        } else if items.count < expected {
            throw .exception(.valueError("not enough values to unpack (expected \(expected), got \(items.count))"))
        } else if items.count > expected {
            throw .exception(.valueError("too many values to unpack (expected \(expected))"))
        }
        return items
    }

    /// One f-string replacement field: conversion, then `format(value, spec)`.
    func formatValue(_ v: Value, spec: Value?, conversion: Int32) throws(ExecutionError) -> String {
        if case .unavailable(let u) = v { throw .exception(u.error) }
        var value = v
        switch conversion {
        case 1: value = .string(try Repr.str(v))
        case 2: value = .string(try Repr.repr(v))
        case 3: value = .string(asciiEscaped(try Repr.repr(v)))
        default: break
        }
        if let spec, case .str(let s) = spec, !s.value.isEmpty {
            return try Formatting.format(value, spec: s.value, context)
        }
        switch value {
        case .str(let s): return s.value
        case .int(let i): return String(i)
        default:
            if spec != nil { return try Formatting.format(value, spec: "", context) }
            return try Repr.str(value)
        }
    }

    /// `ascii()`: the repr with every non-ASCII code point escaped (`\xe9`, `\u20ac`, `\U0001f600`).
    func asciiEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.unicodeScalars.append(scalar)
            } else if v <= 0xFF {
                out += "\\x" + hex(v, width: 2)
            } else if v <= 0xFFFF {
                out += "\\u" + hex(v, width: 4)
            } else {
                out += "\\U" + hex(v, width: 8)
            }
        }
        return out
    }

    private func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    func attribute(of object: Value, _ name: String) throws(ExecutionError) -> Value {
        switch object {
        case .module(let m):
            guard let member = m.members[name] else {
                throw .exception(.attributeError("module '\(m.name)' has no attribute '\(name)'"))
            }
            return member.value
        case .unavailable(let u):
            throw .exception(u.error)
        default:
            return try Attributes.get(object, name)
        }
    }

    /// What a bare `raise` outside any `except` body of its own function re-raises: the exception handled
    /// by the innermost caller that is inside a handler body at its call site (CPython's exception context
    /// follows calls), or nil. Callers' saved pcs point past their call instruction. Only this rare path
    /// pays for the walk; entering and leaving handlers costs nothing.
    func exceptionHandledByCaller() -> Value? {
        for frame in frames.dropLast().reversed() {
            let callSite = Int32(frame.pc - 1)
            var innermost: HandledRange?
            for range in frame.code.handledRanges where range.start <= callSite && callSite < range.end {
                if innermost.map({ range.start > $0.start }) ?? true { innermost = range }
            }
            if let innermost, case .exception = stack[frame.base + Int(innermost.exceptionRegister)] {
                return stack[frame.base + Int(innermost.exceptionRegister)]
            }
        }
        return nil
    }

    func raisedException(_ value: Value?, cause: Value?) throws(ExecutionError) -> PyException {
        guard let value else {
            return PyException(.runtimeError, "No active exception to reraise")
        }
        let exception: PyException
        switch value {
        case .exception(let e): exception = e
        case .type(let t) where t.isException: exception = PyException(t, args: [])
        default: return .typeError("exceptions must derive from BaseException")
        }
        if let cause {
            switch cause {
            case .exception(let c): exception.cause = c
            case .type(let t) where t.isException: exception.cause = PyException(t, args: [])
            case .none: exception.cause = nil
            default: return .typeError("exception causes must derive from BaseException")
            }
        }
        return exception
    }

    func exceptionMatches(_ e: PyException, _ type: Value) throws(ExecutionError) -> Bool {
        switch type {
        case .type(let t) where t.isException: return e.type.isSubtype(of: t)
        case .tuple(let types):
            for t in types.items where try exceptionMatches(e, t) { return true }
            return false
        default:
            throw .exception(.typeError("catching classes that do not inherit from BaseException is not allowed"))
        }
    }

    // MARK: Imports

    /// `import name`: a module sal provides, or a placeholder that fails when used.
    func importModule(_ name: String, line: Int) -> Value {
        if let m = Modules.module(named: name) { return .module(m) }
        let top = String(name.split(separator: ".").first ?? Substring(name))
        return .unavailable(UnavailableName(module: top, path: name, importLine: line))
    }

    func importName(_ name: String, from module: Value) throws(ExecutionError) -> Value {
        switch module {
        case .module(let m):
            guard let member = m.members[name] else {
                throw .exception(PyException(.importError, "cannot import name '\(name)' from '\(m.name)' (unknown location)"))
            }
            return member.value
        case .unavailable(let u):
            return .unavailable(UnavailableName(module: u.module, path: "\(u.path).\(name)", importLine: u.importLine))
        default:
            preconditionFailure("importName from a non-module")
        }
    }

    /// `from module import *`: binds every public member the program refers to. With a table copied from
    /// a preamble's, the preamble's names take their members from its shared plan and only the names the
    /// program added are looked up in the module.
    func importAll(from module: Value, into globals: Globals) throws(ExecutionError) {
        guard case .module(let m) = module else { return }
        let table = globals.names
        if let base = table.base, case let plan = base.importAllPlan(for: m), plan.covered == table.baseCount {
            for binding in plan.bindings where Int(binding.slot) < globals.slots.count {
                globals.slots[Int(binding.slot)] = binding.member.value
            }
            for slot in table.baseCount..<min(table.names.count, globals.slots.count) {
                let name = table.names[slot]
                if !name.hasPrefix("_"), let member = m.members[name] { globals.slots[slot] = member.value }
            }
            return
        }
        for (name, member) in m.members where !name.hasPrefix("_") {
            if let i = globals.names.lookup(name), Int(i) < globals.slots.count {
                globals.slots[Int(i)] = member.value
            }
        }
    }
}

extension Value {
    /// Types whose values can be iterated (for the "cannot unpack non-iterable" message).
    var isIterableType: Bool {
        switch self {
        case .str, .list, .tuple, .dict, .set, .range, .iterator: true
        default: false
        }
    }
}

/// Builtin names that are types: `int`, `str`, ..., and the exception classes.
enum BuiltinNames {
    static let types: [String: PyType] = {
        var table: [String: PyType] = [:]
        for t in PyType.builtinTypes + PyType.exceptionTypes { table[t.name] = t }
        return table
    }()
}
