import PythonSyntax

extension VirtualMachine {
    /// The dispatch loop. Keeps the current frame's code, registers and pc in locals; writes pc back to the
    /// frame whenever control leaves the frame (call, return, pause, exception).
    func execute() throws(ExecutionError) -> Stop {
        var code = frames[frames.count - 1].code
        var ins = code.instructionBuffer
        var regs = stack + frames[frames.count - 1].base
        var pc = frames[frames.count - 1].pc
        var globals = frames[frames.count - 1].globals
        var cells = frames[frames.count - 1].cells

        do throws(ExecutionError) {
            while true {
                let instruction = ins[pc]
                pc &+= 1
                switch instruction {
                case let .move(dst, src):
                    regs[Int(dst)] = regs[Int(src)]

                case let .loadGlobal(dst, name):
                    let v = globals.slots[Int(name)]
                    if case .unbound = v {
                        regs[Int(dst)] = try resolveBuiltin(globals.names.names[Int(name)])
                    } else {
                        regs[Int(dst)] = v
                    }
                case let .storeGlobal(name, src):
                    globals.slots[Int(name)] = regs[Int(src)]
                case let .deleteGlobal(name):
                    if case .unbound = globals.slots[Int(name)] {
                        throw .exception(.undefinedName(globals.names.names[Int(name)]))
                    }
                    globals.slots[Int(name)] = .unbound
                case let .loadCell(dst, cell):
                    let v = cells[Int(cell)].value
                    if case .unbound = v { throw .exception(unboundCell(code: code, cell: Int(cell))) }
                    regs[Int(dst)] = v
                case let .storeCell(cell, src):
                    cells[Int(cell)].value = regs[Int(src)]
                case let .deleteCell(cell):
                    if case .unbound = cells[Int(cell)].value { throw .exception(unboundCell(code: code, cell: Int(cell))) }
                    cells[Int(cell)].value = .unbound
                case let .checkBound(reg, name):
                    if case .unbound = regs[Int(reg)] {
                        throw .exception(PyException(.unboundLocalError,
                            "cannot access local variable '\(code.names[Int(name)])' where it is not associated with a value"))
                    }
                case let .deleteLocal(reg, name):
                    if name >= 0, case .unbound = regs[Int(reg)] {
                        throw .exception(PyException(.unboundLocalError,
                            "cannot access local variable '\(code.names[Int(name)])' where it is not associated with a value"))
                    }
                    regs[Int(reg)] = .unbound

                case let .binary(dst, lhs, rhs, op):
                    let a = regs[Int(lhs)], b = regs[Int(rhs)]
                    if case .int(let x) = a, case .int(let y) = b {
                        switch op {
                        case .add:
                            let (r, o) = x.addingReportingOverflow(y)
                            if !o { regs[Int(dst)] = .int(r); continue }
                        case .subtract:
                            let (r, o) = x.subtractingReportingOverflow(y)
                            if !o { regs[Int(dst)] = .int(r); continue }
                        case .multiply:
                            let (r, o) = x.multipliedReportingOverflow(by: y)
                            if !o { regs[Int(dst)] = .int(r); continue }
                        case .trueDivide:
                            if y != 0, x.magnitude < (1 << 53), y.magnitude < (1 << 53) {
                                regs[Int(dst)] = .float(Double(x) / Double(y)); continue
                            }
                        case .floorDivide:
                            if y > 0 {
                                let q = x / y
                                regs[Int(dst)] = .int((x % y != 0 && x < 0) ? q - 1 : q); continue
                            }
                        case .modulo:
                            if y > 0 {
                                let r = x % y
                                regs[Int(dst)] = .int(r < 0 ? r + y : r); continue
                            }
                        default: break
                        }
                    } else if case .float(let x) = a, case .float(let y) = b {
                        switch op {
                        case .add: regs[Int(dst)] = .float(x + y); continue
                        case .subtract: regs[Int(dst)] = .float(x - y); continue
                        case .multiply: regs[Int(dst)] = .float(x * y); continue
                        case .trueDivide where y != 0: regs[Int(dst)] = .float(x / y); continue
                        default: break
                        }
                    }
                    regs[Int(dst)] = try binarySlow(op, a, b)
                case let .inPlace(dst, lhs, rhs, op):
                    let a = regs[Int(lhs)], b = regs[Int(rhs)]
                    if case .int(let x) = a, case .int(let y) = b, op == .add {
                        let (r, o) = x.addingReportingOverflow(y)
                        if !o { regs[Int(dst)] = .int(r); continue }
                    }
                    regs[Int(dst)] = try inPlaceSlow(op, a, b)
                case let .unary(dst, src, op):
                    let a = regs[Int(src)]
                    if op == .negate, case .int(let x) = a, x != .min { regs[Int(dst)] = .int(-x); continue }
                    if case .unavailable(let u) = a { throw .exception(u.error) }
                    regs[Int(dst)] = try Operators.unary(op, a, context)
                case let .not(dst, src):
                    regs[Int(dst)] = .bool(!(try truth(regs[Int(src)])))
                case let .compare(dst, lhs, rhs, op):
                    if op == .in || op == .notIn, case .iterator(let it) = regs[Int(rhs)], !it.isNative {
                        // Membership in a generator consumes it up to the first match: run the prelude's loop.
                        frames[frames.count - 1].pc = pc
                        let base = frames[frames.count - 1].base
                        let function = prelude.function(op == .in ? "contains_" : "not_contains_")
                        _ = try callWithArray(.function(function), [regs[Int(rhs)], regs[Int(lhs)]], keywordNames: [],
                                              result: base + Int(dst))
                        code = frames[frames.count - 1].code; ins = code.instructionBuffer
                        regs = stack + frames[frames.count - 1].base; pc = frames[frames.count - 1].pc
                        globals = frames[frames.count - 1].globals; cells = frames[frames.count - 1].cells
                        continue
                    }
                    regs[Int(dst)] = .bool(try compare(op, regs[Int(lhs)], regs[Int(rhs)]))
                case let .jumpUnlessCompare(lhs, rhs, op, target):
                    let a = regs[Int(lhs)], b = regs[Int(rhs)]
                    let holds: Bool
                    if case .int(let x) = a, case .int(let y) = b {
                        switch op {
                        case .less: holds = x < y
                        case .lessOrEqual: holds = x <= y
                        case .greater: holds = x > y
                        case .greaterOrEqual: holds = x >= y
                        case .equal: holds = x == y
                        case .notEqual: holds = x != y
                        default: holds = try compare(op, a, b)
                        }
                    } else {
                        holds = try compare(op, a, b)
                    }
                    if !holds {
                        if Int(target) < pc {
                            steps &+= 1
                            if steps >= nextCheck { try checkLimits() }
                        }
                        pc = Int(target)
                    }

                case let .jump(target):
                    if Int(target) < pc {
                        steps &+= 1
                        if steps >= nextCheck { try checkLimits() }
                    }
                    pc = Int(target)
                case let .jumpIfFalse(src, target):
                    if !(try truth(regs[Int(src)])) { pc = Int(target) }
                case let .jumpIfTrue(src, target):
                    if try truth(regs[Int(src)]) { pc = Int(target) }

                case let .getIterator(dst, src):
                    regs[Int(dst)] = try makeIterator(regs[Int(src)])
                case let .forIter(iterator, dst, exit):
                    guard case .iterator(let it) = regs[Int(iterator)] else {
                        preconditionFailure("forIter on a non-iterator register")
                    }
                    if let range = it as? RangeIterator {
                        if range.remaining > 0 {
                            regs[Int(dst)] = .int(range.current)
                            range.current &+= range.step
                            range.remaining -= 1
                        } else {
                            pc = Int(exit)
                        }
                    } else if let list = it as? ListIterator {
                        if list.index < list.list.items.count {
                            regs[Int(dst)] = list.list.items[list.index]
                            list.index += 1
                        } else {
                            pc = Int(exit)
                        }
                    } else if let generator = it as? PyGenerator {
                        frames[frames.count - 1].pc = pc
                        let base = frames[frames.count - 1].base
                        if try resumeGenerator(generator, resultRegister: base + Int(dst), exit: exit) {
                            code = frames[frames.count - 1].code; ins = code.instructionBuffer
                            regs = stack + frames[frames.count - 1].base; pc = frames[frames.count - 1].pc
                            globals = frames[frames.count - 1].globals; cells = frames[frames.count - 1].cells
                        } else {
                            pc = Int(exit)
                        }
                    } else if let v = try it.next(context) {
                        regs[Int(dst)] = v
                    } else {
                        pc = Int(exit)
                    }
                case let .unpack(src, dst, count):
                    let items = try unpackable(regs[Int(src)], expected: Int(count), starred: false)
                    for i in 0..<Int(count) { regs[Int(dst) + i] = items[i] }
                case let .unpackStarred(src, dst, before, after):
                    let items = try unpackable(regs[Int(src)], expected: Int(before + after), starred: true)
                    let b = Int(before), a = Int(after)
                    for i in 0..<b { regs[Int(dst) + i] = items[i] }
                    try context.reserve(count: items.count - a - b, elementSize: MemoryLayout<Value>.stride)
                    regs[Int(dst) + b] = .list(PyList(Array(items[b..<(items.count - a)])))
                    for i in 0..<a { regs[Int(dst) + b + 1 + i] = items[items.count - a + i] }

                case let .buildList(dst, first, count):
                    regs[Int(dst)] = .list(PyList(Array(UnsafeBufferPointer(start: regs + Int(first), count: Int(count)))))
                case let .buildTuple(dst, first, count):
                    regs[Int(dst)] = .tuple(PyTuple(Array(UnsafeBufferPointer(start: regs + Int(first), count: Int(count)))))
                case let .buildSet(dst, first, count):
                    let set = PySet()
                    for i in 0..<Int(count) { try set.insert(regs[Int(first) + i]) }
                    regs[Int(dst)] = .set(set)
                case let .buildDictionary(dst, first, count):
                    let dictionary = PyDict()
                    for i in 0..<Int(count) { try dictionary.set(regs[Int(first) + 2 * i], regs[Int(first) + 2 * i + 1]) }
                    regs[Int(dst)] = .dict(dictionary)
                case let .buildSlice(dst, first):
                    regs[Int(dst)] = .slice(PySlice(start: regs[Int(first)], stop: regs[Int(first) + 1], step: regs[Int(first) + 2]))
                case let .buildString(dst, first, count):
                    var text = ""
                    for i in 0..<Int(count) {
                        if case .str(let s) = regs[Int(first) + i] { text += s.value }
                    }
                    regs[Int(dst)] = .string(text)
                case let .formatValue(dst, src, spec, conversion):
                    regs[Int(dst)] = .string(try formatValue(regs[Int(src)], spec: spec == Instruction.noRegister ? nil : regs[Int(spec)],
                                                             conversion: conversion))
                case let .listAppend(list, src):
                    guard case .list(let l) = regs[Int(list)] else { preconditionFailure("listAppend on a non-list") }
                    l.items.append(regs[Int(src)])
                case let .listExtend(list, src):
                    guard case .list(let l) = regs[Int(list)] else { preconditionFailure("listExtend on a non-list") }
                    l.items.append(contentsOf: try collect(regs[Int(src)]))
                case let .listToTuple(dst, src):
                    guard case .list(let l) = regs[Int(src)] else { preconditionFailure("listToTuple on a non-list") }
                    regs[Int(dst)] = .tuple(PyTuple(l.items))
                case let .setAdd(set, src):
                    guard case .set(let s) = regs[Int(set)] else { preconditionFailure("setAdd on a non-set") }
                    try s.insert(regs[Int(src)])
                case let .setUpdate(set, src):
                    guard case .set(let s) = regs[Int(set)] else { preconditionFailure("setUpdate on a non-set") }
                    if case .iterator(let it) = regs[Int(src)], !it.isNative {
                        for v in try collect(regs[Int(src)]) { try s.insert(v) }
                    } else {
                        try s.update(with: regs[Int(src)], context)
                    }
                case let .dictionarySet(dictionary, key, value):
                    guard case .dict(let d) = regs[Int(dictionary)] else { preconditionFailure("dictionarySet on a non-dict") }
                    try d.set(regs[Int(key)], regs[Int(value)])
                case let .dictionaryUpdate(dictionary, src):
                    guard case .dict(let d) = regs[Int(dictionary)] else { preconditionFailure("dictionaryUpdate on a non-dict") }
                    guard case .dict(let other) = regs[Int(src)] else {
                        throw .exception(.typeError("'\(regs[Int(src)].typeName)' object is not a mapping"))
                    }
                    for (k, v) in zip(other.keys, other.values) { try d.set(k, v) }

                case let .getItem(dst, container, index):
                    let c = regs[Int(container)], i = regs[Int(index)]
                    if case .list(let l) = c, case .int(var k) = i {
                        if k < 0 { k += l.items.count }
                        if k >= 0 && k < l.items.count { regs[Int(dst)] = l.items[k]; continue }
                    }
                    if case .unavailable(let u) = c { throw .exception(u.error) }
                    regs[Int(dst)] = try Containers.getItem(c, i, context)
                case let .setItem(container, index, src):
                    let c = regs[Int(container)], i = regs[Int(index)]
                    if case .list(let l) = c, case .int(var k) = i {
                        if k < 0 { k += l.items.count }
                        if k >= 0 && k < l.items.count { l.items[k] = regs[Int(src)]; continue }
                    }
                    try Containers.setItem(c, i, regs[Int(src)], context)
                case let .deleteItem(container, index):
                    try Containers.deleteItem(regs[Int(container)], regs[Int(index)], context)
                case let .getAttribute(dst, object, name):
                    regs[Int(dst)] = try attribute(of: regs[Int(object)], code.names[Int(name)])
                case let .setAttribute(object, name, _):
                    throw .exception(.attributeError("'\(regs[Int(object)].typeName)' object has no attribute '\(code.names[Int(name)])'"))

                case let .makeFunction(dst, codeIndex, defaults, defaultCount):
                    regs[Int(dst)] = makeFunction(code.children[Int(codeIndex)], defaults: regs + Int(defaults),
                                                  defaultCount: Int(defaultCount), cells: cells, globals: globals)
                case let .call(dst, function, first, count):
                    steps &+= 1
                    if steps >= nextCheck { try checkLimits() }
                    frames[frames.count - 1].pc = pc
                    let base = frames[frames.count - 1].base
                    let outcome = try callFromRegisters(regs[Int(function)], first: base + Int(first), count: Int(count),
                                                        keywordNames: [], result: base + Int(dst))
                    switch outcome {
                    case .value(let v):
                        regs = stack + base
                        regs[Int(dst)] = v
                    case .pushed:
                        code = frames[frames.count - 1].code; ins = code.instructionBuffer
                        regs = stack + frames[frames.count - 1].base; pc = frames[frames.count - 1].pc
                        globals = frames[frames.count - 1].globals; cells = frames[frames.count - 1].cells
                    case .paused(let stop):
                        return stop
                    }
                case let .callKeywords(dst, function, first, count, names):
                    steps &+= 1
                    if steps >= nextCheck { try checkLimits() }
                    frames[frames.count - 1].pc = pc
                    let base = frames[frames.count - 1].base
                    let outcome = try callFromRegisters(regs[Int(function)], first: base + Int(first), count: Int(count),
                                                        keywordNames: code.keywordNames[Int(names)], result: base + Int(dst))
                    switch outcome {
                    case .value(let v):
                        regs = stack + base
                        regs[Int(dst)] = v
                    case .pushed:
                        code = frames[frames.count - 1].code; ins = code.instructionBuffer
                        regs = stack + frames[frames.count - 1].base; pc = frames[frames.count - 1].pc
                        globals = frames[frames.count - 1].globals; cells = frames[frames.count - 1].cells
                    case .paused(let stop):
                        return stop
                    }
                case let .callMethod(dst, receiver, name, count):
                    steps &+= 1
                    if steps >= nextCheck { try checkLimits() }
                    frames[frames.count - 1].pc = pc
                    let base = frames[frames.count - 1].base
                    let outcome = try callMethod(receiver: base + Int(receiver), name: code.names[Int(name)], count: Int(count),
                                                 keywordNames: [], result: base + Int(dst))
                    switch outcome {
                    case .value(let v):
                        regs = stack + base
                        regs[Int(dst)] = v
                    case .pushed:
                        code = frames[frames.count - 1].code; ins = code.instructionBuffer
                        regs = stack + frames[frames.count - 1].base; pc = frames[frames.count - 1].pc
                        globals = frames[frames.count - 1].globals; cells = frames[frames.count - 1].cells
                    case .paused(let stop):
                        return stop
                    }
                case let .callMethodKeywords(dst, receiver, name, count, names):
                    steps &+= 1
                    if steps >= nextCheck { try checkLimits() }
                    frames[frames.count - 1].pc = pc
                    let base = frames[frames.count - 1].base
                    let outcome = try callMethod(receiver: base + Int(receiver), name: code.names[Int(name)], count: Int(count),
                                                 keywordNames: code.keywordNames[Int(names)], result: base + Int(dst))
                    switch outcome {
                    case .value(let v):
                        regs = stack + base
                        regs[Int(dst)] = v
                    case .pushed:
                        code = frames[frames.count - 1].code; ins = code.instructionBuffer
                        regs = stack + frames[frames.count - 1].base; pc = frames[frames.count - 1].pc
                        globals = frames[frames.count - 1].globals; cells = frames[frames.count - 1].cells
                    case .paused(let stop):
                        return stop
                    }
                case let .callUnpacked(dst, function, arguments, keywords):
                    steps &+= 1
                    if steps >= nextCheck { try checkLimits() }
                    frames[frames.count - 1].pc = pc
                    let base = frames[frames.count - 1].base
                    guard case .tuple(let positional) = regs[Int(arguments)] else { preconditionFailure("callUnpacked without a tuple") }
                    var values = positional.items
                    var names: [String] = []
                    if keywords != Instruction.noRegister, case .dict(let d) = regs[Int(keywords)] {
                        for (k, v) in zip(d.keys, d.values) {
                            guard case .str(let s) = k else { throw .exception(.typeError("keywords must be strings")) }
                            names.append(s.value)
                            values.append(v)
                        }
                    }
                    let outcome = try callWithArray(regs[Int(function)], values, keywordNames: names, result: base + Int(dst))
                    switch outcome {
                    case .value(let v):
                        regs = stack + base
                        regs[Int(dst)] = v
                    case .pushed:
                        code = frames[frames.count - 1].code; ins = code.instructionBuffer
                        regs = stack + frames[frames.count - 1].base; pc = frames[frames.count - 1].pc
                        globals = frames[frames.count - 1].globals; cells = frames[frames.count - 1].cells
                    case .paused(let stop):
                        return stop
                    }
                case let .returnValue(src):
                    let value = regs[Int(src)]
                    let frame = popFrame()
                    switch frame.returnTarget {
                    case .stop:
                        return .returned(value)
                    case .register(let r):
                        stack[r] = value
                    case .generatorConsumer(_, let exit):
                        frame.generator?.state = .finished
                        frames[frames.count - 1].pc = Int(exit)
                    }
                    code = frames[frames.count - 1].code; ins = code.instructionBuffer
                    regs = stack + frames[frames.count - 1].base; pc = frames[frames.count - 1].pc
                    globals = frames[frames.count - 1].globals; cells = frames[frames.count - 1].cells
                case let .yieldValue(src):
                    let value = regs[Int(src)]
                    let top = frames[frames.count - 1]
                    guard let generator = top.generator, case .generatorConsumer(let r, _) = top.returnTarget else {
                        preconditionFailure("yield outside a generator frame")
                    }
                    generator.registers = Array(UnsafeBufferPointer(start: regs, count: code.registerCount))
                    generator.pc = pc
                    generator.state = .suspended
                    _ = popFrame()
                    stack[r] = value
                    code = frames[frames.count - 1].code; ins = code.instructionBuffer
                    regs = stack + frames[frames.count - 1].base; pc = frames[frames.count - 1].pc
                    globals = frames[frames.count - 1].globals; cells = frames[frames.count - 1].cells

                case let .raise(exception, cause):
                    throw .exception(try raisedException(exception == Instruction.noRegister ? exceptionHandledByCaller()
                                                                                            : regs[Int(exception)],
                                                         cause: cause == Instruction.noRegister ? nil : regs[Int(cause)]))
                case let .reraise(src):
                    guard case .exception(let e) = regs[Int(src)] else { preconditionFailure("reraise of a non-exception") }
                    throw .exception(e)
                case let .exceptionMatches(dst, exception, type):
                    guard case .exception(let e) = regs[Int(exception)] else { preconditionFailure("no exception to match") }
                    regs[Int(dst)] = .bool(try exceptionMatches(e, regs[Int(type)]))
                case let .assertionFailed(message):
                    if message == Instruction.noRegister {
                        throw .exception(PyException(.assertionError, args: []))
                    }
                    throw .exception(PyException(.assertionError, args: [regs[Int(message)]]))

                case let .importModule(dst, name):
                    regs[Int(dst)] = importModule(code.names[Int(name)], line: Int(code.lines[pc - 1]))
                case let .importAll(module):
                    try importAll(from: regs[Int(module)], into: globals)
                case let .importFrom(dst, module, name):
                    regs[Int(dst)] = try importName(code.names[Int(name)], from: regs[Int(module)])
                }
            }
        } catch {
            frames[frames.count - 1].pc = pc
            throw error
        }
    }
}
