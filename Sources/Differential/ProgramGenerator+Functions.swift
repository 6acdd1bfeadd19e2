import PythonSyntax

extension GenerationState {
    /// Generates a function body in a fresh function scope: loops, `try` and risk start afresh
    /// (what the body raises is handled inside it), and only the body's own names are assignable.
    mutating func inFunction<T>(_ body: (inout GenerationState) -> T) -> T {
        let saved = (loopDepth, iterationBound, tryDepth, preferRisky, risk)
        functionDepth += 1
        blockDepth += 1
        (loopDepth, iterationBound, tryDepth, preferRisky, risk) = (0, 1, 0, false, [])
        defer {
            functionDepth -= 1
            blockDepth -= 1
            (loopDepth, iterationBound, tryDepth, preferRisky, risk) = saved
        }
        return inScope(functionBody: true, body)
    }

    static let returnTypes: [(weight: Int, value: ValueType)] = [(5, .int), (4, .float), (3, .str), (1, .bool), (1, .list(.int))]

    static func functionStems(returning type: ValueType) -> [String] {
        switch type {
        case .int: ["compute_total", "count_items", "score_for", "steps_needed"]
        case .float: ["apply_discount", "average_of", "convert", "rate_for"]
        case .str: ["describe", "format_line", "label_for"]
        case .bool: ["is_enough", "check_limit"]
        default: ["collect", "build_list"]
        }
    }

    /// `def name(params): ...; return value`, with defaults, keyword-only parameters and an early return.
    mutating func functionDefinition() -> [Statement] {
        let returnType = random.weighted(Self.returnTypes)
        let name = freshName(random.pick(Self.functionStems(returning: returnType)))
        var parameters: [(name: String, type: ValueType, hasDefault: Bool, keywordOnly: Bool)] = []
        var defaultsStarted = false
        for _ in 0..<random.int(in: 0...3) {
            let type = random.pick([ValueType.int, .int, .float, .str, .list(.int)])
            defaultsStarted = defaultsStarted || random.chance(0.3)
            parameters.append((freshName(for: type), type, defaultsStarted, false))
        }
        if let last = parameters.indices.last, parameters[last].hasDefault, random.chance(0.3) {
            parameters[last].keywordOnly = true
        }
        var syntax = Parameters()
        for parameter in parameters {
            let value = parameter.hasDefault ? safeExpression(parameter.type, depth: 0).expression : nil
            let built = Build.parameter(parameter.name, default: value)
            if parameter.keywordOnly { syntax.keywordOnly.append(built) } else { syntax.positional.append(built) }
        }
        let (body, returned) = inFunction { state -> ([Statement], Generated) in
            for parameter in parameters {
                state.declare(Variable(name: parameter.name, type: parameter.type, size: Self.parameterSize(parameter.type),
                                       nonEmpty: false, elementSize: 40))
            }
            var body: [Statement] = []
            let count = state.random.int(in: 1...4)
            let earlyReturnAt = state.random.chance(0.25) ? state.random.int(in: 0...count) : -1
            for position in 0...count {
                if position == earlyReturnAt {
                    // Generated in place, so it reads only names defined before it.
                    let test = state.safeExpression(.bool, depth: 1)
                    let early = state.safeExpression(returnType, depth: 1)
                    body.append(Build.statement(.if(test: test.expression, body: [Build.statement(.return(early.expression))], orElse: [])))
                }
                if position < count { body += state.statement() }
            }
            let returned = state.safeExpression(returnType, depth: 2)
            body.append(Build.statement(.return(returned.expression)))
            return (body, returned)
        }
        let definition = FunctionDefinition(name: name, parameters: syntax, body: body, returns: nil)
        declare(FunctionInfo(name: name, parameters: parameters, returnType: returnType, returnSize: max(returned.size, 40)))
        return [Build.statement(.functionDefinition(definition))]
    }

    /// What the generator assumes of an argument: any size its callers may pass.
    static func parameterSize(_ type: ValueType) -> Int {
        switch type {
        case .int: 40
        case .float: Generated.unbounded
        default: 12
        }
    }

    enum Template {
        case closureFactory, counterFactory, recursive, globalCounter, validator, records, wordCount
        case stringBuilder, variadic, keywordVariadic, walrus, lambdaVariable
    }

