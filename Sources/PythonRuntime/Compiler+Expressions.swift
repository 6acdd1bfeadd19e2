import PythonSyntax

extension FunctionCompiler {
    /// Compiles `e` and returns the register holding its value: a local's or a constant's own register
    /// when possible (read-only for the caller), else a new temporary.
    func expression(_ e: Expression, program: inout ProgramCompiler) throws(CompileError) -> R {
        switch e.kind {
        case .constant(let c):
            return constant(c)
        case .name(let n):
            if scope.kind != .module, scope.binding(of: n) == .local {
                return try load(n, range: e.range)
            }
        default:
            break
        }
        let r = temp()
        try expression(e, into: r, program: &program)
        return r
    }

    /// Loads a name, returning a local's register directly (after a bound check if needed).
    func load(_ n: String, range: SourceRange) throws(CompileError) -> R {
        at(range)
        if scope.kind != .module {
            switch scope.binding(of: n) {
            case .local:
                let r = Int32(scope.localIndex(of: n)!)
                if !definitelyBound.contains(r) {
                    emit(.checkBound(reg: r, name: name(n)))
                    definitelyBound.insert(r)
                }
                return r
            case .cell, .free:
                let r = temp()
                emit(.loadCell(dst: r, cell: Int32(scope.cellIndex(of: n)!)))
                return r
            case .global, .explicitGlobal:
                break
            }
        }
        let r = temp()
        emit(.loadGlobal(dst: r, name: globalIndex(n)))
        return r
    }

