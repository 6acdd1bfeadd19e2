import PythonSyntax

/// Literal pools: the values where implementations of Python numbers usually go wrong.
enum NumberPools {
    /// Ints around the 32-, 53- and 64-bit boundaries and beyond, as decimal digits.
    static let boundaryInts = [
        "2147483647", "2147483648", "4294967296", "9007199254740993", "9223372036854775807",
        "9223372036854775808", "18446744073709551615", "18446744073709551616", "1000000000000000000000",
        "123456789012345678901234567890", "99999999999999999999999999999999999999",
    ]
    static let moderateFloats: [Double] = [
        0.1, 0.2, 0.3, 0.5, 1.5, 2.5, 3.14, 2.675, 1.005, 0.125, 19.99, 7.0, 100.0, 0.001, 12.75, 33.333,
        1e10, 123456.789, 4.35, 0.045, 1e-07, 2.0, 1.1, 0.7, 9.95, 1234.5678, 0.015, 2.345, 0.005, 5.5, 8.25,
    ]
    /// Edge floats, with the magnitude class the generator assumes for each.
    static let edgeFloats: [Double] = [
        1e16, 1e22, 1.7976931348623157e308, Double.leastNonzeroMagnitude, 2.2250738585072014e-308, 9007199254740993.0,
        0.30000000000000004, 1e300, 1e-300, 4.35e-05, 1000000000000000.2, 2.5e-16, 123456789.12345679,
        0.1 + 0.7, 1e-05, 1e15, 4503599627370496.5,
    ]
    /// Divisors that are never zero, as written in solution programs.
    static let intDivisors = [2, 3, 4, 5, 7, 10, 12, 60, 100, 1000, -3, -7, 1]
    static let floatDivisors: [Double] = [0.5, 2.5, 0.1, 3.0, 1.5, 100.0, 0.25]

    /// The decimal exponent bound the generator tracks for a float literal.
    static func size(of value: Double) -> Int {
        let magnitude = value.magnitude
        if magnitude < 1 { return 0 }
        return Int((magnitude.exponent + 1) * 30103 / 100_000) + 1
    }
}

extension GenerationState {
    /// An expression of `type`, nested at most `depth` levels.
    mutating func expression(_ type: ValueType, depth: Int) -> Generated {
        switch type {
        case .int: return intExpression(depth: depth)
        case .float: return floatExpression(depth: depth)
        case .bool: return boolExpression(depth: depth)
        case .str: return stringExpression(depth: depth)
        case .list(let element): return listExpression(of: element, depth: depth)
        case .dict(let key, let value): return dictExpression(key: key, value: value, depth: depth)
        case .set(let element): return setExpression(of: element, depth: depth)
        case .tuple(let elements):
            let parts = elements.map { expression($0, depth: depth - 1) }
            return Generated(Build.tuple(parts.map(\.expression)), size: parts.count, nonEmpty: !parts.isEmpty,
                             elementSize: parts.map(\.size).max() ?? 0)
        }
    }

    /// A variable of `type`, if one is visible.
    mutating func variableLeaf(_ type: ValueType) -> Generated? {
        let candidates = variables(of: type)
        guard !candidates.isEmpty else { return nil }
        let chosen = random.pick(candidates)
        return Generated(Build.name(chosen.name), size: chosen.size, nonEmpty: chosen.nonEmpty, elementSize: chosen.elementSize)
    }

    // MARK: int

    mutating func intLiteral() -> Generated {
        switch random.weighted([(50, 0), (20, 1), (8, 2), (10, 3), (12, 4)]) {
        case 0:
            let value = random.int(in: 0...12)
            return Generated(Build.int(value), size: 2)
        case 1:
            let value = random.int(in: 13...1000)
            return Generated(Build.int(value), size: 4)
        case 2:
            let value = random.int(in: 1001...1_000_000_000)
            return Generated(Build.int(value), size: 10)
        case 3:
            let digits = random.pick(NumberPools.boundaryInts)
            let literal = Build.bigInt(digits)
            return Generated(random.chance(0.3) ? Build.unary(.negate, literal) : literal, size: digits.count)
        default:
            return Generated(Build.int(-random.int(in: 1...50)), size: 2)
        }
    }

