import BigInt
import PythonSyntax

extension Operators {
    /// How far comparisons descend into nested containers before raising RecursionError, as CPython
    /// does at its recursion limit; sal walks nested values with an explicit stack, never host recursion.
    static let maxComparisonDepth = 1000

    /// `a == b` with Python semantics across all types (never raises for builtin types except on depth).
    public static func equals(_ a: Value, _ b: Value) throws(ExecutionError) -> Bool {
        switch (a, b) {
        case let (.int(x), .int(y)): return x == y
        case let (.str(x), .str(y)): return x.equals(y)
        case let (.float(x), .float(y)): return x == y
        default: break
        }
        if let result = try shallowEquals(a, b) { return result }
        return try nestedEquals(a, b)
    }

    /// `a < b`, `a <= b`, `a > b`, `a >= b` (and `==`, `!=`, `is`, `is not`): a bool, or TypeError
    /// `'<' not supported between instances of 'int' and 'str'`. (`in` is `Containers.contains`.)
    public static func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value) throws(ExecutionError) -> Bool {
        switch op {
        case .equal: return try equals(a, b)
        case .notEqual: return !(try equals(a, b))
        case .is: return a.isIdentical(to: b)
        case .isNot: return !a.isIdentical(to: b)
        case .in, .notIn: preconditionFailure("membership is Containers.contains, not Operators.compare")
        case .less, .lessOrEqual, .greater, .greaterOrEqual: return try order(op, a, b)
        }
    }

    // MARK: Equality

    /// Equality of everything except list/tuple/dict pairs, which need descent (nil).
    private static func shallowEquals(_ a: Value, _ b: Value) throws(ExecutionError) -> Bool? {
        if case .unavailable(let u) = a { throw .exception(u.error) }
        if case .unavailable(let u) = b { throw .exception(u.error) }
        if let order = numericOrder(a, b) { return order == .equal }
        switch (a, b) {
        case (.none, .none), (.ellipsis, .ellipsis): return true
        case let (.str(x), .str(y)): return x.equals(y)
        case let (.list(x), .list(y)):
            if x === y { return true }
            return x.items.count == y.items.count ? nil : false
        case let (.tuple(x), .tuple(y)):
            if x === y { return true }
            return x.items.count == y.items.count ? nil : false
        case let (.dict(x), .dict(y)):
            if x === y { return true }
            return x.count == y.count ? nil : false
        case let (.set(x), .set(y)):
            if x === y { return true }
            if x.count != y.count { return false }
            return try isSubset(x, y)
        case let (.range(x), .range(y)):
            let count = x.count
            if count != y.count { return false }
            if count == 0 { return true }
            if x.start != y.start { return false }
            return count == 1 || x.step == y.step
        case let (.slice(x), .slice(y)):
            return try equals(.tuple(PyTuple([x.start, x.stop, x.step])), .tuple(PyTuple([y.start, y.stop, y.step])))
        default:
            return a.isIdentical(to: b)
        }
    }

    /// Element-wise equality of lists, tuples and dicts of equal size, with an explicit work stack.
    private static func nestedEquals(_ a: Value, _ b: Value) throws(ExecutionError) -> Bool {
        var pending: [(Value, Value, depth: Int)] = [(a, b, 0)]
        while let (x, y, depth) = pending.popLast() {
            if depth > maxComparisonDepth {
                throw .exception(PyException(.recursionError, "maximum recursion depth exceeded in comparison"))
            }
            switch (x, y) {
            case let (.list(l), .list(r)):
                if l === r { continue }
                if l.items.count != r.items.count { return false }
                for i in l.items.indices.reversed() { pending.append((l.items[i], r.items[i], depth + 1)) }
                continue
            case let (.tuple(l), .tuple(r)):
                if l === r { continue }
                if l.items.count != r.items.count { return false }
                for i in l.items.indices.reversed() { pending.append((l.items[i], r.items[i], depth + 1)) }
                continue
            case let (.dict(l), .dict(r)):
                if l === r { continue }
                if l.count != r.count { return false }
                var pairs: [(Value, Value, depth: Int)] = []
                for (key, value) in l.storage {
                    guard let other = r.storage[key] else { return false }
                    pairs.append((value, other, depth + 1))
                }
                pending.append(contentsOf: pairs.reversed())
                continue
            default:
                break
            }
            // Elements compare by identity first, as CPython's containers do.
            if depth > 0 && x.isIdentical(to: y) { continue }
            switch (x, y) {
            case let (.int(l), .int(r)): if l != r { return false }
            case let (.str(l), .str(r)): if !l.equals(r) { return false }
            default:
                if try shallowEquals(x, y) == false { return false }
            }
        }
        return true
    }

    private static func isSubset(_ x: PySet, _ y: PySet) throws(ExecutionError) -> Bool {
        if x.count > y.count { return false }
        for element in x.elements where !(try y.contains(element)) { return false }
        return true
    }

    // MARK: Ordering

    enum NumericOrder { case less, equal, greater, unordered }

    /// The order of two numbers (int, bool, big int, float, exactly), or nil if either is not a number.
    static func numericOrder(_ a: Value, _ b: Value) -> NumericOrder? {
        func from(_ sign: Int?) -> NumericOrder {
            guard let sign else { return .unordered }
            return sign < 0 ? .less : (sign > 0 ? .greater : .equal)
        }
        func reversed(_ order: NumericOrder) -> NumericOrder {
            switch order {
            case .less: .greater
            case .greater: .less
            default: order
            }
        }
        switch (a, b) {
        case let (.int(x), .int(y)): return x < y ? .less : (x > y ? .greater : .equal)
        case let (.float(x), .float(y)):
            return x < y ? .less : (x > y ? .greater : (x == y ? .equal : .unordered))
        case let (.int(x), .float(y)): return from(ExactFloat.compare(x, y))
        case let (.float(x), .int(y)): return reversed(from(ExactFloat.compare(y, x)))
        case let (.bigInt(x), .float(y)): return from(ExactFloat.compare(x.value, y))
        case let (.float(x), .bigInt(y)): return reversed(from(ExactFloat.compare(y.value, x)))
        case let (.bool(x), .float(y)): return from(ExactFloat.compare(x ? 1 : 0, y))
        case let (.float(x), .bool(y)): return reversed(from(ExactFloat.compare(y ? 1 : 0, x)))
        default:
            guard let x = a.bigIntegerValue, let y = b.bigIntegerValue else { return nil }
            return x < y ? .less : (x > y ? .greater : .equal)
        }
    }

    /// `<`, `<=`, `>`, `>=`: numbers, strings, lexicographic lists and tuples, and set inclusion.
    private static func order(_ op: ComparisonOperator, _ a: Value, _ b: Value) throws(ExecutionError) -> Bool {
        var x = a
        var y = b
        var depth = 0
        while true {
            if let order = numericOrder(x, y) { return holds(op, order) }
            switch (x, y) {
            case let (.str(l), .str(r)):
                if l.equals(r) { return holds(op, .equal) }
                return holds(op, l.isLess(than: r) ? .less : .greater)
            case let (.set(l), .set(r)):
                switch op {
                case .less: return l.count < r.count ? try isSubset(l, r) : false
                case .lessOrEqual: return try isSubset(l, r)
                case .greater: return r.count < l.count ? try isSubset(r, l) : false
                default: return try isSubset(r, l)
                }
            case let (.list(l), .list(r)):
                guard let next = try firstDifference(l.items, r.items) else {
                    return holds(op, countOrder(l.items.count, r.items.count))
                }
                (x, y) = next
            case let (.tuple(l), .tuple(r)):
                guard let next = try firstDifference(l.items, r.items) else {
                    return holds(op, countOrder(l.items.count, r.items.count))
                }
                (x, y) = next
            default:
                if case .unavailable(let u) = x { throw .exception(u.error) }
                if case .unavailable(let u) = y { throw .exception(u.error) }
                throw .exception(.typeError("'\(op.rawValue)' not supported between instances of '\(x.typeName)' and '\(y.typeName)'"))
            }
            depth += 1
            if depth > maxComparisonDepth {
                throw .exception(PyException(.recursionError, "maximum recursion depth exceeded in comparison"))
            }
        }
    }

    /// The first pair of elements at the same index that are not equal.
    private static func firstDifference(_ l: [Value], _ r: [Value]) throws(ExecutionError) -> (Value, Value)? {
        for i in 0..<min(l.count, r.count) {
            if l[i].isIdentical(to: r[i]) { continue }
            if !(try equals(l[i], r[i])) { return (l[i], r[i]) }
        }
        return nil
    }

    private static func countOrder(_ l: Int, _ r: Int) -> NumericOrder {
        l < r ? .less : (l > r ? .greater : .equal)
    }

    private static func holds(_ op: ComparisonOperator, _ order: NumericOrder) -> Bool {
        switch (op, order) {
        case (_, .unordered): false
        case (.less, .less), (.lessOrEqual, .less), (.lessOrEqual, .equal): true
        case (.greater, .greater), (.greaterOrEqual, .greater), (.greaterOrEqual, .equal): true
        default: false
        }
    }
}
