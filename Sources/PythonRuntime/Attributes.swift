/// Attribute access on builtin values: methods (`"a".upper`) and data attributes (`e.args`, `r.start`).
///
/// sal has no classes and programs cannot name `_` attributes, so only the public methods and data
/// attributes of the builtin types exist. `method(of:named:)` is on the hot path of every method call:
/// one switch on the value's kind, then one dictionary lookup in a table built once.
public enum Attributes {
    /// The native method `name` of `value`'s type, if any. The VM calls it with the receiver first.
    ///
    /// For a class (`dict.fromkeys`, `str.maketrans`) only class methods are returned, which take the
    /// class as their first argument; instance methods reached through a class are unbound functions
    /// (`str.lower`), which `get` returns.
    public static func method(of value: Value, named name: String) -> BuiltinFunction? {
        switch value {
        case .str: return StrMethods.table[name]
        case .list: return ListMethods.table[name]
        case .dict: return DictMethods.table[name]
        case .set(let s): return s.isFrozen ? SetMethods.frozensetTable[name] : SetMethods.setTable[name]
        case .tuple: return TupleMethods.table[name]
        case .int, .bool, .bigInt: return NumberMethods.intTable[name]
        case .float: return NumberMethods.floatTable[name]
        case .range: return TupleMethods.rangeTable[name]
        case .type(let t): return classMethod(t, name)
        default: return nil
        }
    }

    /// `value.name`: a bound method or a data attribute; `AttributeError` otherwise.
    public static func get(_ value: Value, _ name: String) throws(ExecutionError) -> Value {
        if let m = method(of: value, named: name) { return .method(BoundMethod(receiver: value, function: m)) }
        switch value {
        case .int, .bool, .bigInt, .float:
            if let v = NumberMethods.dataAttribute(value, name) { return v }
        case .exception(let e):
            if name == "args" { return .tuple(PyTuple(e.args)) }
        case .range(let r):
            switch name {
            case "start": return .int(r.start)
            case "stop": return .int(r.stop)
            case "step": return .int(r.step)
            default: break
            }
        case .slice(let s):
            switch name {
            case "start": return s.start
            case "stop": return s.stop
            case "step": return s.step
            default: break
            }
        case .type(let t):
            if let f = instanceMethods(of: t)?[name] { return .builtin(f) }
            throw .exception(.attributeError("type object '\(t.name)' has no attribute '\(name)'"))
        case .module(let m):
            if let member = m.members[name] { return member.value }
            throw .exception(.attributeError("module '\(m.name)' has no attribute '\(name)'"))
        case .iterator(let it):
            if let view = it as? PyDictView, name == "mapping" {
                return .dict(view.dict)
            }
        case .unavailable(let u):
            throw .exception(u.error)
        default:
            break
        }
        throw .exception(.noAttribute(value, name))
    }

    /// Class methods reached through their class.
    static func classMethod(_ t: PyType, _ name: String) -> BuiltinFunction? {
        switch (t.kind, name) {
        case (.dict, "fromkeys"): return DictMethods.fromkeys
        case (.str, "maketrans"): return StrMethods.maketrans
        default: return nil
        }
    }

    /// The method table of a builtin type, for unbound access (`str.lower`, `list.append`).
    static func instanceMethods(of t: PyType) -> [String: BuiltinFunction]? {
        switch t.kind {
        case .str: return StrMethods.table
        case .list: return ListMethods.table
        case .dict: return DictMethods.table
        case .set: return SetMethods.setTable
        case .frozenset: return SetMethods.frozensetTable
        case .tuple: return TupleMethods.table
        case .int, .bool: return NumberMethods.intTable
        case .float: return NumberMethods.floatTable
        case .range: return TupleMethods.rangeTable
        default: return nil
        }
    }
}
