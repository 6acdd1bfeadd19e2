import PythonSyntax

extension GenerationState {
    enum StatementForm {
        case assignNew, reassign, augmented, print, ifStatement, forLoop, whileLoop, function, tryStatement
        case listMutation, dictUpdate, assertion, unpack, template
    }

    /// One statement (or a few that belong together); a statement that may raise is wrapped in a
    /// `try` unless an enclosing explicit `try` will handle it or, rarely, at the top level.
    mutating func statement() -> [Statement] {
        let scope = scopes.count - 1
        let variablesBefore = scopes[scope].variables.count
        let functionsBefore = scopes[scope].functions.count
        let (statements, raised) = collectingRisk { $0.statementBody() }
        if raised.isEmpty { return statements }
        if tryDepth > 0 {
            risk.formUnion(raised)
            return statements
        }
        if functionDepth == 0 && random.chance(0.03) { return statements }
        // Names the wrapped statements define get a value before the try, so they exist afterwards.
        var predeclared: [Statement] = []
        for index in variablesBefore..<scopes[scope].variables.count {
            let variable = scopes[scope].variables[index]
            predeclared.append(Build.assign(variable.name, defaultValue(of: variable.type)))
            scopes[scope].variables[index].nonEmpty = false
            scopes[scope].variables[index].knownKeys = []
        }
        scopes[scope].functions.removeSubrange(functionsBefore...)
        let handlers = self.handlers(for: raised, partial: false).handlers
        return predeclared + [Build.statement(.try(body: statements, handlers: handlers, orElse: [], finally: []))]
    }

    mutating func statementBody() -> [Statement] {
        let canNest = blockDepth < configuration.blockDepth
        let forms: [(weight: Int, value: StatementForm)] = [
            (7, .assignNew), (2, .reassign), (3, .augmented), (printsLeft > 0 ? 2 : 0, .print),
            (canNest ? 3 : 0, .ifStatement), (canNest && loopsAllowed ? 3 : 0, .forLoop),
            (canNest && loopsAllowed ? 1 : 0, .whileLoop), (canNest && functionDepth < 2 ? 2 : 0, .function),
            (canNest && tryDepth == 0 ? 3 : 0, .tryStatement), (2, .listMutation), (2, .dictUpdate), (1, .assertion),
            (1, .unpack), (canNest ? 3 : 0, .template),
        ]
        switch random.weighted(forms) {
        case .assignNew: return [assignNew()]
        case .reassign: return reassign() ?? [assignNew()]
        case .augmented: return augmented() ?? [assignNew()]
        case .print: return [printStatement()]
        case .ifStatement: return [ifStatement()]
        case .forLoop: return forLoop()
        case .whileLoop: return whileLoop()
        case .function: return functionDefinition()
        case .tryStatement: return [tryStatement()]
        case .listMutation: return listMutation() ?? [assignNew()]
        case .dictUpdate: return dictUpdate() ?? [assignNew()]
        case .assertion: return [assertion()]
        case .unpack: return unpack()
        case .template: return template()
        }
    }

    /// Statements of a nested block, in its own scope.
    mutating func block(_ count: ClosedRange<Int>) -> [Statement] {
        blockDepth += 1
        defer { blockDepth -= 1 }
        return inScope { state -> [Statement] in
            var body: [Statement] = []
            for _ in 0..<state.random.int(in: count) { body += state.statement() }
            return body
        }
    }

    static let variableTypes: [(weight: Int, value: ValueType)] = [
        (8, .int), (7, .float), (5, .str), (2, .bool), (3, .list(.int)), (2, .list(.float)), (2, .list(.str)),
        (2, .dict(.str, .int)), (1, .dict(.str, .float)), (1, .dict(.int, .str)), (1, .set(.int)), (1, .tuple([.int, .float])),
    ]

    mutating func assignNew() -> Statement {
        let type = random.weighted(Self.variableTypes)
        let name = freshName(for: type)
        var knownKeys: [Expression] = []
        let value: Generated
        if case .dict(let key, let valueType) = type, random.chance(0.5) {
            (value, knownKeys) = dictionaryLiteral(key: key, value: valueType, depth: 1)
        } else {
            value = expression(type, depth: random.int(in: 1...configuration.expressionDepth))
        }
        declare(Variable(name: name, type: type, size: value.size, nonEmpty: value.nonEmpty,
                         elementSize: value.elementSize, knownKeys: knownKeys))
        return Build.assign(name, value.expression)
    }

