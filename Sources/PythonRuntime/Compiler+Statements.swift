import PythonSyntax

extension FunctionCompiler {
    func statements(_ body: [Statement], program: inout ProgramCompiler) throws(CompileError) {
        for s in body { try statement(s, program: &program) }
    }

    func statement(_ s: Statement, program: inout ProgramCompiler) throws(CompileError) {
        at(s.range)
        let mark = nextTemp
        defer { release(to: mark) }
        switch s.kind {
        case .expression(let e):
            if case .constant = e.kind { return }
            _ = try expression(e, program: &program)
        case .assign(let targets, let value):
            try assign(targets: targets, value: value, program: &program)
        case .augmentedAssign(let target, let op, let value):
            try augmentedAssign(target: target, op: op, value: value, program: &program)
        case .annotatedAssign(let target, _, let value):
            if let value { try assign(targets: [target], value: value, program: &program) }
        case .if(let test, let body, let orElse):
            let before = definitelyBound
            let skip = try condition(test, jumpWhen: false, program: &program)
            try statements(body, program: &program)
            let afterBody = definitelyBound
            if orElse.isEmpty {
                patchAll(skip, to: here)
                definitelyBound = before.union(afterBody.intersection(before))
                definitelyBound = before
            } else {
                let end = emit(.jump(target: -1))
                patchAll(skip, to: here)
                definitelyBound = before
                try statements(orElse, program: &program)
                patch(end, to: here)
                definitelyBound = afterBody.intersection(definitelyBound)
            }
        case .while(let test, let body, let orElse):
            let before = definitelyBound
            let top = here
            let exits = try condition(test, jumpWhen: false, program: &program)
            loops.append(LoopContext(continueTarget: top, breakJumps: [], finallyDepth: finallyStack.count))
            try statements(body, program: &program)
            emit(.jump(target: top))
            let loop = loops.removeLast()
            patchAll(exits, to: here)
            definitelyBound = before
            try statements(orElse, program: &program)
            patchAll(loop.breakJumps, to: here)
            definitelyBound = before
        case .for(let target, let iterable, let body, let orElse):
            let before = definitelyBound
            let source = try self.iterable(iterable, program: &program)
            let iterator = temp()
            at(iterable.range)
            emit(.getIterator(dst: iterator, src: source))
            let top = here
            let simple = simpleLocalTarget(target)
            let element = simple ?? temp()
            at(s.range)
            let forIter = emit(.forIter(iterator: iterator, dst: element, exit: -1))
            if simple == nil {
                try store(target, from: element, program: &program)
            } else {
                definitelyBound.insert(element)
            }
            loops.append(LoopContext(continueTarget: top, breakJumps: [], finallyDepth: finallyStack.count))
            try statements(body, program: &program)
            emit(.jump(target: top))
            let loop = loops.removeLast()
            patch(forIter, to: here)
            definitelyBound = before
            try statements(orElse, program: &program)
            patchAll(loop.breakJumps, to: here)
            definitelyBound = before
        case .functionDefinition(let def):
            let function = try functionObject(name: def.name, parameters: def.parameters, range: s.range,
                                              program: &program) { (compiler, program) throws(CompileError) in
                try compiler.statements(def.body, program: &program)
                compiler.emit(.returnValue(src: compiler.noneConstant()))
            }
            try storeName(def.name, from: function)
        case .return(let value):
            guard scope.kind == .function else {
                throw fail("'return' outside function", s.range, id: "compile.return-outside-function")
            }
            let result: R
            if let value {
                let r = try expression(value, program: &program)
                if finallyStack.isEmpty || r < 0 || isLocalRegister(r) == false {
                    result = r
                } else {
                    result = temp()
                    emit(.move(dst: result, src: r))
                }
            } else {
                result = noneConstant()
            }
            try runFinallyBodies(downTo: 0, program: &program)
            at(s.range)
            emit(.returnValue(src: result))
        case .break:
            guard var loop = loops.last else {
                throw fail("'break' outside loop", s.range, id: "compile.break-outside-loop")
            }
            try runFinallyBodies(downTo: loop.finallyDepth, program: &program)
            loop.breakJumps.append(emit(.jump(target: -1)))
            loops[loops.count - 1] = loop
        case .continue:
            guard let loop = loops.last else {
                throw fail("'continue' not properly in loop", s.range, id: "compile.continue-outside-loop")
            }
            try runFinallyBodies(downTo: loop.finallyDepth, program: &program)
            emit(.jump(target: loop.continueTarget))
        case .pass, .global, .nonlocal:
            break
        case .try(let body, let handlers, let orElse, let finally):
            try tryStatement(body: body, handlers: handlers, orElse: orElse, finally: finally, range: s.range, program: &program)
        case .raise(let exception, let cause):
            if let exception {
                let e = try expression(exception, program: &program)
                let c = try cause.map { (c) throws(CompileError) in try expression(c, program: &program) } ?? Instruction.noRegister
                at(s.range)
                emit(.raise(exception: e, cause: c))
            } else if let handled = handledExceptions.last {
                emit(.reraise(src: handled))
            } else {
                emit(.raise(exception: Instruction.noRegister, cause: Instruction.noRegister))
            }
        case .assert(let test, let message):
            let ok = try condition(test, jumpWhen: true, program: &program)
            let m = try message.map { (m) throws(CompileError) in try expression(m, program: &program) } ?? Instruction.noRegister
            at(s.range)
            emit(.assertionFailed(message: m))
            patchAll(ok, to: here)
        case .delete(let targets):
            for t in targets { try delete(t, program: &program) }
        case .import(let aliases):
            for alias in aliases {
                at(alias.range)
                let r = temp()
                if alias.asName == nil, let dot = alias.name.firstIndex(of: ".") {
                    // `import a.b` binds `a`.
                    emit(.importModule(dst: r, name: name(String(alias.name[..<dot]))))
                    try storeName(String(alias.name[..<dot]), from: r)
                } else {
                    emit(.importModule(dst: r, name: name(alias.name)))
                    try storeName(alias.asName ?? alias.name, from: r)
                }
            }
        case .importFrom(let module, let aliases, let level):
            if level > 0 {
                throw fail("attempted relative import with no known parent package", s.range,
                           id: "compile.relative-import", pythonType: "ImportError")
            }
            let m = temp()
            emit(.importModule(dst: m, name: name(module)))
            if aliases.isEmpty {
                guard scope.kind == .module else {
                    throw fail("import * only allowed at module level", s.range, id: "compile.import-star-in-function")
                }
                emit(.importAll(module: m))
            } else {
                for alias in aliases {
                    at(alias.range)
                    let r = temp()
                    emit(.importFrom(dst: r, module: m, name: name(alias.name)))
                    try storeName(alias.asName ?? alias.name, from: r)
                }
            }
        }
    }

