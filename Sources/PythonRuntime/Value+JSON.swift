import BigInt
import ProgramOutcome

extension Value {
    /// The JSON rendering shared with the CPython reference: None -> null, bool, int (big ints as
    /// decimal text), finite float (else "inf"/"-inf"/"nan"), str, list/tuple -> array, dict -> object
    /// keyed by str(key) for str keys and repr(key) otherwise, set -> array in iteration order,
    /// anything else -> its repr. Deeper than 100 levels -> the repr.
    public func jsonRendering(depth: Int = 0) -> JSONValue {
        if depth > 100 { return .string((try? Repr.repr(self)) ?? "") }
        switch self {
        case .none: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .bigInt(let b): return .bigInteger(b.value.description)
        case .float(let d):
            if d.isNaN { return .string("nan") }
            if d.isInfinite { return .string(d < 0 ? "-inf" : "inf") }
            return .double(d)
        case .str(let s): return .string(s.value)
        case .list(let l): return .array(l.items.map { $0.jsonRendering(depth: depth + 1) })
        case .tuple(let t): return .array(t.items.map { $0.jsonRendering(depth: depth + 1) })
        case .set(let s): return .array(s.elements.map { $0.jsonRendering(depth: depth + 1) })
        case .dict(let d):
            return .object(zip(d.keys, d.values).map { key, value in
                let name: String
                if case .str(let s) = key { name = s.value } else { name = (try? Repr.repr(key)) ?? "" }
                return (name, value.jsonRendering(depth: depth + 1))
            })
        default:
            return .string((try? Repr.repr(self)) ?? typeName)
        }
    }

    /// The Python value for a JSON value (a host function's answer): arrays become lists, objects dicts.
    public init(json: JSONValue) {
        switch json {
        case .null: self = .none
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .bigInteger(let digits): self = .integer(BigInt(digits) ?? 0)
        case .double(let d): self = .float(d)
        case .string(let s): self = .string(s)
        case .array(let items): self = .list(PyList(items.map { Value(json: $0) }))
        case .object(let pairs):
            let d = PyDict()
            for (k, v) in pairs { try? d.set(.string(k), Value(json: v)) }
            self = .dict(d)
        }
    }
}