    mutating func intLeaf() -> Generated {
        if random.chance(0.6), let variable = variableLeaf(.int) { return variable }
        return intLiteral()
    }

    enum IntForm {
        case leaf, additive, multiply, divide, power, negate, length, sum, minMax, fromFloat, conditional
        case dictGet, listIndex, search, call, fromString, digits, bitwise, divmod, mathFunction, countIf, deliberate
    }

    mutating func intExpression(depth: Int) -> Generated {
        if depth <= 0 { return intLeaf() }
        let forms: [(weight: Int, value: IntForm)] = [
            (6, .leaf), (6, .additive), (3, .multiply), (3, .divide), (1, .power), (1, .negate), (3, .length),
            (2, .sum), (2, .minMax), (2, .fromFloat), (1, .conditional), (2, .dictGet), (2, .listIndex),
            (1, .search), (3, .call), (1, .fromString), (1, .digits), (1, .bitwise), (1, .divmod),
            (1, .mathFunction), (1, .countIf), (preferRisky ? 2 : 0, .deliberate),
        ]
        switch random.weighted(forms) {
        case .leaf:
            return intLeaf()
        case .additive:
            let a = intExpression(depth: depth - 1), b = intExpression(depth: depth - 1)
            return Generated(Build.binary(random.chance(0.5) ? .add : .subtract, a.expression, b.expression),
                             size: max(a.size, b.size) + 1)
        case .multiply:
            let a = intExpression(depth: depth - 1), b = intExpression(depth: depth - 1)
            guard a.size + b.size < 400 else {
                return Generated(Build.binary(.add, a.expression, b.expression), size: max(a.size, b.size) + 1)
            }
            return Generated(Build.binary(.multiply, a.expression, b.expression), size: a.size + b.size)
        case .divide:
            let a = intExpression(depth: depth - 1)
            let divisor = intDivisor(depth: depth - 1)
            let op: BinaryOperator = random.chance(0.5) ? .floorDivide : .modulo
            return Generated(Build.binary(op, a.expression, divisor.expression),
                             size: op == .modulo ? min(a.size, divisor.size) : a.size)
        case .power:
            let base = intExpression(depth: depth - 1)
            let exponent = random.int(in: 0...4)
            guard base.size * exponent < 400 else { return base }
            return Generated(Build.binary(.power, base.expression, Build.int(exponent)), size: base.size * max(exponent, 1) + 1)
        case .negate:
            let a = intExpression(depth: depth - 1)
            return Generated(random.chance(0.5) ? Build.unary(.negate, a.expression) : Build.call("abs", [a.expression]), size: a.size)
        case .length:
            let type = random.pick([ValueType.str, .list(.int), .list(.str), .dict(.str, .int), .set(.int)])
            let collection = expression(type, depth: depth - 1)
            return Generated(Build.call("len", [collection.expression]), size: 4)
        case .sum:
            if random.chance(0.5) {
                let list = expression(.list(.int), depth: depth - 1)
                return Generated(Build.call("sum", [list.expression]), size: list.elementSize + 4)
            }
            return comprehensionSum(depth: depth)
        case .minMax:
            let function = random.chance(0.5) ? "min" : "max"
            if random.chance(0.4) {
                let list = expression(.list(.int), depth: depth - 1)
                if list.nonEmpty { return Generated(Build.call(function, [list.expression]), size: list.elementSize) }
                if random.chance(0.5) {
                    return Generated(Build.call(function, [list.expression], keywords: [("default", Build.int(0))]), size: list.elementSize)
                }
                risk.insert(.value)
                return Generated(Build.call(function, [list.expression]), size: list.elementSize)
            }
            let arguments = (0..<random.int(in: 2...3)).map { _ in intExpression(depth: depth - 1) }
            return Generated(Build.call(function, arguments.map(\.expression)), size: arguments.map(\.size).max() ?? 1)
        case .fromFloat:
            let value = floatExpression(depth: depth - 1)
            let function = random.pick(["int", "round", "math.floor", "math.ceil", "int"])
            if value.size >= 300 { risk.formUnion([.overflow, .value]) }
            let callee = function.hasPrefix("math.") ? Build.attribute(moduleName("math"), String(function.dropFirst(5))) : Build.name(function)
            return Generated(Build.call(callee, [value.expression]), size: value.size + 1)
        case .conditional:
            let test = boolExpression(depth: depth - 1)
            let a = intExpression(depth: depth - 1), b = intExpression(depth: depth - 1)
            return Generated(Build.conditional(test.expression, a.expression, b.expression), size: max(a.size, b.size))
        case .dictGet:
            return dictLookup(valueType: .int, depth: depth) ?? intLeaf()
        case .listIndex:
            return listElement(of: .int, depth: depth) ?? intLeaf()
        case .search:
            if random.chance(0.5) {
                let text = stringExpression(depth: depth - 1)
                let method = random.pick(["count", "find", "rfind", "index"])
                if method == "index" { risk.insert(.value) }
                return Generated(Build.method(text.expression, method, [Build.string(random.pick(StringPools.fragments))]), size: 4)
            }
            let list = expression(.list(.int), depth: depth - 1)
            let method = random.pick(["count", "index"])
            if method == "index" { risk.insert(.value) }
            return Generated(Build.method(list.expression, method, [intLeaf().expression]), size: 4)
        case .call:
            return functionCall(returning: .int, depth: depth) ?? intLeaf()
        case .fromString:
            let (text, valid) = random.pick(StringPools.intTexts)
            if !valid { risk.insert(.value) }
            if random.chance(0.15) {
                let (digits, base) = random.pick([("ff", 16), ("7f", 16), ("101", 2), ("z", 36), ("0o17", 8), ("0x1F", 16), ("1_0", 2)])
                if random.chance(preferRisky ? 0.5 : 0.1) {
                    risk.insert(.value)
                    return Generated(Build.call("int", [Build.string(digits), Build.int(random.pick([2, 10]))]), size: 3)
                }
                return Generated(Build.call("int", [Build.string(digits), Build.int(base)]), size: 3)
            }
            return Generated(Build.call("int", [Build.string(text)]), size: text.count)
        case .digits:
            let value = expression(random.pick([ValueType.int, .float]), depth: depth - 1)
            return Generated(Build.call("len", [Build.call("str", [value.expression])]), size: 4)
        case .bitwise:
            let a = intExpression(depth: depth - 1)
            if random.chance(0.4) {
                let shift = random.int(in: 0...70)
                let op: BinaryOperator = random.chance(0.5) ? .leftShift : .rightShift
                let size = op == .leftShift ? a.size + shift * 31 / 100 + 1 : a.size
                return Generated(Build.binary(op, a.expression, Build.int(shift)), size: size)
            }
            let b = intExpression(depth: depth - 1)
            let op = random.pick([BinaryOperator.bitAnd, .bitOr, .bitXor])
            return Generated(Build.binary(op, a.expression, b.expression), size: max(a.size, b.size) + 1)
        case .divmod:
            let a = intExpression(depth: depth - 1)
            let b = intDivisor(depth: depth - 1)
            if random.chance(0.5) {
                return Generated(Build.subscriptItem(Build.call("divmod", [a.expression, b.expression]), Build.int(random.int(in: 0...1))), size: a.size)
            }
            let modulus = Build.int(random.pick([7, 10, 1000, 97, 13]))
            return Generated(Build.call("pow", [a.expression, Build.int(random.int(in: 0...20)), modulus]), size: 4)
        case .mathFunction:
            return integerMathCall(depth: depth)
        case .countIf:
            let list = expression(.list(.int), depth: depth - 1)
            let variable = freshName("v")
            let condition = inScope { state -> Expression in
                state.declare(Variable(name: variable, type: .int, size: list.elementSize, nonEmpty: false,
                                       elementSize: 0, assignable: false))
                return state.boolExpression(depth: 1).expression
            }
            let generator = Build.expression(.generatorExpression(element: Build.int(1), generators: [
                Build.comprehension(Build.name(variable), list.expression, [condition]),
            ]))
            return Generated(Build.call("sum", [generator]), size: 4)
        case .deliberate:
            risk.insert(.type)
            return Generated(deliberateTypeError(), size: 2)
        }
    }