    /// Compiles `e` into register `dst`.
    func expression(_ e: Expression, into dst: R, program: inout ProgramCompiler) throws(CompileError) {
        let mark = nextTemp
        defer { release(to: max(mark, nextTemp > mark ? mark : nextTemp)) }
        at(e.range)
        switch e.kind {
        case .name(let n):
            if scope.kind != .module {
                switch scope.binding(of: n) {
                case .local:
                    let r = try load(n, range: e.range)
                    if r != dst { emit(.move(dst: dst, src: r)) }
                    return
                case .cell, .free:
                    emit(.loadCell(dst: dst, cell: Int32(scope.cellIndex(of: n)!)))
                    return
                case .global, .explicitGlobal:
                    break
                }
            }
            emit(.loadGlobal(dst: dst, name: globalIndex(n)))
        case .constant(let c):
            emit(.move(dst: dst, src: constant(c)))
        case .formattedString(let parts):
            try formattedString(parts, into: dst, program: &program)
        case .unary(let op, let operand):
            if op == .negate, case .constant(.int(let i)) = operand.kind, i != Int.min {
                emit(.move(dst: dst, src: constant(.int(-i))))
                return
            }
            if op == .negate, case .constant(.float(let d)) = operand.kind {
                emit(.move(dst: dst, src: constant(.float(-d))))
                return
            }
            let r = try expression(operand, program: &program)
            at(e.range)
            if op == .not {
                emit(.not(dst: dst, src: r))
            } else {
                emit(.unary(dst: dst, src: r, op: op))
            }
        case .binary(let op, let lhs, let rhs):
            let a = try expression(lhs, program: &program)
            let b = try expression(rhs, program: &program)
            at(e.range)
            emit(.binary(dst: dst, lhs: a, rhs: b, op: op))
        case .boolean(let op, let operands):
            let target = isLocalRegister(dst) ? temp() : dst
            var jumps: [Int] = []
            for (i, operand) in operands.enumerated() {
                try expression(operand, into: target, program: &program)
                if i < operands.count - 1 {
                    jumps.append(emit(op == .and ? .jumpIfFalse(src: target, target: -1) : .jumpIfTrue(src: target, target: -1)))
                }
            }
            patchAll(jumps, to: here)
            if target != dst { emit(.move(dst: dst, src: target)) }
        case .compare(let first, let rest):
            if rest.count == 1 {
                let a = try expression(first, program: &program)
                let b = try expression(rest[0].right, program: &program)
                at(e.range)
                emit(.compare(dst: dst, lhs: a, rhs: b, op: rest[0].op))
                return
            }
            let target = isLocalRegister(dst) ? temp() : dst
            var left = try expression(first, program: &program)
            var exits: [Int] = []
            for (i, comparison) in rest.enumerated() {
                let right = try expression(comparison.right, program: &program)
                at(e.range)
                emit(.compare(dst: target, lhs: left, rhs: right, op: comparison.op))
                if i < rest.count - 1 { exits.append(emit(.jumpIfFalse(src: target, target: -1))) }
                left = right
            }
            patchAll(exits, to: here)
            if target != dst { emit(.move(dst: dst, src: target)) }
        case .call(let function, let arguments):
            try call(function, arguments, into: dst, range: e.range, program: &program)
        case .attribute(let object, let attribute):
            let o = try expression(object, program: &program)
            at(e.range)
            emit(.getAttribute(dst: dst, object: o, name: name(attribute)))
        case .subscript(let object, let index):
            let o = try expression(object, program: &program)
            let i = try expression(index, program: &program)
            at(e.range)
            emit(.getItem(dst: dst, container: o, index: i))
        case .slice(let lower, let upper, let step):
            let first = temps(3)
            for (i, part) in [lower, upper, step].enumerated() {
                if let part {
                    try expression(part, into: first + Int32(i), program: &program)
                } else {
                    emit(.move(dst: first + Int32(i), src: noneConstant()))
                }
            }
            emit(.buildSlice(dst: dst, first: first))
        case .starred:
            throw fail("can't use starred expression here", e.range, id: "compile.starred-expression")
        case .list(let items):
            try display(items, into: dst, kind: .list, program: &program)
        case .tuple(let items):
            try display(items, into: dst, kind: .tuple, program: &program)
        case .set(let items):
            try display(items, into: dst, kind: .set, program: &program)
        case .dictionary(let items):
            try dictionaryDisplay(items, into: dst, program: &program)
        case .listComprehension, .setComprehension, .dictionaryComprehension, .generatorExpression:
            try comprehension(e, into: dst, program: &program)
        case .conditional(let test, let body, let orElse):
            let target = isLocalRegister(dst) ? temp() : dst
            let before = definitelyBound
            let toElse = try condition(test, jumpWhen: false, program: &program)
            try expression(body, into: target, program: &program)
            let end = emit(.jump(target: -1))
            patchAll(toElse, to: here)
            definitelyBound = before
            try expression(orElse, into: target, program: &program)
            patch(end, to: here)
            definitelyBound = before
            if target != dst { emit(.move(dst: dst, src: target)) }
        case .lambda(let parameters, let body):
            let f = try functionObject(name: "<lambda>", parameters: parameters, range: e.range, program: &program) {
                (compiler, program) throws(CompileError) in
                let r = try compiler.expression(body, program: &program)
                compiler.emit(.returnValue(src: r))
            }
            emit(.move(dst: dst, src: f))
        case .namedExpression(let target, let value):
            let v = try expression(value, program: &program)
            try storeNamedExpressionTarget(target, from: v)
            if v != dst { emit(.move(dst: dst, src: v)) }
        }
    }

    /// `:=` in a comprehension binds in the enclosing function or module scope (a free or global name here).
    func storeNamedExpressionTarget(_ target: String, from src: R) throws(CompileError) {
        try storeName(target, from: src)
    }

    // MARK: Conditions