    /// Idioms of solution programs, each a few statements built around random expressions.
    mutating func template() -> [Statement] {
        let topLevel = functionDepth == 0 && !wrappedInSolution && loopDepth == 0 && blockDepth == 0
        let definesFunctions = functionDepth < 2
        let choice = random.weighted([
            (definesFunctions ? 2 : 0, Template.closureFactory), (definesFunctions ? 2 : 0, .counterFactory),
            (definesFunctions ? 2 : 0, .recursive), (topLevel ? 1 : 0, .globalCounter), (definesFunctions ? 2 : 0, .validator),
            (2, .records), (2, .wordCount), (2, .stringBuilder), (definesFunctions ? 1 : 0, .variadic),
            (definesFunctions ? 1 : 0, .keywordVariadic), (1, .walrus), (2, .lambdaVariable),
        ])
        switch choice {
        case .closureFactory: return closureFactory()
        case .counterFactory: return counterFactory()
        case .recursive: return recursiveFunction()
        case .globalCounter: return globalCounter()
        case .validator: return validator()
        case .records: return records()
        case .wordCount: return wordCount()
        case .stringBuilder: return stringBuilder()
        case .variadic: return variadic()
        case .keywordVariadic: return keywordVariadic()
        case .walrus: return walrus()
        case .lambdaVariable: return lambdaVariable()
        }
    }

    /// `def make_scaler(factor): def apply(v): return v * factor; return apply` and a closure made by it.
    mutating func closureFactory() -> [Statement] {
        let type = random.pick([ValueType.int, .float])
        let factory = freshName("make_scaler"), inner = freshName("apply"), factor = freshName("factor"), value = freshName("v")
        let op = random.pick([BinaryOperator.multiply, .add, .subtract])
        let innerBody = [Build.statement(.return(Build.binary(op, Build.name(value), Build.name(factor))))]
        let innerDefinition = FunctionDefinition(name: inner, parameters: Parameters(positional: [Build.parameter(value)]),
                                                 body: innerBody, returns: nil)
        let outer = FunctionDefinition(name: factory, parameters: Parameters(positional: [Build.parameter(factor)]),
                                       body: [Build.statement(.functionDefinition(innerDefinition)), Build.statement(.return(Build.name(inner)))],
                                       returns: nil)
        let closure = freshName("scaler")
        let argument = type == .int ? Build.int(random.int(in: -5...12)) : Build.float(random.pick(NumberPools.moderateFloats))
        declare(FunctionInfo(name: closure, parameters: [(value, type, false, false)], returnType: type,
                             returnSize: type == .int ? 60 : Generated.unbounded))
        return [Build.statement(.functionDefinition(outer)), Build.assign(closure, Build.call(factory, [argument]))]
    }

    /// A counter closure over a `nonlocal` variable: every call changes what the next returns.
    mutating func counterFactory() -> [Statement] {
        let factory = freshName("make_counter"), inner = freshName("bump"), count = freshName("count"), step = freshName("step")
        let start = freshName("start")
        let innerBody: [Statement] = [
            Build.statement(.nonlocal([count])),
            Build.augmented(count, .add, Build.name(step)),
            Build.statement(.return(Build.name(count))),
        ]
        let innerDefinition = FunctionDefinition(name: inner, parameters: Parameters(positional: [Build.parameter(step, default: Build.int(1))]),
                                                 body: innerBody, returns: nil)
        let outerBody: [Statement] = [
            Build.assign(count, Build.name(start)),
            Build.statement(.functionDefinition(innerDefinition)),
            Build.statement(.return(Build.name(inner))),
        ]
        let outer = FunctionDefinition(name: factory, parameters: Parameters(positional: [Build.parameter(start, default: Build.int(0))]),
                                       body: outerBody, returns: nil)
        let counter = freshName("counter")
        let arguments = random.chance(0.5) ? [] : [Build.int(random.int(in: -3...10))]
        declare(FunctionInfo(name: counter, parameters: [(step, .int, true, false)], returnType: .int, returnSize: 60))
        return [Build.statement(.functionDefinition(outer)), Build.assign(counter, Build.call(factory, arguments))]
    }