    /// A divisor: usually one that cannot be zero, sometimes (more often in `try`) any int.
    mutating func intDivisor(depth: Int) -> Generated {
        let rawChance = preferRisky ? 0.5 : 0.1
        if random.chance(rawChance) {
            let raw = intExpression(depth: max(0, depth - 1))
            risk.insert(.zeroDivision)
            return raw
        }
        if random.chance(0.6) { return Generated(Build.int(random.pick(NumberPools.intDivisors)), size: 4) }
        let value = intExpression(depth: max(0, depth - 1))
        if random.chance(0.5) {
            return Generated(Build.boolean(.or, [value.expression, Build.int(1)]), size: value.size)
        }
        return Generated(Build.call("max", [value.expression, Build.int(1)]), size: value.size)
    }

    mutating func comprehensionSum(depth: Int) -> Generated {
        let variable = freshName("k")
        let bound = random.int(in: 1...12)
        let (element, condition) = inScope { state -> (Generated, Expression?) in
            state.declare(Variable(name: variable, type: .int, size: 2, nonEmpty: false, elementSize: 0, assignable: false))
            let element = state.intExpression(depth: max(0, depth - 2))
            let condition = state.random.chance(0.4) ? state.boolExpression(depth: 1).expression : nil
            return (element, condition)
        }
        let generator = Build.expression(.generatorExpression(element: element.expression, generators: [
            Build.comprehension(Build.name(variable), Build.call("range", [Build.int(bound)]), condition.map { [$0] } ?? []),
        ]))
        return Generated(Build.call("sum", [generator]), size: element.size + 2)
    }