    func patchAll(_ jumps: [Int], to target: Int32) {
        for j in jumps { patch(j, to: target) }
    }

    // MARK: try / except / finally

    /// Emits the `finally` bodies between the current point and `depth` (innermost first). While a body
    /// runs, the protected regions it leaves are suspended, so an exception inside it is caught only by
    /// handlers outside its `try` — as when CPython runs the same `finally` on the way out.
    func runFinallyBodies(downTo depth: Int, program: inout ProgramCompiler) throws(CompileError) {
        guard finallyStack.count > depth else { return }
        let savedFinally = finallyStack
        let savedDepths = finallyDepths
        let savedHandled = handledExceptions
        let wasActive = protections.map { $0.segmentStart >= 0 }
        var index = finallyStack.count - 1
        while index >= depth {
            let body = savedFinally[index]
            suspendProtections(from: savedDepths[index])
            finallyStack = Array(savedFinally[..<index])
            finallyDepths = Array(savedDepths[..<index])
            try statements(body, program: &program)
            index -= 1
        }
        finallyStack = savedFinally
        finallyDepths = savedDepths
        handledExceptions = savedHandled
        for i in protections.indices where wasActive[i] && protections[i].segmentStart < 0 {
            protections[i].segmentStart = here
        }
    }

    func openProtection(exceptionRegister: R) {
        protections.append(ProtectedRegion(segmentStart: here, exceptionRegister: exceptionRegister))
    }