    /// A recursive function called only with small int literals: factorial, memoized fibonacci
    /// (through a mutable default argument), digit sum, or Euclid's gcd.
    mutating func recursiveFunction() -> [Statement] {
        let n = freshName("n")
        let name: String
        let parameters: Parameters
        let body: [Statement]
        switch random.int(in: 0..<3) {
        case 0:
            name = freshName("factorial")
            parameters = Parameters(positional: [Build.parameter(n)])
            body = [
                Build.statement(.if(test: Build.compare(Build.name(n), .lessOrEqual, Build.int(1)),
                                    body: [Build.statement(.return(Build.int(1)))], orElse: [])),
                Build.statement(.return(Build.binary(.multiply, Build.name(n),
                                                     Build.call(name, [Build.binary(.subtract, Build.name(n), Build.int(1))])))),
            ]
        case 1:
            name = freshName("fib")
            let memo = freshName("memo"), result = freshName("result")
            parameters = Parameters(positional: [Build.parameter(n), Build.parameter(memo, default: Build.dictionary([]))])
            body = [
                Build.statement(.if(test: Build.compare(Build.name(n), .in, Build.name(memo)),
                                    body: [Build.statement(.return(Build.subscriptItem(Build.name(memo), Build.name(n))))], orElse: [])),
                Build.statement(.if(test: Build.compare(Build.name(n), .less, Build.int(2)),
                                    body: [Build.assign(result, Build.name(n))],
                                    orElse: [Build.assign(result, Build.binary(.add,
                                        Build.call(name, [Build.binary(.subtract, Build.name(n), Build.int(1))]),
                                        Build.call(name, [Build.binary(.subtract, Build.name(n), Build.int(2))])))])),
                Build.assign(Build.subscriptItem(Build.name(memo), Build.name(n)), Build.name(result)),
                Build.statement(.return(Build.name(result))),
            ]
        default:
            name = freshName("digit_sum")
            parameters = Parameters(positional: [Build.parameter(n)])
            body = [
                Build.statement(.if(test: Build.compare(Build.name(n), .less, Build.int(10)),
                                    body: [Build.statement(.return(Build.name(n)))], orElse: [])),
                Build.statement(.return(Build.binary(.add, Build.binary(.modulo, Build.name(n), Build.int(10)),
                                                     Build.call(name, [Build.binary(.floorDivide, Build.name(n), Build.int(10))])))),
            ]
        }
        declare(FunctionInfo(name: name, parameters: [(n, .int, false, false)], returnType: .int, returnSize: 14,
                             calling: .smallIntArguments))
        return [Build.statement(.functionDefinition(FunctionDefinition(name: name, parameters: parameters, body: body, returns: nil)))]
    }

    /// A module-level counter that a function updates through `global`.
    mutating func globalCounter() -> [Statement] {
        let calls = freshName("calls"), function = freshName("tick"), amount = freshName("amount")
        let body: [Statement] = [
            Build.statement(.global([calls])),
            Build.augmented(calls, .add, Build.int(1)),
            Build.statement(.return(Build.binary(.add, Build.binary(.multiply, Build.name(amount), Build.int(2)), Build.name(calls)))),
        ]
        declare(Variable(name: calls, type: .int, size: 6, nonEmpty: false, elementSize: 0, assignable: false))
        declare(FunctionInfo(name: function, parameters: [(amount, .int, false, false)], returnType: .int, returnSize: 60))
        return [Build.assign(calls, Build.int(0)),
                Build.statement(.functionDefinition(FunctionDefinition(
                    name: function, parameters: Parameters(positional: [Build.parameter(amount)]), body: body, returns: nil)))]
    }