    mutating func reassign() -> [Statement]? {
        let candidates = scopes[functionScopeStart...].flatMap { $0.variables.filter { $0.assignable && $0.type.isScalar } }
        guard !candidates.isEmpty else { return nil }
        let variable = random.pick(candidates)
        let value = expression(variable.type, depth: random.int(in: 1...configuration.expressionDepth))
        update(variable.name) { v in
            v.size = max(v.size, value.size)
            v.nonEmpty = v.nonEmpty && value.nonEmpty
        }
        return [Build.assign(variable.name, value.expression)]
    }

    mutating func augmented() -> [Statement]? {
        let bound = iterationBound
        let type = random.pick([ValueType.int, .int, .float, .float, .str, .list(.int)])
        let candidates = assignableVariables(of: type).filter { !iterating.contains($0.name) }
        guard !candidates.isEmpty else { return nil }
        let variable = random.pick(candidates)
        let growth = iterationBound > 1 ? String(iterationBound).count + 1 : 0
        switch type {
        case .int, .float:
            var op = random.pick([BinaryOperator.add, .add, .subtract, .multiply, .floorDivide, .modulo])
            var value = expression(type, depth: 2)
            if op == .multiply && (value.size > 3 || iterationBound > 1) { value = Generated(Build.int(random.int(in: 2...3)), size: 1) }
            if op == .floorDivide || op == .modulo { value = type == .int ? intDivisor(depth: 1) : Generated(Build.float(2.5), size: 1) }
            if type == .int && value.size > 300 { op = .add }
            if type == .float && value.size >= 300 { risk.insert(.overflow) }
            let newSize: Int = switch op {
            case .multiply: variable.size + value.size * max(1, iterationBound)
            case .add, .subtract: max(variable.size, value.size) + growth + 1
            default: variable.size
            }
            update(variable.name) { $0.size = type == .float ? Self.floatSize(newSize) : newSize }
            return [Build.augmented(variable.name, op, value.expression)]
        case .str:
            // A value that reads the variable itself would double it on every iteration.
            var value = stringExpression(depth: 1)
            if Self.names(in: value.expression).contains(variable.name) { value = stringLiteral() }
            update(variable.name) { $0.size += value.size * max(1, bound) }
            return [Build.augmented(variable.name, .add, value.expression)]
        default:
            var value = listLiteral(of: .int, depth: 0)
            if Self.names(in: value.expression).contains(variable.name) { value = Generated(Build.list([Build.int(1)]), size: 1, nonEmpty: true) }
            update(variable.name) { v in
                v.size += value.size * max(1, bound)
                v.elementSize = max(v.elementSize, value.elementSize)
            }
            return [Build.augmented(variable.name, .add, value.expression)]
        }
    }

    mutating func printStatement() -> Statement {
        printsLeft -= 1
        switch random.int(in: 0..<6) {
        case 0:
            return Build.print([stringExpression(depth: 2).expression])
        case 1:
            let type = random.pick([ValueType.int, .float, .list(.float), .dict(.str, .int), .tuple([.int, .float]), .set(.int), .bool])
            return Build.print([Build.string(random.pick(["Total:", "result", "value =", "->"])), expression(type, depth: 2).expression])
        case 2:
            let values = (0..<random.int(in: 1...3)).map { _ in expression(random.pick([ValueType.int, .str, .float]), depth: 1).expression }
            return Build.print(values, keywords: [("sep", Build.string(random.pick([", ", "", " | ", "\t"])))])
        case 3:
            let list = expression(.list(random.pick([ValueType.int, .str])), depth: 1)
            return Build.expressionStatement(Build.expression(.call(function: Build.name("print"), arguments: [
                .starred(list.expression), .keyword(name: "sep", value: Build.string(random.pick([", ", "-", " "]))),
            ])))
        case 4:
            return Build.print([expression(random.pick([ValueType.int, .float]), depth: 2).expression],
                               keywords: [("end", Build.string(random.pick([" ", "\n\n", ";\n", ""])))])
        default:
            let type = random.pick([ValueType.float, .int, .str, .list(.int), .bool])
            return Build.print([expression(type, depth: 2).expression])
        }
    }