    /// Ends the current segment of every protected region from index `depth` inward.
    func suspendProtections(from depth: Int) {
        for i in protections.indices where i >= depth && protections[i].segmentStart >= 0 {
            if protections[i].segmentStart < here {
                protections[i].pendingSegments.append((protections[i].segmentStart, here))
            }
            protections[i].segmentStart = -1
        }
    }

    /// Closes the innermost protected region, recording its segments with handler `target`.
    func closeProtection(target: Int32) {
        var region = protections.removeLast()
        if region.segmentStart >= 0 && region.segmentStart < here {
            region.pendingSegments.append((region.segmentStart, here))
        }
        for (start, end) in region.pendingSegments {
            handlers.append(ExceptionHandlerEntry(start: start, end: end, target: target,
                                                  exceptionRegister: region.exceptionRegister))
        }
    }

    func tryStatement(body: [Statement], handlers clauses: [ExceptHandler], orElse: [Statement], finally: [Statement],
                      range: SourceRange, program: inout ProgramCompiler) throws(CompileError) {
        let before = definitelyBound
        let finallyException = finally.isEmpty ? Instruction.noRegister : temp()
        if !finally.isEmpty {
            openProtection(exceptionRegister: finallyException)
            finallyDepths.append(protections.count - 1)
            finallyStack.append(finally)
        }
        if clauses.isEmpty {
            try statements(body, program: &program)
            try statements(orElse, program: &program)
        } else {
            let exception = temp()
            openProtection(exceptionRegister: exception)
            try statements(body, program: &program)
            let toElse = emit(.jump(target: -1))
            let handlerStart = here
            closeProtection(target: handlerStart)
            var toEnd: [Int] = []
            for clause in clauses {
                at(clause.range)
                definitelyBound = before
                var next: Int? = nil
                if let type = clause.type {
                    let mark = nextTemp
                    let t = try expression(type, program: &program)
                    let matches = temp()
                    emit(.exceptionMatches(dst: matches, exception: exception, type: t))
                    next = emit(.jumpIfFalse(src: matches, target: -1))
                    release(to: mark)
                }
                if let n = clause.name { try storeName(n, from: exception) }
                try handlerBody(clause.body, exception: exception, program: &program)
                if let n = clause.name { try deleteName(n, ifBound: true) }
                toEnd.append(emit(.jump(target: -1)))
                if let next { patch(next, to: here) }
            }
            emit(.reraise(src: exception))
            patch(toElse, to: here)
            definitelyBound = before
            try statements(orElse, program: &program)
            patchAll(toEnd, to: here)
        }
        if !finally.isEmpty {
            finallyStack.removeLast()
            finallyDepths.removeLast()
            let skip = emit(.jump(target: -1))
            let handler = here
            closeProtection(target: handler)
            definitelyBound = before
            try handlerBody(finally, exception: finallyException, program: &program)
            emit(.reraise(src: finallyException))
            patch(skip, to: here)
            definitelyBound = before
            try statements(finally, program: &program)
        }
        definitelyBound = before
    }

    /// The body of an `except` clause, or of a `finally` run for an exception held in `exception`: a bare
    /// `raise` inside re-raises it, and so does one in any function called from here (`handledRanges`).
    func handlerBody(_ body: [Statement], exception: R, program: inout ProgramCompiler) throws(CompileError) {
        let start = here
        handledExceptions.append(exception)
        try statements(body, program: &program)
        handledExceptions.removeLast()
        handledRanges.append(HandledRange(start: start, end: here, exceptionRegister: exception))
    }

