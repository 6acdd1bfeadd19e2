import PythonSyntax

extension GenerationState {
    // MARK: bool

    enum BoolForm {
        case literal, compareNumbers, chained, compareStrings, membership, not, combine, isInstance
        case anyAll, stringPredicate, truth, isClose, listEquality
    }

    mutating func boolExpression(depth: Int) -> Generated {
        if depth <= 0 {
            if random.chance(0.5), let variable = variableLeaf(.bool) { return variable }
            if random.chance(0.7) {
                let a = intLeaf(), b = intLeaf()
                return Generated(Build.compare(a.expression, random.pick(Self.orderings), b.expression), size: 1)
            }
            return Generated(Build.bool(random.chance(0.5)), size: 1)
        }
        let forms: [(weight: Int, value: BoolForm)] = [
            (1, .literal), (6, .compareNumbers), (2, .chained), (2, .compareStrings), (3, .membership), (1, .not),
            (2, .combine), (1, .isInstance), (2, .anyAll), (2, .stringPredicate), (1, .truth), (1, .isClose), (1, .listEquality),
        ]
        switch random.weighted(forms) {
        case .literal:
            if let variable = variableLeaf(.bool) { return variable }
            return Generated(Build.bool(random.chance(0.5)), size: 1)
        case .compareNumbers:
            let a = expression(random.pick([ValueType.int, .float]), depth: depth - 1)
            let b = expression(random.pick([ValueType.int, .float]), depth: depth - 1)
            return Generated(Build.compare(a.expression, random.pick(Self.orderings + [.equal, .notEqual]), b.expression), size: 1)
        case .chained:
            let values = (0..<3).map { _ in intExpression(depth: depth - 1).expression }
            let comparisons = [Comparison(op: random.pick(Self.orderings), right: values[1]),
                               Comparison(op: random.pick(Self.orderings + [.equal]), right: values[2])]
            return Generated(Build.expression(.compare(values[0], comparisons)), size: 1)
        case .compareStrings:
            let a = stringExpression(depth: depth - 1), b = stringExpression(depth: depth - 1)
            return Generated(Build.compare(a.expression, random.pick(Self.orderings + [.equal, .notEqual]), b.expression), size: 1)
        case .membership:
            return membership(depth: depth)
        case .not:
            let a = boolExpression(depth: depth - 1)
            return Generated(Build.unary(.not, a.expression), size: 1)
        case .combine:
            let operands = (0..<random.int(in: 2...3)).map { _ in boolExpression(depth: depth - 1).expression }
            return Generated(Build.boolean(random.chance(0.5) ? .and : .or, operands), size: 1)
        case .isInstance:
            let value = expression(random.pick([ValueType.int, .float, .str, .bool, .list(.int)]), depth: depth - 1)
            let classes: Expression = random.chance(0.7)
                ? Build.name(random.pick(["int", "float", "str", "bool", "list", "dict"]))
                : Build.tuple([Build.name("int"), Build.name("float")])
            return Generated(Build.call("isinstance", [value.expression, classes]), size: 1)
        case .anyAll:
            let list = expression(.list(.int), depth: depth - 1)
            let variable = freshName("v")
            let condition = inScope { state -> Expression in
                state.declare(Variable(name: variable, type: .int, size: list.elementSize, nonEmpty: false, elementSize: 0, assignable: false))
                return state.boolExpression(depth: 1).expression
            }
            let generator = Build.expression(.generatorExpression(element: condition, generators: [
                Build.comprehension(Build.name(variable), list.expression),
            ]))
            return Generated(Build.call(random.chance(0.5) ? "any" : "all", [generator]), size: 1)
        case .stringPredicate:
            let text = stringExpression(depth: depth - 1)
            if random.chance(0.4) {
                return Generated(Build.method(text.expression, random.pick(["startswith", "endswith"]),
                                              [Build.string(random.pick(StringPools.fragments))]), size: 1)
            }
            let method = random.pick(["isdigit", "isalpha", "isupper", "islower", "isspace", "isalnum", "isdecimal", "istitle"])
            return Generated(Build.method(text.expression, method), size: 1)
        case .truth:
            let value = expression(random.pick([ValueType.int, .str, .list(.int), .float, .dict(.str, .int)]), depth: depth - 1)
            return Generated(Build.call("bool", [value.expression]), size: 1)
        case .isClose:
            let a = floatExpression(depth: depth - 1), b = floatExpression(depth: depth - 1)
            return Generated(Build.call(Build.attribute(moduleName("math"), "isclose"), [a.expression, b.expression]), size: 1)
        case .listEquality:
            let list = expression(.list(.int), depth: depth - 1)
            return Generated(Build.compare(list.expression, random.pick([.equal, .notEqual, .less]),
                                           Build.call("sorted", [list.expression])), size: 1)
        }
    }