    mutating func ifStatement() -> Statement {
        let test = boolExpression(depth: 2).expression
        let body = block(1...3)
        var orElse: [Statement] = []
        if random.chance(0.3) {
            let elifTest = boolExpression(depth: 2).expression
            let elifBody = block(1...2)
            let final = random.chance(0.5) ? block(1...2) : []
            orElse = [Build.statement(.if(test: elifTest, body: elifBody, orElse: final))]
        } else if random.chance(0.4) {
            orElse = block(1...2)
        }
        return Build.statement(.if(test: test, body: body, orElse: orElse))
    }

    /// A `for` loop over a small range, a list, an enumeration, a zip, a dict's items or a string.
    mutating func forLoop() -> [Statement] {
        let maximum = iterationBound == 1 ? 12 : 6
        var loopVariables: [Variable] = []
        let target: Expression
        let iterable: Expression
        var iterations = maximum
        switch random.int(in: 0..<7) {
        case 0, 1:
            let name = freshName(random.pick(["i", "day", "step", "n", "week"]))
            let stop = random.int(in: 0...maximum)
            let start = random.chance(0.3) ? random.int(in: -3...3) : 0
            var arguments = start == 0 && random.chance(0.5) ? [Build.int(stop)] : [Build.int(start), Build.int(stop)]
            if random.chance(0.15) {
                arguments = [Build.int(stop), Build.int(start), Build.int(-random.int(in: 1...2))]
            }
            iterations = max(0, abs(stop - start))
            loopVariables = [Variable(name: name, type: .int, size: 2, nonEmpty: false, elementSize: 0, assignable: false)]
            target = Build.name(name)
            iterable = Build.call("range", arguments)
        case 2:
            let element = random.pick([ValueType.int, .float, .str])
            let list = boundedList(of: element, maximum: maximum)
            let name = freshName(element == .str ? "word" : "value")
            loopVariables = [Variable(name: name, type: element, size: list.elementSize, nonEmpty: false, elementSize: 0, assignable: false)]
            target = Build.name(name)
            iterable = list.expression
            iterations = list.size
        case 3:
            let element = random.pick([ValueType.int, .float, .str])
            let list = boundedList(of: element, maximum: maximum)
            let index = freshName("idx"), name = freshName("item")
            loopVariables = [Variable(name: index, type: .int, size: 2, nonEmpty: false, elementSize: 0, assignable: false),
                             Variable(name: name, type: element, size: list.elementSize, nonEmpty: false, elementSize: 0, assignable: false)]
            target = Build.tuple([Build.name(index), Build.name(name)])
            var arguments = [list.expression]
            if random.chance(0.4) { arguments.append(Build.int(1)) }
            iterable = Build.call("enumerate", arguments)
            iterations = list.size
        case 4:
            let secondType = random.pick([ValueType.int, .float])
            let a = boundedList(of: .str, maximum: maximum), b = boundedList(of: secondType, maximum: maximum)
            let first = freshName("label"), second = freshName("amount")
            loopVariables = [Variable(name: first, type: .str, size: a.elementSize, nonEmpty: false, elementSize: 0, assignable: false),
                             Variable(name: second, type: secondType, size: b.elementSize, nonEmpty: false, elementSize: 0, assignable: false)]
            target = Build.tuple([Build.name(first), Build.name(second)])
            iterable = Build.call("zip", [a.expression, b.expression])
            iterations = min(a.size, b.size)
        case 5:
            let valueType = random.pick([ValueType.int, .float])
            let candidates = variables(of: .dict(.str, valueType)).filter { $0.size <= maximum }
            guard !candidates.isEmpty else { return [assignNew()] }
            let dictionary = random.pick(candidates)
            let key = freshName("key"), value = freshName("val")
            loopVariables = [Variable(name: key, type: .str, size: 10, nonEmpty: false, elementSize: 0, assignable: false),
                             Variable(name: value, type: valueType, size: dictionary.elementSize, nonEmpty: false, elementSize: 0, assignable: false)]
            target = Build.tuple([Build.name(key), Build.name(value)])
            let items = Build.method(Build.name(dictionary.name), "items")
            iterable = random.chance(0.3) ? Build.call("sorted", [items]) : items
            iterations = dictionary.size
        default:
            let text = stringLiteral()
            let name = freshName("ch")
            loopVariables = [Variable(name: name, type: .str, size: 1, nonEmpty: true, elementSize: 0, assignable: false)]
            target = Build.name(name)
            iterable = text.expression
            iterations = text.size
        }
        let savedBound = iterationBound
        iterationBound *= max(1, iterations)
        loopDepth += 1
        let savedIterating = iterating
        iterating += Self.names(in: iterable)
        defer { iterating = savedIterating }
        let body = inScope { state -> [Statement] in
            for variable in loopVariables { state.declare(variable) }
            // The exit's test is generated first, so it reads only names defined before the loop body.
            let exit: Statement? = state.random.chance(0.25)
                ? Build.statement(.if(test: state.safeExpression(.bool, depth: 1).expression,
                                      body: [Build.statement(state.random.chance(0.5) ? .break : .continue)], orElse: []))
                : nil
            var body = state.block(1...3)
            if let exit { body.insert(exit, at: state.random.int(in: 0...body.count)) }
            return body
        }
        loopDepth -= 1
        iterationBound = savedBound
        let orElse = random.chance(0.1) ? block(1...1) : []
        return [Build.statement(.for(target: target, iterable: iterable, body: body, orElse: orElse))]
    }