    /// Compiles a branch on `test`: returns jumps taken when the test's truth equals `jumpWhen`.
    func condition(_ test: Expression, jumpWhen: Bool, program: inout ProgramCompiler) throws(CompileError) -> [Int] {
        let mark = nextTemp
        defer { release(to: mark) }
        at(test.range)
        switch test.kind {
        case .unary(.not, let operand):
            return try condition(operand, jumpWhen: !jumpWhen, program: &program)
        case .boolean(let op, let operands):
            // `a and b` jumps-when-false if any operand is false; `a or b` jumps-when-true if any is true.
            if (op == .and) == !jumpWhen {
                var jumps: [Int] = []
                for operand in operands { jumps += try condition(operand, jumpWhen: jumpWhen, program: &program) }
                return jumps
            } else {
                var skips: [Int] = []
                for operand in operands.dropLast() {
                    skips += try condition(operand, jumpWhen: !jumpWhen, program: &program)
                }
                let jumps = try condition(operands.last!, jumpWhen: jumpWhen, program: &program)
                patchAll(skips, to: here)
                return jumps
            }
        case .compare(let first, let rest) where rest.count == 1 && !jumpWhen && ![.in, .notIn].contains(rest[0].op):
            let a = try expression(first, program: &program)
            let b = try expression(rest[0].right, program: &program)
            at(test.range)
            return [emit(.jumpUnlessCompare(lhs: a, rhs: b, op: rest[0].op, target: -1))]
        case .constant(let c) where c == .bool(true) || c == .int(1):
            return jumpWhen ? [emit(.jump(target: -1))] : []
        default:
            let r = try expression(test, program: &program)
            at(test.range)
            return [emit(jumpWhen ? .jumpIfTrue(src: r, target: -1) : .jumpIfFalse(src: r, target: -1))]
        }
    }

    // MARK: Calls

    func call(_ function: Expression, _ arguments: [Argument], into dst: R, range: SourceRange,
              program: inout ProgramCompiler) throws(CompileError) {
        let hasUnpacking = arguments.contains {
            switch $0 { case .starred, .doubleStarred: true; default: false }
        }
        if hasUnpacking {
            try unpackedCall(function, arguments, into: dst, range: range, program: &program)
            return
        }
        let positional = arguments.compactMap { if case .positional(let e) = $0 { e } else { nil } }
        let keywords = arguments.compactMap { if case .keyword(let n, let v) = $0 { (n, v) } else { nil } }
        var seen: Set<String> = []
        for (n, _) in keywords where !seen.insert(n).inserted {
            throw fail("keyword argument repeated: \(n)", range, id: "compile.repeated-keyword")
        }
        if case .attribute(let object, let methodName) = function.kind {
            let receiver = temps(1 + positional.count + keywords.count)
            try expression(object, into: receiver, program: &program)
            for (i, a) in positional.enumerated() {
                try expression(a, into: receiver + 1 + Int32(i), program: &program)
            }
            for (i, (_, v)) in keywords.enumerated() {
                try expression(v, into: receiver + 1 + Int32(positional.count + i), program: &program)
            }
            at(range)
            let count = Int32(positional.count + keywords.count)
            if keywords.isEmpty {
                emit(.callMethod(dst: dst, receiver: receiver, name: name(methodName), count: count))
            } else {
                emit(.callMethodKeywords(dst: dst, receiver: receiver, name: name(methodName), count: count,
                                         names: keywordTable(keywords.map(\.0))))
            }
            return
        }
        let f = try expression(function, program: &program)
        let first = temps(positional.count + keywords.count)
        for (i, a) in positional.enumerated() {
            try expression(a, into: first + Int32(i), program: &program)
        }
        for (i, (_, v)) in keywords.enumerated() {
            try expression(v, into: first + Int32(positional.count + i), program: &program)
        }
        at(range)
        let count = Int32(positional.count + keywords.count)
        if keywords.isEmpty {
            emit(.call(dst: dst, function: f, first: first, count: count))
        } else {
            emit(.callKeywords(dst: dst, function: f, first: first, count: count, names: keywordTable(keywords.map(\.0))))
        }
    }