    /// A function that raises (ValueError, KeyError, ... or an assertion) for some arguments.
    mutating func validator() -> [Statement] {
        let name = freshName("check_value"), value = freshName("value")
        let type = random.pick([ValueType.int, .float])
        let test = Build.compare(Build.name(value), random.pick([.less, .greater]),
                                 type == .int ? Build.int(random.int(in: -5...20)) : Build.float(random.pick(NumberPools.moderateFloats)))
        let failure: Statement
        let raised: Risk
        switch random.int(in: 0..<4) {
        case 0:
            raised = .value
            failure = Build.statement(.raise(exception: Build.call("ValueError", [Build.expression(.formattedString([
                .literal("bad value: "), .replacement(value: Build.name(value), conversion: nil, spec: nil, debugText: nil)]))]), cause: nil))
        case 1:
            raised = .key
            failure = Build.statement(.raise(exception: Build.call("KeyError", [Build.name(value)]), cause: nil))
        case 2:
            raised = .zeroDivision
            failure = Build.statement(.raise(exception: Build.name("ZeroDivisionError"), cause: nil))
        default:
            raised = .assertion
            failure = Build.statement(.assert(test: Build.unary(.not, test), message: Build.string("value out of range")))
        }
        let body: [Statement] = [
            raised == .assertion ? failure : Build.statement(.if(test: test, body: [failure], orElse: [])),
            Build.statement(.return(Build.binary(.multiply, Build.name(value), Build.int(2)))),
        ]
        declare(FunctionInfo(name: name, parameters: [(value, type, false, false)], returnType: type,
                             returnSize: type == .int ? 60 : Generated.unbounded, risk: raised))
        return [Build.statement(.functionDefinition(FunctionDefinition(
            name: name, parameters: Parameters(positional: [Build.parameter(value)]), body: body, returns: nil)))]
    }

    /// Records as tuples: sorted by a key, unpacked in a loop, the best one picked with `max(key=)`.
    mutating func records() -> [Statement] {
        let list = freshName("records"), total = freshName("total"), best = freshName("best")
        let who = freshName("who"), qty = freshName("qty"), price = freshName("unit_price"), record = freshName("r")
        var names = StringPools.words
        let rows = (0..<random.int(in: 1...5)).map { _ in
            Build.tuple([Build.string(names.remove(at: random.int(in: 0..<names.count))), Build.int(random.int(in: 0...12)),
                         Build.float(random.pick(NumberPools.moderateFloats))])
        }
        let sortKey = Build.lambda([record], Build.tuple([Build.unary(.negate, Build.subscriptItem(Build.name(record), Build.int(1))),
                                                          Build.subscriptItem(Build.name(record), Build.int(0))]))
        let loop = Build.statement(.for(target: Build.tuple([Build.name(who), Build.name(qty), Build.name(price)]), iterable: Build.name(list),
                                        body: [Build.augmented(total, .add, Build.binary(.multiply, Build.name(qty), Build.name(price)))],
                                        orElse: []))
        let bestKey = Build.lambda([record], Build.subscriptItem(Build.name(record), Build.int(random.int(in: 1...2))))
        declare(Variable(name: total, type: .float, size: 12, nonEmpty: false, elementSize: 0))
        declare(Variable(name: best, type: .str, size: 10, nonEmpty: true, elementSize: 0))
        return [
            Build.assign(list, Build.list(rows)),
            Build.expressionStatement(Build.method(Build.name(list), "sort", keywords: [("key", sortKey)])),
            Build.assign(total, Build.float(0.0)),
            loop,
            Build.assign(best, Build.subscriptItem(Build.call("max", [Build.name(list)], keywords: [("key", bestKey)]), Build.int(0))),
        ]
    }

    /// `counts = {}; for w in words: counts[w] = counts.get(w, 0) + 1`.
    mutating func wordCount() -> [Statement] {
        let counts = freshName("counts"), word = freshName("w")
        let words = boundedList(of: .str, maximum: 12)
        let increment = Build.assign(Build.subscriptItem(Build.name(counts), Build.name(word)),
                                     Build.binary(.add, Build.method(Build.name(counts), "get", [Build.name(word), Build.int(0)]), Build.int(1)))
        declare(Variable(name: counts, type: .dict(.str, .int), size: words.size, nonEmpty: false, elementSize: 3))
        return [Build.assign(counts, Build.dictionary([])),
                Build.statement(.for(target: Build.name(word), iterable: words.expression, body: [increment], orElse: []))]
    }