    static let orderings: [ComparisonOperator] = [.less, .lessOrEqual, .greater, .greaterOrEqual]

    mutating func membership(depth: Int) -> Generated {
        let negated = random.chance(0.25)
        let op: ComparisonOperator = negated ? .notIn : .in
        switch random.int(in: 0..<4) {
        case 0:
            let list = expression(.list(.int), depth: depth - 1)
            return Generated(Build.compare(intExpression(depth: depth - 1).expression, op, list.expression), size: 1)
        case 1:
            let text = stringExpression(depth: depth - 1)
            return Generated(Build.compare(Build.string(random.pick(StringPools.fragments)), op, text.expression), size: 1)
        case 2:
            let dictionary = expression(.dict(.str, .int), depth: depth - 1)
            return Generated(Build.compare(Build.string(random.pick(StringPools.words)), op, dictionary.expression), size: 1)
        default:
            let set = expression(.set(.int), depth: depth - 1)
            return Generated(Build.compare(intExpression(depth: depth - 1).expression, op, set.expression), size: 1)
        }
    }

    // MARK: list

    mutating func listLiteral(of element: ValueType, depth: Int) -> Generated {
        let count = random.weighted([(1, 0), (2, 1), (4, 2), (5, 3), (4, 4), (3, 5), (1, 7)])
        let elements = (0..<count).map { _ in expression(element, depth: depth) }
        return Generated(Build.list(elements.map(\.expression)), size: count, nonEmpty: count > 0,
                         elementSize: elements.map(\.size).max() ?? 0)
    }

    enum ListForm { case literal, variable, range, comprehension, sorted, slice, concatenate, repeated, map, filter, split, dictView, conditional, call }