    /// `f(*a, x, **k)`: positional arguments gathered into a tuple, keywords into a dict.
    func unpackedCall(_ function: Expression, _ arguments: [Argument], into dst: R, range: SourceRange,
                      program: inout ProgramCompiler) throws(CompileError) {
        let f = try expression(function, program: &program)
        let list = temp()
        emit(.buildList(dst: list, first: list, count: 0))
        var keywords: R = Instruction.noRegister
        for argument in arguments {
            let mark = nextTemp
            switch argument {
            case .positional(let e):
                let r = try expression(e, program: &program)
                emit(.listAppend(list: list, src: r))
            case .starred(let e):
                let r = try expression(e, program: &program)
                emit(.listExtend(list: list, src: r))
            case .keyword(let n, let v):
                if keywords == Instruction.noRegister {
                    keywords = temp()
                    emit(.buildDictionary(dst: keywords, first: keywords, count: 0))
                }
                let r = try expression(v, program: &program)
                emit(.dictionarySet(dictionary: keywords, key: constant(.string(n)), value: r))
            case .doubleStarred(let e):
                if keywords == Instruction.noRegister {
                    keywords = temp()
                    emit(.buildDictionary(dst: keywords, first: keywords, count: 0))
                }
                let r = try expression(e, program: &program)
                emit(.dictionaryUpdate(dictionary: keywords, src: r))
            }
            if nextTemp > mark && (keywords == Instruction.noRegister || keywords < mark) { release(to: mark) }
        }
        emit(.listToTuple(dst: list, src: list))
        at(range)
        emit(.callUnpacked(dst: dst, function: f, arguments: list, keywords: keywords))
    }

    // MARK: Displays

    enum DisplayKind { case list, tuple, set }

    func display(_ items: [Expression], into dst: R, kind: DisplayKind, program: inout ProgramCompiler) throws(CompileError) {
        let hasStar = items.contains { if case .starred = $0.kind { true } else { false } }
        if kind == .set, items.count > 2, let frozen = foldedFrozenset(items) {
            // CPython folds a display of more than two constants into a frozenset constant and
            // builds the set by merging it, which fixes the set's iteration order.
            emit(.buildSet(dst: dst, first: dst, count: 0))
            emit(.setUpdate(set: dst, src: constant(value: .set(frozen))))
            return
        }
        if !hasStar {
            if kind == .tuple, let constantTuple = constantTuple(items) {
                emit(.move(dst: dst, src: constantTuple))
                return
            }
            let first = temps(items.count)
            for (i, item) in items.enumerated() { try expression(item, into: first + Int32(i), program: &program) }
            switch kind {
            case .list: emit(.buildList(dst: dst, first: first, count: Int32(items.count)))
            case .tuple: emit(.buildTuple(dst: dst, first: first, count: Int32(items.count)))
            case .set: emit(.buildSet(dst: dst, first: first, count: Int32(items.count)))
            }
            return
        }
        let target = temp()
        if kind == .set {
            emit(.buildSet(dst: target, first: target, count: 0))
        } else {
            emit(.buildList(dst: target, first: target, count: 0))
        }
        for item in items {
            let mark = nextTemp
            if case .starred(let inner) = item.kind {
                let r = try expression(inner, program: &program)
                emit(kind == .set ? .setUpdate(set: target, src: r) : .listExtend(list: target, src: r))
            } else {
                let r = try expression(item, program: &program)
                emit(kind == .set ? .setAdd(set: target, src: r) : .listAppend(list: target, src: r))
            }
            release(to: mark)
        }
        if kind == .tuple {
            emit(.listToTuple(dst: dst, src: target))
        } else {
            emit(.move(dst: dst, src: target))
        }
    }

    /// A tuple of constants could become one constant (as CPython folds it); sal builds it at run
    /// time, which is observably the same for immutable values.
    func constantTuple(_ items: [Expression]) -> R? { nil }