    /// The variables an iterable expression reads (what a loop over it must leave alone).
    static func names(in expression: Expression) -> [String] {
        if case .name(let name) = expression.kind { return [name] }
        var found: [String] = []
        _ = TreeWalk.mapChildren(expression) { child in
            found += names(in: child)
            return child
        }
        return found
    }

    /// A list of at most `maximum` elements to loop over.
    mutating func boundedList(of element: ValueType, maximum: Int) -> Generated {
        let candidates = variables(of: .list(element)).filter { $0.size <= maximum }
        if !candidates.isEmpty, random.chance(0.6) {
            let variable = random.pick(candidates)
            return Generated(Build.name(variable.name), size: variable.size, nonEmpty: variable.nonEmpty, elementSize: variable.elementSize)
        }
        return listLiteral(of: element, depth: 1)
    }

    /// `while counter < bound:` whose first statement increments the counter, so it always ends.
    mutating func whileLoop() -> [Statement] {
        let counter = freshName(random.pick(["attempts", "w", "tries", "rounds"]))
        let bound = random.int(in: 0...(iterationBound == 1 ? 10 : 5))
        declare(Variable(name: counter, type: .int, size: 3, nonEmpty: false, elementSize: 0, assignable: false))
        var test = Build.compare(Build.name(counter), .less, Build.int(bound))
        if random.chance(0.3) { test = Build.boolean(.and, [test, boolExpression(depth: 1).expression]) }
        let savedBound = iterationBound
        iterationBound *= max(1, bound)
        loopDepth += 1
        let exit: Statement? = random.chance(0.3)
            ? Build.statement(.if(test: safeExpression(.bool, depth: 1).expression, body: [Build.statement(.break)], orElse: []))
            : nil
        var body = block(1...3)
        loopDepth -= 1
        iterationBound = savedBound
        body.insert(Build.augmented(counter, .add, Build.int(1)), at: 0)
        if let exit { body.insert(exit, at: random.int(in: 1...body.count)) }
        return [Build.assign(counter, Build.int(0)),
                Build.statement(.while(test: test, body: body, orElse: random.chance(0.1) ? block(1...1) : []))]
    }

    mutating func assertion() -> Statement {
        let test = boolExpression(depth: 2).expression
        let message: Expression? = random.chance(0.5) ? Build.string(random.pick(["check failed", "value out of range", "unexpected"])) : nil
        if tryDepth > 0 || random.chance(0.5) {
            risk.insert(.assertion)
            return Build.statement(.assert(test: test, message: message))
        }
        let type = random.pick([ValueType.int, .float, .str, .list(.int)])
        let value = expression(type, depth: 1)
        let name: String = switch type {
        case .int: "int"
        case .float: "float"
        case .str: "str"
        default: "list"
        }
        return Build.statement(.assert(test: Build.call("isinstance", [value.expression, Build.name(name)]), message: message))
    }

    /// The value a variable gets before a `try` that may fail to assign it.
    func defaultValue(of type: ValueType) -> Expression {
        switch type {
        case .int: Build.int(0)
        case .float: Build.float(0.0)
        case .bool: Build.bool(false)
        case .str: Build.string("")
        case .list: Build.list([])
        case .dict: Build.dictionary([])
        case .set: Build.call("set", [])
        case .tuple(let elements): Build.tuple(elements.map(defaultValue(of:)))
        }
    }
}