    mutating func listExpression(of element: ValueType, depth: Int) -> Generated {
        if depth <= 0 {
            if random.chance(0.6), let variable = variableLeaf(.list(element)) { return variable }
            return listLiteral(of: element, depth: 0)
        }
        let forms: [(weight: Int, value: ListForm)] = [
            (4, .literal), (6, .variable), (element == .int ? 2 : 0, .range), (4, .comprehension), (3, .sorted), (2, .slice),
            (1, .concatenate), (1, .repeated), (1, .map), (1, .filter), (element == .str ? 2 : 0, .split),
            (1, .dictView), (1, .conditional), (1, .call),
        ]
        switch random.weighted(forms) {
        case .literal:
            return listLiteral(of: element, depth: depth - 1)
        case .variable:
            return variableLeaf(.list(element)) ?? listLiteral(of: element, depth: depth - 1)
        case .range:
            let start = random.int(in: -5...5), stop = random.int(in: -3...15), step = random.pick([1, 1, 2, 3, -1, -2])
            let count = max(0, (stop - start + step - (step > 0 ? 1 : -1)) / step)
            var arguments = [Build.int(start), Build.int(stop)]
            if step != 1 { arguments.append(Build.int(step)) }
            return Generated(Build.call("list", [Build.call("range", arguments)]), size: count, nonEmpty: count > 0, elementSize: 2)
        case .comprehension:
            return listComprehension(of: element, depth: depth)
        case .sorted:
            let source = listExpression(of: element, depth: depth - 1)
            var keywords: [(String, Expression)] = []
            if random.chance(0.3) { keywords.append(("reverse", Build.bool(random.chance(0.7)))) }
            if random.chance(0.3) { keywords.append(("key", sortKey(for: element))) }
            return Generated(Build.call("sorted", [source.expression], keywords: keywords), size: source.size,
                             nonEmpty: source.nonEmpty, elementSize: source.elementSize)
        case .slice:
            let source = listExpression(of: element, depth: depth - 1)
            let choices: [(Expression?, Expression?, Expression?)] = [
                (nil, nil, Build.int(-1)), (Build.int(1), nil, nil), (nil, Build.int(2), nil), (Build.int(-2), nil, nil),
                (nil, nil, Build.int(2)), (Build.int(1), Build.int(-1), nil), (Build.int(5), Build.int(0), Build.int(-2)),
            ]
            let bounds = random.pick(choices)
            return Generated(Build.slice(source.expression, bounds.0, bounds.1, bounds.2), size: source.size, elementSize: source.elementSize)
        case .concatenate:
            let a = listExpression(of: element, depth: depth - 1), b = listExpression(of: element, depth: depth - 1)
            return Generated(Build.binary(.add, a.expression, b.expression), size: a.size + b.size,
                             nonEmpty: a.nonEmpty || b.nonEmpty, elementSize: max(a.elementSize, b.elementSize))
        case .repeated:
            let a = listExpression(of: element, depth: depth - 1)
            let times = random.int(in: 0...3)
            return Generated(Build.binary(.multiply, a.expression, Build.int(times)), size: a.size * times,
                             nonEmpty: a.nonEmpty && times > 0, elementSize: a.elementSize)
        case .map:
            let source = listExpression(of: element, depth: depth - 1)
            let variable = freshName("v")
            let body = inScope { state -> Generated in
                state.declare(Variable(name: variable, type: element, size: source.elementSize, nonEmpty: false, elementSize: 0, assignable: false))
                return state.expression(element, depth: 1)
            }
            return Generated(Build.call("list", [Build.call("map", [Build.lambda([variable], body.expression), source.expression])]),
                             size: source.size, nonEmpty: source.nonEmpty, elementSize: body.size)
        case .filter:
            let source = listExpression(of: element, depth: depth - 1)
            let variable = freshName("v")
            let body = inScope { state -> Generated in
                state.declare(Variable(name: variable, type: element, size: source.elementSize, nonEmpty: false, elementSize: 0, assignable: false))
                return state.boolExpression(depth: 1)
            }
            return Generated(Build.call("list", [Build.call("filter", [Build.lambda([variable], body.expression), source.expression])]),
                             size: source.size, elementSize: source.elementSize)
        case .split:
            let text = stringExpression(depth: depth - 1)
            let arguments = random.chance(0.5) ? [] : [Build.string(random.pick([",", " ", "-", "a"]))]
            return Generated(Build.method(text.expression, "split", arguments), size: text.size + 1, elementSize: text.size)
        case .dictView:
            if element == .str || element == .int {
                let dictionary = expression(element == .str ? .dict(.str, .int) : .dict(.int, .str), depth: depth - 1)
                return Generated(Build.call(random.chance(0.5) ? "list" : "sorted", [dictionary.expression]), size: dictionary.size,
                                 nonEmpty: dictionary.nonEmpty, elementSize: 20)
            }
            let dictionary = expression(.dict(.str, element), depth: depth - 1)
            return Generated(Build.call("list", [Build.method(dictionary.expression, "values")]), size: dictionary.size,
                             nonEmpty: dictionary.nonEmpty, elementSize: dictionary.elementSize)
        case .conditional:
            let test = boolExpression(depth: depth - 1)
            let a = listExpression(of: element, depth: depth - 1), b = listExpression(of: element, depth: depth - 1)
            return Generated(Build.conditional(test.expression, a.expression, b.expression), size: max(a.size, b.size),
                             nonEmpty: a.nonEmpty && b.nonEmpty, elementSize: max(a.elementSize, b.elementSize))
        case .call:
            return functionCall(returning: .list(element), depth: depth) ?? listLiteral(of: element, depth: depth - 1)
        }
    }

