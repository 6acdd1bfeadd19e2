extension VirtualMachine {
    enum CallOutcome {
        /// A native produced the value; the caller stores it.
        case value(Value)
        /// A Python frame was pushed; it stores its result itself when it returns.
        case pushed
        case paused(Stop)
    }

    /// Calls `callee` with `count` arguments in absolute registers from `first` (the last
    /// `keywordNames.count` of them by keyword).
    func callFromRegisters(_ callee: Value, first: Int, count: Int, keywordNames: [String], result: Int) throws(ExecutionError) -> CallOutcome {
        switch callee {
        case .function(let f):
            if f.code.kind == .generator {
                return .value(try makeGenerator(f, arguments: UnsafeBufferPointer(start: stack + first, count: count), keywordNames: keywordNames))
            }
            ensureCapacity(stackTop + f.code.registerCount)
            try pushFrame(code: f.code, cells: f.closure, globals: f.globals, returnTarget: .register(result)) { (regs) throws(ExecutionError) in
                try bindArguments(f, UnsafeBufferPointer(start: stack + first, count: count), keywordNames, into: regs)
            }
            return .pushed
        case .builtin(let b):
            let arguments = Arguments(values: UnsafeBufferPointer(start: stack + first, count: count), keywordNames: keywordNames)
            if b.consumesIterables, let route = prelude.route(b, arguments, isLazy: isLazyIterator) {
                return try callWithArray(.function(route.function), route.prefix + Array(arguments.values),
                                         keywordNames: keywordNames, result: result)
            }
            return .value(try b.call(arguments, context))
        default:
            return try callWithArray(callee, Array(UnsafeBufferPointer(start: stack + first, count: count)),
                                     keywordNames: keywordNames, result: result)
        }
    }

    /// Calls `callee` with arguments held in an array (unpacked calls, bound methods, routing).
    func callWithArray(_ callee: Value, _ values: [Value], keywordNames: [String], result: Int) throws(ExecutionError) -> CallOutcome {
        switch callee {
        case .function(let f):
            if f.code.kind == .generator {
                return .value(try values.withUnsafeBufferPointer { (buffer) throws(ExecutionError) in
                    try makeGenerator(f, arguments: buffer, keywordNames: keywordNames)
                })
            }
            try pushFrame(code: f.code, cells: f.closure, globals: f.globals, returnTarget: .register(result)) { (regs) throws(ExecutionError) in
                try values.withUnsafeBufferPointer { (buffer) throws(ExecutionError) in
                    try bindArguments(f, buffer, keywordNames, into: regs)
                }
            }
            return .pushed
        case .builtin(let b):
            if b.consumesIterables {
                let route = values.withUnsafeBufferPointer {
                    prelude.route(b, Arguments(values: $0, keywordNames: keywordNames), isLazy: isLazyIterator)
                }
                if let route {
                    return try callWithArray(.function(route.function), route.prefix + values, keywordNames: keywordNames, result: result)
                }
            }
            return .value(try Arguments.with(values, keywordNames: keywordNames) { (arguments) throws(ExecutionError) in
                try b.call(arguments, context)
            })
        case .method(let m):
            return try callWithArray(.builtin(m.function), [m.receiver] + values, keywordNames: keywordNames, result: result)
        case .type(let t):
            if PreludeInstance.consumingTypes.contains(t.kind), values.contains(where: isLazyIterator) {
                return try routeTypeToPrelude(t, values, keywordNames: keywordNames, result: result)
            }
            return .value(try Arguments.with(values, keywordNames: keywordNames) { (arguments) throws(ExecutionError) in
                try Builtins.construct(t, arguments, context)
            })
        case .host(let h):
            hostCallCount += 1
            if hostCallCount > limits.maxHostCalls {
                throw .limit(LimitBreach(.hostCalls, "host call limit of \(limits.maxHostCalls) exceeded"))
            }
            pendingHostResult = result
            let positional = Array(values[0..<(values.count - keywordNames.count)])
            let keywords = keywordNames.enumerated().map { ($0.element, values[values.count - keywordNames.count + $0.offset]) }
            return .paused(.paused(h, positional, keywords))
        case .unavailable(let u):
            throw .exception(u.error)
        default:
            throw .exception(.notCallable(callee))
        }
    }

    /// `receiver.name(args)` with the receiver in absolute register `receiver` and arguments after it.
    func callMethod(receiver: Int, name: String, count: Int, keywordNames: [String], result: Int) throws(ExecutionError) -> CallOutcome {
        let object = stack[receiver]
        switch object {
        case .module(let m):
            guard let member = m.members[name] else {
                throw .exception(.attributeError("module '\(m.name)' has no attribute '\(name)'"))
            }
            return try callFromRegisters(member.value, first: receiver + 1, count: count, keywordNames: keywordNames, result: result)
        case .unavailable(let u):
            throw .exception(u.error)
        default:
            if let method = Attributes.method(of: object, named: name) {
                let arguments = Arguments(values: UnsafeBufferPointer(start: stack + receiver, count: count + 1), keywordNames: keywordNames)
                if method.consumesIterables, let route = prelude.route(method, arguments, isLazy: isLazyIterator) {
                    return try callWithArray(.function(route.function), route.prefix + Array(arguments.values),
                                             keywordNames: keywordNames, result: result)
                }
                return .value(try method.call(arguments, context))
            }
            let callee = try Attributes.get(object, name)
            return try callFromRegisters(callee, first: receiver + 1, count: count, keywordNames: keywordNames, result: result)
        }
    }

    // MARK: Functions

    func makeFunction(_ code: CodeObject, defaults: UnsafeMutablePointer<Value>, defaultCount: Int, cells: [Cell], globals: Globals) -> Value {
        let positionalDefaults = min(code.defaultCount, defaultCount)
        var keywordDefaults: [String: Value] = [:]
        for (i, name) in code.keywordOnlyDefaultNames.enumerated() where positionalDefaults + i < defaultCount {
            keywordDefaults[name] = defaults[positionalDefaults + i]
        }
        let closure = code.freeFromEnclosing.map { cells[Int($0)] }
        return .function(PyFunction(name: code.name, code: code,
                                    defaults: Array(UnsafeBufferPointer(start: defaults, count: positionalDefaults)),
                                    keywordDefaults: keywordDefaults, closure: closure, globals: globals))
    }

    /// Binds call arguments to the parameters of `f` in the new frame's registers, with CPython's errors.
    func bindArguments(_ f: PyFunction, _ args: UnsafeBufferPointer<Value>, _ keywordNames: [String],
                       into regs: UnsafeMutablePointer<Value>) throws(ExecutionError) {
        let code = f.code
        let given = args.count - keywordNames.count
        let positional = code.positionalCount
        if keywordNames.isEmpty && given == positional && !code.hasVarArgs && code.keywordOnlyCount == 0 {
            for i in 0..<given { regs[i] = args[i] }
            if code.hasVarKeywords { regs[positional] = .dict(PyDict()) }
            return
        }
        let name = code.name
        if given > positional && !code.hasVarArgs {
            let required = positional - f.defaults.count
            let takes = f.defaults.isEmpty
                ? "\(positional) positional argument\(positional == 1 ? "" : "s")"
                : "from \(required) to \(positional) positional arguments"
            let kwGiven = keywordNames.filter { n in code.localNames.prefix(positional + code.keywordOnlyCount).contains(n) }.count
            let extra = kwGiven > 0 ? " positional argument\(given == 1 ? "" : "s") (and \(kwGiven) keyword-only argument\(kwGiven == 1 ? "" : "s"))" : ""
            if extra.isEmpty {
                throw .exception(.typeError("\(name)() takes \(takes) but \(given) \(given == 1 ? "was" : "were") given"))
            }
            throw .exception(.typeError("\(name)() takes \(takes) but \(given)\(extra) were given"))
        }
        for i in 0..<min(given, positional) { regs[i] = args[i] }
        var slot = positional + code.keywordOnlyCount
        if code.hasVarArgs {
            regs[slot] = .tuple(PyTuple(given > positional ? Array(args[positional..<given]) : []))
            slot += 1
        }
        var extraKeywords: PyDict? = nil
        if code.hasVarKeywords {
            extraKeywords = PyDict()
            regs[slot] = .dict(extraKeywords!)
        }
        var positionalOnlyAsKeyword: [String] = []
        for (k, keyword) in keywordNames.enumerated() {
            let value = args[given + k]
            var target: Int? = nil
            for i in code.positionalOnlyCount..<(positional + code.keywordOnlyCount) where code.localNames[i] == keyword {
                target = i
                break
            }
            if let target {
                if case .unbound = regs[target] {
                    regs[target] = value
                } else {
                    throw .exception(.typeError("\(name)() got multiple values for argument '\(keyword)'"))
                }
            } else if let extraKeywords {
                try extraKeywords.set(.string(keyword), value)
            } else if code.localNames.prefix(code.positionalOnlyCount).contains(keyword) {
                positionalOnlyAsKeyword.append(keyword)
            } else {
                throw .exception(.typeError("\(name)() got an unexpected keyword argument '\(keyword)'"))
            }
        }
        if !positionalOnlyAsKeyword.isEmpty {
            throw .exception(.typeError("\(name)() got some positional-only arguments passed as keyword arguments: '\(positionalOnlyAsKeyword.joined(separator: ", "))'"))
        }
        let firstDefault = positional - f.defaults.count
        var missing: [String] = []
        for i in 0..<positional {
            if case .unbound = regs[i] {
                if i >= firstDefault {
                    regs[i] = f.defaults[i - firstDefault]
                } else {
                    missing.append(code.localNames[i])
                }
            }
        }
        if !missing.isEmpty {
            throw .exception(.typeError("\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(listing(missing))"))
        }
        for i in positional..<(positional + code.keywordOnlyCount) {
            if case .unbound = regs[i] {
                if let d = f.keywordDefaults[code.localNames[i]] {
                    regs[i] = d
                } else {
                    missing.append(code.localNames[i])
                }
            }
        }
        if !missing.isEmpty {
            throw .exception(.typeError("\(name)() missing \(missing.count) required keyword-only argument\(missing.count == 1 ? "" : "s"): \(listing(missing))"))
        }
    }

    /// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` — CPython's listing of missing arguments.
    func listing(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        switch quoted.count {
        case 1: return quoted[0]
        case 2: return "\(quoted[0]) and \(quoted[1])"
        default: return quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
        }
    }

    // MARK: Generators

    func makeGenerator(_ f: PyFunction, arguments: UnsafeBufferPointer<Value>, keywordNames: [String]) throws(ExecutionError) -> Value {
        let code = f.code
        var registers = [Value](repeating: .unbound, count: code.registerCount)
        try registers.withUnsafeMutableBufferPointer { (buffer) throws(ExecutionError) in
            try bindArguments(f, arguments, keywordNames, into: buffer.baseAddress!)
        }
        for (i, c) in code.constants.enumerated() { registers[code.constantBase + i] = c }
        var cells: [Cell] = []
        for local in code.cellLocals { cells.append(Cell(local >= 0 ? registers[Int(local)] : .unbound)) }
        cells += f.closure
        return .iterator(PyGenerator(function: f, registers: registers, cells: cells))
    }

    /// Pushes the generator's frame so it runs until its next yield. False when it is already exhausted.
    func resumeGenerator(_ generator: PyGenerator, resultRegister: Int, exit: Int32) throws(ExecutionError) -> Bool {
        switch generator.state {
        case .finished: return false
        case .running: throw .exception(.valueError("generator already executing"))
        case .created, .suspended: break
        }
        if frames.count >= limits.maxRecursionDepth {
            throw .exception(PyException(.recursionError, "maximum recursion depth exceeded"))
        }
        let code = generator.function.code
        let base = stackTop
        ensureCapacity(base + code.registerCount)
        let regs = stack + base
        for i in 0..<code.registerCount { regs[i] = generator.registers[i] }
        generator.registers = []
        generator.state = .running
        frames.append(Frame(code: code, pc: generator.pc, base: base, cells: generator.cells, globals: generator.function.globals,
                            returnTarget: .generatorConsumer(register: resultRegister, exit: exit), generator: generator))
        return true
    }

    // MARK: Routing to the prelude

    /// True for iterators natives cannot advance: generators and lazy iterators built on them.
    func isLazyIterator(_ value: Value) -> Bool {
        if case .iterator(let it) = value { return !it.isNative }
        return false
    }

    /// `list(gen)`, `dict(gen)`, ...: the generator is materialized by the prelude, then the type is called.
    func routeTypeToPrelude(_ t: PyType, _ values: [Value], keywordNames: [String], result: Int) throws(ExecutionError) -> CallOutcome {
        try callWithArray(.function(prelude.function("call_materialized")), [.type(t)] + values,
                          keywordNames: keywordNames, result: result)
    }
}