    mutating func integerMathCall(depth: Int) -> Generated {
        let math = moduleName("math")
        switch random.int(in: 0..<4) {
        case 0:
            let a = intExpression(depth: depth - 1), b = intExpression(depth: depth - 1)
            return Generated(Build.call(Build.attribute(math, "gcd"), [a.expression, b.expression]), size: min(a.size, b.size))
        case 1:
            return Generated(Build.call(Build.attribute(math, "factorial"), [Build.int(random.int(in: 0...25))]), size: 26)
        case 2:
            let n = random.int(in: 0...30)
            return Generated(Build.call(Build.attribute(math, "comb"), [Build.int(n), Build.int(random.int(in: 0...n + 2))]), size: 10)
        default:
            let a = intExpression(depth: depth - 1)
            return Generated(Build.call(Build.attribute(math, "isqrt"), [Build.call("abs", [a.expression])]), size: a.size / 2 + 1)
        }
    }

    /// An operation CPython rejects with a TypeError (the message is what is being tested).
    mutating func deliberateTypeError() -> Expression {
        let number = intLeaf().expression
        let text = Build.string(random.pick(StringPools.words))
        switch random.int(in: 0..<9) {
        case 0: return Build.binary(.add, number, text)
        case 1: return Build.call("len", [number])
        case 2: return Build.binary(.subtract, text, number)
        case 3: return Build.call("int", [Build.none])
        case 4: return Build.call("sum", [Build.list([text, Build.string("b")])])
        case 5: return Build.compare(Build.list([number]), .less, number)
        case 6: return Build.subscriptItem(number, Build.int(0))
        case 7: return Build.call("abs", [text])
        default: return Build.call("round", [text])
        }
    }