    mutating func listComprehension(of element: ValueType, depth: Int) -> Generated {
        let variable = freshName(random.pick(["i", "n", "x", "item"]))
        let overRange = element != .str && random.chance(0.5)
        let source: Generated
        let variableType: ValueType
        if overRange {
            let bound = random.int(in: 0...10)
            source = Generated(Build.call("range", [Build.int(bound)]), size: bound, nonEmpty: bound > 0, elementSize: 2)
            variableType = .int
        } else {
            variableType = random.pick([ValueType.int, .float, .str])
            source = listExpression(of: variableType, depth: depth - 1)
        }
        let (body, condition) = inScope { state -> (Generated, Expression?) in
            state.declare(Variable(name: variable, type: variableType, size: source.elementSize, nonEmpty: false, elementSize: 0, assignable: false))
            let body = state.expression(element, depth: max(0, depth - 2))
            let condition = state.random.chance(0.35) ? state.boolExpression(depth: 1).expression : nil
            return (body, condition)
        }
        let comprehension = Build.comprehension(Build.name(variable), source.expression, condition.map { [$0] } ?? [])
        return Generated(Build.expression(.listComprehension(element: body.expression, generators: [comprehension])),
                         size: source.size, nonEmpty: source.nonEmpty && condition == nil, elementSize: body.size)
    }

    /// A `key=` argument for sorting elements of `element` type.
    mutating func sortKey(for element: ValueType) -> Expression {
        let variable = freshName("v")
        switch element {
        case .str:
            return random.pick([Build.name("len"), Build.attribute(Build.name("str"), "lower"),
                                Build.lambda([variable], Build.tuple([Build.call("len", [Build.name(variable)]), Build.name(variable)])),
                                Build.lambda([variable], Build.slice(Build.name(variable), nil, nil, Build.int(-1)))])
        default:
            return random.pick([Build.name("abs"), Build.lambda([variable], Build.unary(.negate, Build.name(variable))),
                                Build.lambda([variable], Build.binary(.modulo, Build.name(variable), Build.int(3))),
                                Build.name("str")])
        }
    }

    /// An element of a list of `element` type: a safe index when the list is known non-empty.
    mutating func listElement(of element: ValueType, depth: Int) -> Generated? {
        guard let list = variableLeaf(.list(element)) else { return nil }
        if list.nonEmpty {
            let index: Expression = random.pick([Build.int(0), Build.int(-1),
                Build.binary(.modulo, intExpression(depth: max(0, depth - 2)).expression, Build.call("len", [list.expression]))])
            return Generated(Build.subscriptItem(list.expression, index), size: list.elementSize, nonEmpty: element == .str ? false : true)
        }
        risk.insert(.index)
        if random.chance(0.7) { return Generated(Build.subscriptItem(list.expression, intLeaf().expression), size: list.elementSize) }
        risk.insert(.zeroDivision)
        let index = Build.binary(.modulo, intLeaf().expression, Build.call("len", [list.expression]))
        return Generated(Build.subscriptItem(list.expression, index), size: list.elementSize)
    }

    // MARK: dict