    // MARK: Assignment

    /// The register of a target that is a plain local variable, for direct writes.
    func simpleLocalTarget(_ target: Expression) -> R? {
        guard case .name(let n) = target.kind, scope.kind != .module, scope.binding(of: n) == .local,
              let i = scope.localIndex(of: n) else { return nil }
        return Int32(i)
    }

    func assign(targets: [Expression], value: Expression, program: inout ProgramCompiler) throws(CompileError) {
        if targets.count == 1, let local = simpleLocalTarget(targets[0]), writesDestinationOnce(value) {
            try expression(value, into: local, program: &program)
            definitelyBound.insert(local)
            return
        }
        // `a, b = b, a`: evaluate every value before storing any.
        if targets.count == 1, case .tuple(let values) = value.kind,
           let names = sequenceTargets(targets[0]), names.count == values.count,
           !values.contains(where: { if case .starred = $0.kind { true } else { false } }),
           !names.contains(where: { if case .starred = $0.kind { true } else { false } }) {
            let first = temps(values.count)
            for (i, v) in values.enumerated() { try expression(v, into: first + Int32(i), program: &program) }
            for (i, t) in names.enumerated() { try store(t, from: first + Int32(i), program: &program) }
            return
        }
        let r = try expression(value, program: &program)
        for t in targets { try store(t, from: r, program: &program) }
    }

    func sequenceTargets(_ target: Expression) -> [Expression]? {
        switch target.kind {
        case .tuple(let items), .list(let items): items
        default: nil
        }
    }

    /// True when compiling `e` into a register writes it only after reading every operand, so the
    /// register may be one the expression itself reads (`x = x + 1`).
    func writesDestinationOnce(_ e: Expression) -> Bool {
        switch e.kind {
        case .boolean, .conditional, .compare(_, _), .namedExpression, .listComprehension, .setComprehension,
             .dictionaryComprehension, .generatorExpression:
            if case .compare(_, let rest) = e.kind, rest.count == 1 { return true }
            if case .listComprehension = e.kind { return true }
            if case .setComprehension = e.kind { return true }
            if case .dictionaryComprehension = e.kind { return true }
            if case .generatorExpression = e.kind { return true }
            return false
        case .list(let items), .tuple(let items), .set(let items):
            return !items.contains { if case .starred = $0.kind { true } else { false } }
        case .dictionary(let items):
            return !items.contains { if case .unpack = $0 { true } else { false } }
        default:
            return true
        }
    }

    func store(_ target: Expression, from src: R, program: inout ProgramCompiler) throws(CompileError) {
        at(target.range)
        switch target.kind {
        case .name(let n):
            try storeName(n, from: src)
        case .attribute(let object, let attribute):
            let o = try expression(object, program: &program)
            emit(.setAttribute(object: o, name: name(attribute), src: src))
        case .subscript(let object, let index):
            let mark = nextTemp
            let o = try expression(object, program: &program)
            let i = try expression(index, program: &program)
            at(target.range)
            emit(.setItem(container: o, index: i, src: src))
            release(to: mark)
        case .tuple(let items), .list(let items):
            let starIndex = items.firstIndex { if case .starred = $0.kind { true } else { false } }
            let first = temps(items.count)
            if let starIndex {
                emit(.unpackStarred(src: src, dst: first, before: Int32(starIndex), after: Int32(items.count - starIndex - 1)))
            } else {
                emit(.unpack(src: src, dst: first, count: Int32(items.count)))
            }
            for (i, item) in items.enumerated() {
                if case .starred(let inner) = item.kind {
                    try store(inner, from: first + Int32(i), program: &program)
                } else {
                    try store(item, from: first + Int32(i), program: &program)
                }
            }
        case .starred:
            throw fail("starred assignment target must be in a list or tuple", target.range, id: "compile.starred-target")
        default:
            throw fail("cannot assign to expression", target.range, id: "compile.invalid-target")
        }
    }