    // MARK: float

    mutating func floatLiteral() -> Generated {
        if random.chance(0.2) {
            let value = random.pick(NumberPools.edgeFloats)
            let literal = Build.float(random.chance(0.2) ? -value : value)
            return Generated(literal, size: NumberPools.size(of: value))
        }
        if random.chance(0.05) { return Generated(Build.float(-0.0), size: 0) }
        let value = random.pick(NumberPools.moderateFloats)
        return Generated(Build.float(random.chance(0.15) ? -value : value), size: NumberPools.size(of: value))
    }

    mutating func floatLeaf() -> Generated {
        if random.chance(0.6), let variable = variableLeaf(.float) { return variable }
        return floatLiteral()
    }

    enum FloatForm {
        case leaf, additive, multiply, divide, average, fromInt, rounded, power, math, sum, minMax
        case conditional, fromString, call, dictGet, listIndex, modulo
    }

    mutating func floatExpression(depth: Int) -> Generated {
        if depth <= 0 { return floatLeaf() }
        let forms: [(weight: Int, value: FloatForm)] = [
            (6, .leaf), (5, .additive), (4, .multiply), (4, .divide), (2, .average), (2, .fromInt), (3, .rounded),
            (1, .power), (2, .math), (2, .sum), (1, .minMax), (1, .conditional), (1, .fromString), (3, .call),
            (1, .dictGet), (1, .listIndex), (1, .modulo),
        ]
        switch random.weighted(forms) {
        case .leaf:
            return floatLeaf()
        case .additive:
            let a = floatExpression(depth: depth - 1)
            let b = random.chance(0.3) ? intAsFloatOperand(depth: depth - 1) : floatExpression(depth: depth - 1)
            return Generated(Build.binary(random.chance(0.5) ? .add : .subtract, a.expression, b.expression),
                             size: Self.floatSize(max(a.size, b.size) + 1))
        case .multiply:
            let a = floatExpression(depth: depth - 1)
            let b = random.chance(0.4) ? intAsFloatOperand(depth: depth - 1) : floatExpression(depth: depth - 1)
            return Generated(Build.binary(.multiply, a.expression, b.expression), size: Self.floatSize(a.size + b.size))
        case .divide:
            let numerator = random.chance(0.3) ? intAsFloatOperand(depth: depth - 1) : floatExpression(depth: depth - 1)
            if random.chance(0.3) {
                let divisor = random.pick(NumberPools.floatDivisors)
                return Generated(Build.binary(.trueDivide, numerator.expression, Build.float(divisor)), size: Self.floatSize(numerator.size + 2))
            }
            let divisor = intDivisor(depth: depth - 1)
            return Generated(Build.binary(.trueDivide, numerator.expression, divisor.expression), size: numerator.size)
        case .average:
            let list = expression(.list(random.chance(0.5) ? .int : .float), depth: depth - 1)
            if !list.nonEmpty { risk.insert(.zeroDivision) }
            return Generated(Build.binary(.trueDivide, Build.call("sum", [list.expression]), Build.call("len", [list.expression])),
                             size: Self.floatSize(list.elementSize + 2))
        case .fromInt:
            let value = intExpression(depth: depth - 1)
            if value.size > 300 { risk.insert(.overflow) }
            return Generated(Build.call("float", [value.expression]), size: value.size)
        case .rounded:
            let value = floatExpression(depth: depth - 1)
            return Generated(value.expression.rounded(random.int(in: -2...4)), size: value.size + 1)
        case .power:
            let base = floatExpression(depth: depth - 1)
            if random.chance(0.3) {
                return Generated(Build.binary(.power, Build.call("abs", [base.expression]), Build.float(0.5)), size: base.size / 2 + 1)
            }
            let exponent = random.int(in: 0...3)
            let size = base.size * max(exponent, 1)
            if size >= 300 { risk.insert(.overflow) }
            return Generated(Build.binary(.power, base.expression, Build.int(exponent)), size: Self.floatSize(size))
        case .math:
            return floatMathCall(depth: depth)
        case .sum:
            let list = expression(.list(.float), depth: depth - 1)
            if random.chance(0.3) {
                let function = random.pick(["mean", "median", "fmean"])
                if !list.nonEmpty { risk.insert(.value) }
                return Generated(Build.call(Build.attribute(moduleName("statistics"), function), [list.expression]),
                                 size: Self.floatSize(list.elementSize + 1))
            }
            return Generated(Build.call("sum", [list.expression]), size: Self.floatSize(list.elementSize + 3))
        case .minMax:
            let arguments = (0..<random.int(in: 2...3)).map { _ in floatExpression(depth: depth - 1) }
            return Generated(Build.call(random.chance(0.5) ? "min" : "max", arguments.map(\.expression)),
                             size: arguments.map(\.size).max() ?? 1)
        case .conditional:
            let test = boolExpression(depth: depth - 1)
            let a = floatExpression(depth: depth - 1), b = floatExpression(depth: depth - 1)
            return Generated(Build.conditional(test.expression, a.expression, b.expression), size: max(a.size, b.size))
        case .fromString:
            let (text, valid) = random.pick(StringPools.floatTexts)
            if !valid { risk.insert(.value) }
            return Generated(Build.call("float", [Build.string(text)]), size: valid ? Generated.unbounded : 0)
        case .call:
            return functionCall(returning: .float, depth: depth) ?? floatLeaf()
        case .dictGet:
            return dictLookup(valueType: .float, depth: depth) ?? floatLeaf()
        case .listIndex:
            return listElement(of: .float, depth: depth) ?? floatLeaf()
        case .modulo:
            let a = floatExpression(depth: depth - 1)
            let op: BinaryOperator = random.chance(0.5) ? .modulo : .floorDivide
            if random.chance(preferRisky ? 0.5 : 0.1) {
                risk.insert(.zeroDivision)
                return Generated(Build.binary(op, a.expression, floatLeaf().expression), size: Generated.unbounded)
            }
            return Generated(Build.binary(op, a.expression, Build.float(random.pick(NumberPools.floatDivisors))), size: a.size + 1)
        }
    }

