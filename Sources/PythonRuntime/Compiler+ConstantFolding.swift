import BigInt
import PythonSyntax

/// CPython 3.11's AST constant folding, as far as it is observable: the iteration order of sets.
///
/// CPython folds `-35`, `2 ** 10`, `(1, 2)` and `not 0` into constants before compiling, then turns a set
/// display whose elements are all constants into a frozenset constant. That frozenset is built twice
/// (once from the elements, once more when code-object constants are merged), so its order can differ
/// from adding the elements one by one. sal evaluates everything else at run time, which gives equal
/// values; only set displays and `for`/comprehension iterables over set displays need the fold.
/// The trap: CPython refuses to fold results that could be large (ints over 128 bits, strings over 4096
/// characters, tuples over 256 items) and anything that raises; such elements stay unfolded here too,
/// and the set is then built element by element.
extension FunctionCompiler {
    /// CPython's limits on folded results (Python/ast_opt.c).
    private enum FoldLimit {
        static let intBits = 128
        static let collectionItems = 256
        static let stringCharacters = 4096
        static let totalItems = 1024
    }

    /// The value CPython's optimizer makes of `e`, or nil where it leaves `e` as an expression.
    func foldedConstant(_ e: Expression) -> Value? {
        switch e.kind {
        case .constant(let c):
            switch c {
            case .none: return Value.none
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .bigInt(let digits): return BigInt(digits).map { Value.integer($0) }
            case .float(let d): return .float(d)
            case .string(let text): return shareable(.str(PyString(text)))
            case .ellipsis: return .ellipsis
            }
        case .tuple(let items):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items {
                guard let value = foldedConstant(item) else { return nil }
                values.append(value)
            }
            return .tuple(PyTuple(values))
        case .unary(let op, let operand):
            guard let value = foldedConstant(operand) else { return nil }
            if op == .not { return .bool(!value.isTruthy) }
            return shareable(try? Operators.unary(op, value, Self.foldingContext()))
        case .binary(let op, let lhs, let rhs):
            guard let a = foldedConstant(lhs), let b = foldedConstant(rhs), Self.isSafeToFold(op, a, b) else { return nil }
            return shareable(try? Operators.binary(op, a, b, Self.foldingContext()))
        default:
            return nil
        }
    }

    /// The frozenset constant CPython makes of a set display whose elements all fold to constants.
    func foldedFrozenset(_ items: [Expression]) -> PySet? {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items {
            guard let value = foldedConstant(item) else { return nil }
            values.append(value)
        }
        return try? PySet.constantFrozenset(values)
    }

    /// A `for` or comprehension iterable: a set display of constants is iterated as CPython's folded
    /// frozenset (whatever its size), anything else is compiled as usual.
    func iterable(_ e: Expression, program: inout ProgramCompiler) throws(CompileError) -> R {
        if case .set(let items) = e.kind, !items.isEmpty, let frozen = foldedFrozenset(items) {
            return constant(value: .set(frozen))
        }
        return try expression(e, program: &program)
    }

    /// Compiled programs are shared between threads: strings in constants get their caches filled now.
    private func shareable(_ value: Value?) -> Value? {
        switch value {
        case .str(let s)?: s.prepareForSharing()
        case .tuple(let t)?: for item in t.items { _ = shareable(item) }
        default: break
        }
        return value
    }

    private static func foldingContext() -> ExecutionContext {
        ExecutionContext(limits: Limits())
    }

    /// CPython's `safe_multiply`, `safe_power`, `safe_lshift` and `safe_mod`.
    private static func isSafeToFold(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Bool {
        switch op {
        case .multiply:
            if let x = integerOperand(a), let y = integerOperand(b) {
                if x.isZero || y.isZero { return true }
                let xBits = x.magnitude.bitWidth, yBits = y.magnitude.bitWidth
                return xBits <= FoldLimit.intBits && yBits <= FoldLimit.intBits && xBits + yBits <= FoldLimit.intBits
            }
            if let n = integerOperand(a) { return isSafeRepeat(b, count: n) }
            if let n = integerOperand(b) { return isSafeRepeat(a, count: n) }
            return true
        case .power:
            if let x = integerOperand(a), let y = integerOperand(b), !x.isZero, y > 0 {
                guard let exponent = Int(exactly: y) else { return false }
                return x.magnitude.bitWidth <= FoldLimit.intBits / exponent
            }
            return true
        case .leftShift:
            if let x = integerOperand(a), let y = integerOperand(b), !x.isZero, !y.isZero {
                guard let shift = Int(exactly: y), shift >= 0 else { return false }
                return shift <= FoldLimit.intBits && x.magnitude.bitWidth <= FoldLimit.intBits - shift
            }
            return true
        case .modulo:
            if case .str = a { return false }
            return true
        default:
            return true
        }
    }

    /// `sequence * count` for a str or tuple: CPython folds only short results.
    private static func isSafeRepeat(_ sequence: Value, count: BigInt) -> Bool {
        switch sequence {
        case .str(let s):
            let size = s.count
            guard size > 0 else { return true }
            return count >= 0 && count <= BigInt(FoldLimit.stringCharacters / size)
        case .tuple(let t):
            let size = t.items.count
            guard size > 0 else { return true }
            guard count >= 0, count <= BigInt(FoldLimit.collectionItems / size) else { return false }
            guard let n = Int(exactly: count), n > 0 else { return true }
            return itemCount(sequence, limit: FoldLimit.totalItems / n) >= 0
        default:
            return true
        }
    }

    /// CPython's `check_complexity`: `limit` minus the items of nested tuples, negative when exceeded.
    private static func itemCount(_ value: Value, limit: Int) -> Int {
        var remaining = limit
        if case .tuple(let t) = value {
            remaining -= t.items.count
            for item in t.items where remaining >= 0 {
                remaining = itemCount(item, limit: remaining)
            }
        }
        return remaining
    }

    /// An int or bool operand (`True * 3` folds like `1 * 3`).
    private static func integerOperand(_ value: Value) -> BigInt? {
        switch value {
        case .int, .bool, .bigInt: return value.bigIntegerValue
        default: return nil
        }
    }
}