    /// A list of formatted lines joined into one string.
    mutating func stringBuilder() -> [Statement] {
        let parts = freshName("parts"), index = freshName("i"), summary = freshName("summary")
        let count = random.int(in: 0...6)
        let line = inScope { state -> Generated in
            state.declare(Variable(name: index, type: .int, size: 1, nonEmpty: false, elementSize: 0, assignable: false))
            return state.safeExpression(.str, depth: 2)
        }
        let append = Build.expressionStatement(Build.method(Build.name(parts), "append", [line.expression]))
        declare(Variable(name: summary, type: .str, size: 300, nonEmpty: false, elementSize: 0))
        return [Build.assign(parts, Build.list([])),
                Build.statement(.for(target: Build.name(index), iterable: Build.call("range", [Build.int(count)]), body: [append], orElse: [])),
                Build.assign(summary, Build.method(Build.string(random.pick([", ", "\n", "; "])), "join", [Build.name(parts)]))]
    }

    /// `def total_of(*values): return sum(values)`.
    mutating func variadic() -> [Statement] {
        let name = freshName("total_of"), values = freshName("values")
        let type = random.pick([ValueType.int, .float])
        let body = [Build.statement(.return(Build.binary(.add, Build.call("sum", [Build.name(values)]),
                                                         Build.call("len", [Build.name(values)]))))]
        declare(FunctionInfo(name: name, parameters: [(values, type, false, false)], returnType: type,
                             returnSize: type == .int ? 60 : Generated.unbounded, calling: .variadic))
        return [Build.statement(.functionDefinition(FunctionDefinition(
            name: name, parameters: Parameters(varArgs: Build.parameter(values)), body: body, returns: nil)))]
    }

    /// `def describe(**fields)`: the keyword arguments, formatted in order.
    mutating func keywordVariadic() -> [Statement] {
        let name = freshName("describe_fields"), fields = freshName("fields"), key = freshName("k"), value = freshName("v")
        let element = Build.expression(.formattedString([
            .replacement(value: Build.name(key), conversion: nil, spec: nil, debugText: nil), .literal("="),
            .replacement(value: Build.name(value), conversion: random.chance(0.5) ? .repr : nil, spec: nil, debugText: nil),
        ]))
        let generator = Build.expression(.generatorExpression(element: element, generators: [
            Build.comprehension(Build.tuple([Build.name(key), Build.name(value)]), Build.method(Build.name(fields), "items")),
        ]))
        let body = [Build.statement(.return(Build.method(Build.string(", "), "join", [generator])))]
        declare(FunctionInfo(name: name, parameters: [(fields, random.pick([ValueType.int, .str, .float]), false, false)],
                             returnType: .str, returnSize: 200, calling: .keywordVariadic))
        return [Build.statement(.functionDefinition(FunctionDefinition(
            name: name, parameters: Parameters(varKeywords: Build.parameter(fields)), body: body, returns: nil)))]
    }

    /// `if (n := len(items)) > 2: ...`: the name is bound whichever branch runs.
    mutating func walrus() -> [Statement] {
        let name = freshName("size")
        let source = expression(random.pick([ValueType.list(.int), .str, .dict(.str, .int)]), depth: 1)
        let test = Build.compare(Build.expression(.namedExpression(target: name, value: Build.call("len", [source.expression]))),
                                 .greater, Build.int(random.int(in: 0...4)))
        declare(Variable(name: name, type: .int, size: 4, nonEmpty: false, elementSize: 0, assignable: false))
        let body = block(1...2)
        return [Build.statement(.if(test: test, body: body, orElse: []))]
    }

    /// A lambda bound to a name, called later like a function.
    mutating func lambdaVariable() -> [Statement] {
        let type = random.pick([ValueType.int, .float, .str])
        let name = freshName("transform"), parameter = freshName("x"), extra = freshName("scale")
        let body = inScope { state -> Generated in
            state.declare(Variable(name: parameter, type: type, size: Self.parameterSize(type), nonEmpty: false, elementSize: 0, assignable: false))
            state.declare(Variable(name: extra, type: .int, size: 2, nonEmpty: false, elementSize: 0, assignable: false))
            return state.safeExpression(type, depth: 1)
        }
        let parameters = Parameters(positional: [Build.parameter(parameter), Build.parameter(extra, default: Build.int(random.int(in: 1...3)))])
        declare(FunctionInfo(name: name, parameters: [(parameter, type, false, false)], returnType: type, returnSize: max(body.size, 40)))
        return [Build.assign(name, Build.expression(.lambda(parameters, body: body.expression)))]
    }
}