    /// An int operand mixed into float arithmetic (converted to float by Python: may overflow).
    mutating func intAsFloatOperand(depth: Int) -> Generated {
        let value = intExpression(depth: depth)
        if value.size > 300 { risk.insert(.overflow) }
        return value
    }

    static func floatSize(_ size: Int) -> Int { size >= 300 ? Generated.unbounded : size }

    mutating func floatMathCall(depth: Int) -> Generated {
        let math = moduleName("math")
        let value = floatExpression(depth: depth - 1)
        switch random.int(in: 0..<6) {
        case 0:
            return Generated(Build.call(Build.attribute(math, "sqrt"), [Build.call("abs", [value.expression])]), size: value.size / 2 + 1)
        case 1:
            return Generated(Build.binary(.multiply, Build.attribute(math, "pi"), value.expression), size: Self.floatSize(value.size + 1))
        case 2:
            return Generated(Build.call(Build.attribute(math, "log"), [Build.float(random.pick([2.0, 10.0, 100.0, 0.5, 1e10]))]), size: 2)
        case 3:
            return Generated(Build.call(Build.attribute(math, "exp"), [Build.float(random.pick([0.0, 1.0, 2.5, -3.0, 10.0]))]), size: 6)
        case 4:
            let other = floatExpression(depth: depth - 1)
            return Generated(Build.call(Build.attribute(math, "hypot"), [value.expression, other.expression]),
                             size: Self.floatSize(max(value.size, other.size) + 1))
        default:
            let list = expression(.list(.float), depth: depth - 1)
            if list.elementSize >= 300 { risk.insert(.overflow) }
            return Generated(Build.call(Build.attribute(math, "fsum"), [list.expression]), size: Self.floatSize(list.elementSize + 3))
        }
    }
}