    func storeName(_ n: String, from src: R) throws(CompileError) {
        if scope.kind == .module {
            emit(.storeGlobal(name: globalIndex(n), src: src))
            return
        }
        switch scope.binding(of: n) {
        case .local:
            let r = Int32(scope.localIndex(of: n)!)
            if r != src { emit(.move(dst: r, src: src)) }
            definitelyBound.insert(r)
        case .cell, .free:
            emit(.storeCell(cell: Int32(scope.cellIndex(of: n)!), src: src))
        case .global, .explicitGlobal:
            emit(.storeGlobal(name: globalIndex(n), src: src))
        }
    }

    func deleteName(_ n: String, ifBound: Bool = false) throws(CompileError) {
        if scope.kind == .module {
            emit(.deleteGlobal(name: globalIndex(n)))
            return
        }
        switch scope.binding(of: n) {
        case .local:
            let r = Int32(scope.localIndex(of: n)!)
            emit(.deleteLocal(reg: r, name: ifBound ? -1 : name(n)))
            definitelyBound.remove(r)
        case .cell, .free:
            emit(.deleteCell(cell: Int32(scope.cellIndex(of: n)!)))
        case .global, .explicitGlobal:
            emit(.deleteGlobal(name: globalIndex(n)))
        }
    }

    func delete(_ target: Expression, program: inout ProgramCompiler) throws(CompileError) {
        at(target.range)
        switch target.kind {
        case .name(let n): try deleteName(n)
        case .subscript(let object, let index):
            let o = try expression(object, program: &program)
            let i = try expression(index, program: &program)
            at(target.range)
            emit(.deleteItem(container: o, index: i))
        case .tuple(let items), .list(let items):
            for item in items { try delete(item, program: &program) }
        case .attribute:
            throw fail("sal does not support deleting attributes", target.range, id: "compile.delete-attribute", pythonType: nil)
        default:
            throw fail("cannot delete expression", target.range, id: "compile.invalid-delete")
        }
    }

    func augmentedAssign(target: Expression, op: BinaryOperator, value: Expression, program: inout ProgramCompiler) throws(CompileError) {
        switch target.kind {
        case .name(let n):
            if let local = simpleLocalTarget(target) {
                let current = try load(n, range: target.range)
                let v = try expression(value, program: &program)
                at(target.range)
                emit(.inPlace(dst: local, lhs: current, rhs: v, op: op))
            } else {
                let current = try load(n, range: target.range)
                let v = try expression(value, program: &program)
                let result = temp()
                at(target.range)
                emit(.inPlace(dst: result, lhs: current, rhs: v, op: op))
                try storeName(n, from: result)
            }
        case .subscript(let object, let index):
            let o = try expression(object, program: &program)
            let i = try expression(index, program: &program)
            let current = temp()
            at(target.range)
            emit(.getItem(dst: current, container: o, index: i))
            let v = try expression(value, program: &program)
            at(target.range)
            emit(.inPlace(dst: current, lhs: current, rhs: v, op: op))
            emit(.setItem(container: o, index: i, src: current))
        case .attribute(let object, let attribute):
            let o = try expression(object, program: &program)
            let current = temp()
            emit(.getAttribute(dst: current, object: o, name: name(attribute)))
            let v = try expression(value, program: &program)
            emit(.inPlace(dst: current, lhs: current, rhs: v, op: op))
            emit(.setAttribute(object: o, name: name(attribute), src: current))
        default:
            throw fail("'\(describe(target))' is an illegal expression for augmented assignment", target.range,
                       id: "compile.invalid-augmented-target")
        }
    }

    func describe(_ e: Expression) -> String {
        switch e.kind {
        case .tuple: "tuple"
        case .list: "list"
        case .call: "function call"
        case .constant: "literal"
        default: "expression"
        }
    }

    func globalIndex(_ n: String) -> Int32 {
        globalNames.index(of: n)
    }
}