    mutating func dictionaryLiteral(key: ValueType, value: ValueType, depth: Int) -> (Generated, [Expression]) {
        let count = random.int(in: 0...4)
        var keys: [Expression] = []
        var pairs: [(Expression, Expression)] = []
        var valueSize = 0
        let keyPool: [Expression] = key == .str
            ? StringPools.words.map { Build.string($0) }
            : [1, 2, 3, 5, 8, 13, -1, 100].map { Build.int($0) }
        var available = keyPool
        for _ in 0..<count {
            let index = random.int(in: 0..<available.count)
            let chosen = available.remove(at: index)
            let generated = expression(value, depth: depth)
            valueSize = max(valueSize, generated.size)
            keys.append(chosen)
            pairs.append((chosen, generated.expression))
        }
        return (Generated(Build.dictionary(pairs), size: count, nonEmpty: count > 0, elementSize: valueSize), keys)
    }

    mutating func dictExpression(key: ValueType, value: ValueType, depth: Int) -> Generated {
        if depth <= 0 || random.chance(0.4) {
            if random.chance(0.6), let variable = variableLeaf(.dict(key, value)) { return variable }
            return dictionaryLiteral(key: key, value: value, depth: max(0, depth - 1)).0
        }
        switch random.int(in: 0..<4) {
        case 0:
            let keyVariable = freshName(key == .str ? "word" : "n")
            let source: Generated = key == .str
                ? listExpression(of: .str, depth: depth - 1)
                : Generated(Build.call("range", [Build.int(random.int(in: 0...8))]), size: 8, elementSize: 1)
            let body = inScope { state -> Generated in
                state.declare(Variable(name: keyVariable, type: key, size: source.elementSize, nonEmpty: false, elementSize: 0, assignable: false))
                return state.expression(value, depth: 1)
            }
            let comprehension = Build.comprehension(Build.name(keyVariable), source.expression)
            return Generated(Build.expression(.dictionaryComprehension(key: Build.name(keyVariable), value: body.expression,
                                                                        generators: [comprehension])),
                             size: source.size, nonEmpty: source.nonEmpty, elementSize: body.size)
        case 1:
            let keys = listExpression(of: key, depth: depth - 1), values = listExpression(of: value, depth: depth - 1)
            return Generated(Build.call("dict", [Build.call("zip", [keys.expression, values.expression])]),
                             size: min(keys.size, values.size), elementSize: values.elementSize)
        case 2:
            let base = dictExpression(key: key, value: value, depth: depth - 1)
            let extraKey: Expression = key == .str ? Build.string(random.pick(StringPools.words)) : Build.int(random.int(in: 0...9))
            let extra = expression(value, depth: depth - 1)
            let merged = Build.expression(.dictionary([.unpack(base.expression), .pair(key: extraKey, value: extra.expression)]))
            return Generated(merged, size: base.size + 1, nonEmpty: true, elementSize: max(base.elementSize, extra.size))
        default:
            let base = dictExpression(key: key, value: value, depth: depth - 1)
            return Generated(Build.call("dict", [base.expression]), size: base.size, nonEmpty: base.nonEmpty, elementSize: base.elementSize)
        }
    }

    /// A value read from a dict variable: a known key, `.get` with a default, or (risky) any key.
    mutating func dictLookup(valueType: ValueType, depth: Int) -> Generated? {
        let keyType = random.pick([ValueType.str, .int])
        let candidates = variables(of: .dict(keyType, valueType))
        guard !candidates.isEmpty else { return nil }
        let dictionary = random.pick(candidates)
        let name = Build.name(dictionary.name)
        if !dictionary.knownKeys.isEmpty, random.chance(0.5) {
            return Generated(Build.subscriptItem(name, random.pick(dictionary.knownKeys)), size: dictionary.elementSize)
        }
        let key: Expression = keyType == .str ? Build.string(random.pick(StringPools.words)) : Build.int(random.int(in: 0...9))
        if random.chance(preferRisky ? 0.5 : 0.15) {
            risk.insert(.key)
            return Generated(Build.subscriptItem(name, key), size: dictionary.elementSize)
        }
        let fallback = expression(valueType, depth: 0)
        return Generated(Build.method(name, "get", [key, fallback.expression]), size: max(dictionary.elementSize, fallback.size))
    }