    func dictionaryDisplay(_ items: [DictionaryItem], into dst: R, program: inout ProgramCompiler) throws(CompileError) {
        let hasUnpack = items.contains { if case .unpack = $0 { true } else { false } }
        if !hasUnpack {
            let first = temps(items.count * 2)
            for (i, item) in items.enumerated() {
                if case .pair(let k, let v) = item {
                    try expression(k, into: first + Int32(2 * i), program: &program)
                    try expression(v, into: first + Int32(2 * i + 1), program: &program)
                }
            }
            emit(.buildDictionary(dst: dst, first: first, count: Int32(items.count)))
            return
        }
        let target = temp()
        emit(.buildDictionary(dst: target, first: target, count: 0))
        for item in items {
            let mark = nextTemp
            switch item {
            case .pair(let k, let v):
                let kr = try expression(k, program: &program)
                let vr = try expression(v, program: &program)
                emit(.dictionarySet(dictionary: target, key: kr, value: vr))
            case .unpack(let e):
                let r = try expression(e, program: &program)
                emit(.dictionaryUpdate(dictionary: target, src: r))
            }
            release(to: mark)
        }
        emit(.move(dst: dst, src: target))
    }

    // MARK: f-strings

    func formattedString(_ parts: [FormattedStringPart], into dst: R, program: inout ProgramCompiler) throws(CompileError) {
        let first = temps(parts.count + parts.filter { if case .replacement(_, _, _, let d) = $0 { d != nil } else { false } }.count)
        var index: Int32 = 0
        for part in parts {
            switch part {
            case .literal(let text):
                emit(.move(dst: first + index, src: constant(.string(text))))
                index += 1
            case .replacement(let value, let conversion, let spec, let debugText):
                if let debugText {
                    emit(.move(dst: first + index, src: constant(.string(debugText))))
                    index += 1
                }
                let mark = nextTemp
                let v = try expression(value, program: &program)
                var specRegister = Instruction.noRegister
                if let spec, !spec.isEmpty {
                    if spec.count == 1, case .literal(let text) = spec[0] {
                        specRegister = constant(.string(text))
                    } else {
                        specRegister = temp()
                        try formattedString(spec, into: specRegister, program: &program)
                    }
                }
                var code: Int32 = 0
                switch conversion {
                case .str: code = 1
                case .repr: code = 2
                case .ascii: code = 3
                case nil: code = (debugText != nil && spec == nil) ? 2 : 0
                }
                at(value.range)
                emit(.formatValue(dst: first + index, src: v, spec: specRegister, conversion: code))
                release(to: mark)
                index += 1
            }
        }
        emit(.buildString(dst: dst, first: first, count: index))
    }

    // MARK: Functions and comprehensions

    /// Compiles a nested function (def or lambda) and returns a register holding the function object.
    func functionObject(name functionName: String, parameters: Parameters, range: SourceRange, program: inout ProgramCompiler,
                        body: (FunctionCompiler, inout ProgramCompiler) throws(CompileError) -> Void) throws(CompileError) -> R {
        guard let childScope = program.scopes[range] else {
            preconditionFailure("no scope recorded for function at \(range)")
        }
        let positional = parameters.positionalOnly + parameters.positional
        var sawDefault = false
        for p in positional {
            if p.defaultValue != nil { sawDefault = true } else if sawDefault {
                throw fail("non-default argument follows default argument", p.range, id: "compile.default-order")
            }
        }
        let defaults = positional.compactMap(\.defaultValue) + parameters.keywordOnly.compactMap(\.defaultValue)
        let first = temps(defaults.count)
        for (i, d) in defaults.enumerated() { try expression(d, into: first + Int32(i), program: &program) }

        let qualified = scope.kind == .module ? functionName : "\(qualifiedName).<locals>.\(functionName)"
        let child = FunctionCompiler(scope: childScope, qualifiedName: qualified, kind: .function, globalNames: globalNames)
        try child.prologue()
        try body(child, &program)
        let code = child.finish(program: &program, parameters: parameters,
                                defaultCount: positional.filter { $0.defaultValue != nil }.count)
        children.append(code)
        let r = temp()
        at(range)
        emit(.makeFunction(dst: r, code: Int32(children.count - 1), defaults: first, defaultCount: Int32(defaults.count)))
        return r
    }

    /// Nothing to emit at function entry today: cells for captured parameters are filled by the VM.
    func prologue() throws(CompileError) {}

