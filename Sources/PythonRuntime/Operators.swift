import BigInt
import PythonSyntax

/// Python's operators on values: arithmetic, bitwise, comparison, equality.
///
/// `binary` tries the hot cases first (int with int, float with float) and keeps them branch-light;
/// everything else goes through `slowBinary`. Results are CPython 3.11's, including its error messages.
public enum Operators {
    /// `a op b` for every binary operator and every operand type (numbers, sequences, sets, dicts).
    @inlinable
    public static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        switch (a, b) {
        case let (.int(x), .int(y)):
            switch op {
            case .add:
                let (sum, overflow) = x.addingReportingOverflow(y)
                if !overflow { return .int(sum) }
            case .subtract:
                let (difference, overflow) = x.subtractingReportingOverflow(y)
                if !overflow { return .int(difference) }
            case .multiply:
                let (product, overflow) = x.multipliedReportingOverflow(by: y)
                if !overflow { return .int(product) }
            default:
                break
            }
            return try smallIntBinary(op, x, y, context)
        case let (.float(x), .float(y)):
            switch op {
            case .add: return .float(x + y)
            case .subtract: return .float(x - y)
            case .multiply: return .float(x * y)
            case .trueDivide where y != 0: return .float(x / y)
            default: return try floatBinary(op, x, y, a, b)
            }
        default:
            return try slowBinary(op, a, b, context)
        }
    }

    /// `-a`, `+a`, `~a` (`not` is handled by the VM via truthiness).
    public static func unary(_ op: UnaryOperator, _ a: Value, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        switch (op, a) {
        case let (.negate, .int(i)): return i == .min ? .integer(-BigInt(i)) : .int(-i)
        case let (.negate, .float(d)): return .float(-d)
        case let (.negate, .bool(b)): return .int(b ? -1 : 0)
        case let (.negate, .bigInt(b)): return .integer(-b.value)
        case (.plus, .int), (.plus, .float), (.plus, .bigInt): return a
        case let (.plus, .bool(b)): return .int(b ? 1 : 0)
        case let (.invert, .int(i)): return .int(~i)
        case let (.invert, .bool(b)): return .int(b ? -2 : -1)
        case let (.invert, .bigInt(b)): return .integer(-b.value - 1)
        case (.not, _): return .bool(!a.isTruthy)
        case (_, .unavailable(let u)): throw .exception(u.error)
        default:
            throw .exception(.typeError("bad operand type for unary \(op.rawValue): '\(a.typeName)'"))
        }
    }

    // MARK: Numbers

    /// Int-with-Int operators other than non-overflowing `+ - *`.
    @usableFromInline
    static func smallIntBinary(_ op: BinaryOperator, _ x: Int, _ y: Int, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        switch op {
        case .add: return IntArithmetic.add(x, y)
        case .subtract: return IntArithmetic.subtract(x, y)
        case .multiply: return IntArithmetic.multiply(x, y)
        case .trueDivide:
            if y == 0 { throw .exception(.zeroDivision("division by zero")) }
            if x.magnitude <= 1 << 53 && y.magnitude <= 1 << 53 { return .float(Double(x) / Double(y)) }
            return .float(try ExactFloat.trueDivide(BigInt(x), BigInt(y)))
        case .floorDivide: return try IntArithmetic.floorDivide(x, y)
        case .modulo: return try IntArithmetic.modulo(x, y)
        case .power:
            if y < 0 { return .float(try FloatArithmetic.power(Double(x), Double(y))) }
            if let result = IntArithmetic.smallPower(x, y) { return .int(result) }
            return try IntArithmetic.power(BigInt(x), BigInt(y), context)
        case .leftShift:
            if y < 0 { throw .exception(.valueError("negative shift count")) }
            if x == 0 { return .int(0) }
            if y < 63 && x.magnitude.leadingZeroBitCount > y + 1 { return .int(x << y) }
            return try IntArithmetic.shiftLeft(BigInt(x), BigInt(y), context)
        case .rightShift:
            if y < 0 { throw .exception(.valueError("negative shift count")) }
            return .int(y >= Int.bitWidth ? (x < 0 ? -1 : 0) : x >> y)
        case .bitAnd: return .int(x & y)
        case .bitOr: return .int(x | y)
        case .bitXor: return .int(x ^ y)
        case .matrixMultiply: throw .exception(.unsupportedOperands(op.rawValue, .int(x), .int(y)))
        }
    }

    /// Float-with-float operators beyond the inlined `+ - * /`.
    @usableFromInline
    static func floatBinary(_ op: BinaryOperator, _ x: Double, _ y: Double, _ a: Value, _ b: Value) throws(ExecutionError) -> Value {
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .trueDivide: return .float(try FloatArithmetic.divide(x, y))
        case .floorDivide: return .float(try FloatArithmetic.floorDivide(x, y))
        case .modulo: return .float(try FloatArithmetic.modulo(x, y))
        case .power: return .float(try FloatArithmetic.power(x, y))
        default: throw .exception(.unsupportedOperands(op.rawValue, a, b))
        }
    }

    /// Ints of any size (and bools, except bool-with-bool bitwise operators, which stay bool).
    static func bigIntBinary(_ op: BinaryOperator, _ x: BigInt, _ y: BigInt, _ a: Value, _ b: Value, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        switch op {
        case .add: return .integer(x + y)
        case .subtract: return .integer(x - y)
        case .multiply:
            try context.reserve(bytes: (x.magnitude.bitWidth + y.magnitude.bitWidth) / 8)
            try context.tick(IntArithmetic.multiplicationWork(x.magnitude.bitWidth, y.magnitude.bitWidth))
            return .integer(x * y)
        case .trueDivide: return .float(try ExactFloat.trueDivide(x, y))
        case .floorDivide: return try IntArithmetic.floorDivide(x, y, context)
        case .modulo: return try IntArithmetic.modulo(x, y, context)
        case .power:
            if x.isZero && y.sign == .minus && !y.isZero {
                throw .exception(.zeroDivision("0.0 cannot be raised to a negative power"))
            }
            if y.sign == .minus && !y.isZero {
                return .float(try FloatArithmetic.power(try ExactFloat.double(x), try ExactFloat.double(y)))
            }
            return try IntArithmetic.power(x, y, context)
        case .leftShift: return try IntArithmetic.shiftLeft(x, y, context)
        case .rightShift: return try IntArithmetic.shiftRight(x, y)
        case .bitAnd: return IntArithmetic.bitwise(.and, x, y)
        case .bitOr: return IntArithmetic.bitwise(.or, x, y)
        case .bitXor: return IntArithmetic.bitwise(.xor, x, y)
        case .matrixMultiply: throw .exception(.unsupportedOperands(op.rawValue, a, b))
        }
    }

    /// Every operand combination except int-int and float-float.
    @usableFromInline
    static func slowBinary(_ op: BinaryOperator, _ a: Value, _ b: Value, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        switch (a, b) {
        case let (.bool(x), .bool(y)):
            switch op {
            case .bitAnd: return .bool(x && y)
            case .bitOr: return .bool(x || y)
            case .bitXor: return .bool(x != y)
            default: return try smallIntBinary(op, x ? 1 : 0, y ? 1 : 0, context)
            }
        case let (.int(x), .bool(y)): return try smallIntBinary(op, x, y ? 1 : 0, context)
        case let (.bool(x), .int(y)): return try smallIntBinary(op, x ? 1 : 0, y, context)
        case (.float(let x), _):
            if let y = try ExactFloat.double(b) { return try floatBinary(op, x, y, a, b) }
        case (_, .float(let y)):
            if let x = try ExactFloat.double(a) { return try floatBinary(op, x, y, a, b) }
        default:
            if let x = a.bigIntegerValue, let y = b.bigIntegerValue {
                return try bigIntBinary(op, x, y, a, b, context)
            }
        }
        return try nonNumericBinary(op, a, b, context)
    }
}