    // MARK: set

    mutating func setExpression(of element: ValueType, depth: Int) -> Generated {
        if depth <= 0 || random.chance(0.3) {
            if random.chance(0.5), let variable = variableLeaf(.set(element)) { return variable }
            let count = random.int(in: 1...5)
            let elements = (0..<count).map { _ in intLeaf() }
            return Generated(Build.set(elements.map(\.expression)), size: count, nonEmpty: true, elementSize: elements.map(\.size).max() ?? 0)
        }
        switch random.int(in: 0..<3) {
        case 0:
            let list = listExpression(of: .int, depth: depth - 1)
            return Generated(Build.call("set", [list.expression]), size: list.size, nonEmpty: list.nonEmpty, elementSize: list.elementSize)
        case 1:
            let variable = freshName("v")
            let bound = random.int(in: 0...12)
            let modulus = random.int(in: 2...7)
            let element = Build.binary(random.chance(0.5) ? .modulo : .floorDivide,
                                       Build.binary(.multiply, Build.name(variable), Build.int(random.int(in: -3...5))), Build.int(modulus))
            let comprehension = Build.comprehension(Build.name(variable), Build.call("range", [Build.int(bound)]))
            return Generated(Build.expression(.setComprehension(element: element, generators: [comprehension])), size: bound,
                             nonEmpty: bound > 0, elementSize: 3)
        default:
            let a = setExpression(of: element, depth: depth - 1), b = setExpression(of: element, depth: depth - 1)
            let op = random.pick([BinaryOperator.bitOr, .bitAnd, .subtract, .bitXor])
            return Generated(Build.binary(op, a.expression, b.expression), size: a.size + b.size,
                             nonEmpty: op == .bitOr && (a.nonEmpty || b.nonEmpty), elementSize: max(a.elementSize, b.elementSize))
        }
    }

    // MARK: calls of the program's own functions

    /// A call of a function the program defined that returns `type`, with arguments of its parameter types.
    mutating func functionCall(returning type: ValueType, depth: Int) -> Generated? {
        let candidates = visibleFunctions.filter { $0.returnType == type }
        guard !candidates.isEmpty else { return nil }
        let function = random.pick(candidates)
        var positional: [Expression] = []
        var keywords: [(String, Expression)] = []
        var skipping = false
        switch function.calling {
        case .variadic, .keywordVariadic:
            let type = function.parameters.first?.type ?? .int
            var names = StringPools.words
            for _ in 0..<random.int(in: 0...4) {
                let argument = expression(type, depth: max(0, depth - 2)).expression
                if function.calling == .variadic {
                    positional.append(argument)
                } else {
                    keywords.append((names.remove(at: random.int(in: 0..<names.count)).lowercased(), argument))
                }
            }
            risk.formUnion(function.risk)
            return Generated(Build.call(function.name, positional, keywords: keywords), size: function.returnSize,
                             elementSize: function.returnSize)
        case .regular, .smallIntArguments:
            break
        }
        for parameter in function.parameters {
            if parameter.hasDefault && random.chance(0.4) {
                skipping = true
                continue
            }
            let argument: Expression = function.calling == .smallIntArguments
                ? Build.int(random.int(in: 0...15))
                : expression(parameter.type, depth: max(0, depth - 2)).expression
            if parameter.keywordOnly || skipping || (parameter.hasDefault && random.chance(0.5)) {
                skipping = true
                keywords.append((parameter.name, argument))
            } else {
                positional.append(argument)
            }
        }
        risk.formUnion(function.risk)
        return Generated(Build.call(function.name, positional, keywords: keywords), size: function.returnSize,
                         nonEmpty: false, elementSize: function.returnSize)
    }

    /// The name of a module the program uses; the program imports it at the top.
    mutating func moduleName(_ module: String) -> Expression {
        usedModules.insert(module)
        return Build.name(module)
    }
}