    func comprehension(_ e: Expression, into dst: R, program: inout ProgramCompiler) throws(CompileError) {
        guard let childScope = program.scopes[e.range] else {
            preconditionFailure("no scope recorded for comprehension at \(e.range)")
        }
        let generators: [Comprehension]
        let label: String
        switch e.kind {
        case .listComprehension(_, let g): generators = g; label = "<listcomp>"
        case .setComprehension(_, let g): generators = g; label = "<setcomp>"
        case .dictionaryComprehension(_, _, let g): generators = g; label = "<dictcomp>"
        case .generatorExpression(_, let g): generators = g; label = "<genexpr>"
        default: preconditionFailure("not a comprehension")
        }
        let isGenerator = { if case .generatorExpression = e.kind { true } else { false } }()
        let qualified = scope.kind == .module ? label : "\(qualifiedName).<locals>.\(label)"
        let child = FunctionCompiler(scope: childScope, qualifiedName: qualified,
                                     kind: isGenerator ? .generator : .function, globalNames: globalNames)
        try child.comprehensionBody(e, generators: generators, program: &program)
        let code = child.finish(program: &program)
        children.append(code)

        let f = temp()
        at(e.range)
        emit(.makeFunction(dst: f, code: Int32(children.count - 1), defaults: f, defaultCount: 0))
        let source = try iterable(generators[0].iterable, program: &program)
        let iterator = temp()
        at(generators[0].iterable.range)
        emit(.getIterator(dst: iterator, src: source))
        at(e.range)
        emit(.call(dst: dst, function: f, first: iterator, count: 1))
    }

    /// The body of a comprehension's own code object: its parameter `.0` is the first iterator.
    func comprehensionBody(_ e: Expression, generators: [Comprehension], program: inout ProgramCompiler) throws(CompileError) {
        at(e.range)
        var result: R = Instruction.noRegister
        switch e.kind {
        case .listComprehension:
            result = temp()
            emit(.buildList(dst: result, first: result, count: 0))
        case .setComprehension:
            result = temp()
            emit(.buildSet(dst: result, first: result, count: 0))
        case .dictionaryComprehension:
            result = temp()
            emit(.buildDictionary(dst: result, first: result, count: 0))
        default:
            break
        }
        var exits: [(forIter: Int, top: Int32)] = []
        for (depth, generator) in generators.enumerated() {
            let iterator: R
            if depth == 0 {
                iterator = 0
            } else {
                let source = try iterable(generator.iterable, program: &program)
                iterator = temp()
                at(generator.iterable.range)
                emit(.getIterator(dst: iterator, src: source))
            }
            let top = here
            let simple = simpleLocalTarget(generator.target)
            let element = simple ?? temp()
            at(generator.target.range)
            let forIter = emit(.forIter(iterator: iterator, dst: element, exit: -1))
            if simple == nil {
                try store(generator.target, from: element, program: &program)
            } else {
                definitelyBound.insert(element)
            }
            for condition in generator.conditions {
                let skips = try self.condition(condition, jumpWhen: false, program: &program)
                patchAll(skips, to: top)
            }
            exits.append((forIter, top))
        }
        let mark = nextTemp
        switch e.kind {
        case .listComprehension(let element, _):
            let r = try expression(element, program: &program)
            emit(.listAppend(list: result, src: r))
        case .setComprehension(let element, _):
            let r = try expression(element, program: &program)
            emit(.setAdd(set: result, src: r))
        case .dictionaryComprehension(let key, let value, _):
            let k = try expression(key, program: &program)
            let v = try expression(value, program: &program)
            emit(.dictionarySet(dictionary: result, key: k, value: v))
        case .generatorExpression(let element, _):
            let r = try expression(element, program: &program)
            emit(.yieldValue(src: r))
        default:
            break
        }
        release(to: mark)
        for (forIter, top) in exits.reversed() {
            emit(.jump(target: top))
            patch(forIter, to: here)
        }
        emit(.returnValue(src: result == Instruction.noRegister ? noneConstant() : result))
    }
}
