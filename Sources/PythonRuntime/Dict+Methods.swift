/// The methods of `dict`, with CPython 3.11's results and messages.
enum DictMethods {
    static let table: [String: BuiltinFunction] = {
        var t: [String: BuiltinFunction] = [:]
        func add(_ name: String, _ body: @escaping @Sendable (PyDict, Arguments, ExecutionContext) throws(ExecutionError) -> Value) {
            t[name] = BuiltinFunction(name, owner: "dict") { args, context throws(ExecutionError) in
                let receiver = try args.receiver("dict.\(name)")
                guard case .dict(let d) = receiver else { throw Value.descriptorError(name, "dict", receiver) }
                return try body(d, args, context)
            }
        }

        add("get") { d, args, _ throws(ExecutionError) in
            try args.expectPositional("get", qualifiedName: "dict.get", min: 1, max: 2)
            return try d.get(args[1]) ?? (args.count > 2 ? args[2] : .none)
        }
        add("keys") { d, args, _ throws(ExecutionError) in
            try args.expectNone(method: "dict.keys")
            return .iterator(PyDictView(d, .keys))
        }
        add("values") { d, args, _ throws(ExecutionError) in
            try args.expectNone(method: "dict.values")
            return .iterator(PyDictView(d, .values))
        }
        add("items") { d, args, _ throws(ExecutionError) in
            try args.expectNone(method: "dict.items")
            return .iterator(PyDictView(d, .items))
        }
        add("pop") { d, args, _ throws(ExecutionError) in
            try args.expectPositional("pop", qualifiedName: "dict.pop", min: 1, max: 2)
            if let v = try d.remove(args[1]) { return v }
            if args.count > 2 { return args[2] }
            throw .exception(.keyError(args[1]))
        }
        add("popitem") { d, args, _ throws(ExecutionError) in
            try args.expectNone(method: "dict.popitem")
            guard let last = d.storage.keys.last else {
                throw .exception(PyException(.keyError, "popitem(): dictionary is empty"))
            }
            let value = d.remove(key: last)!
            return .tuple(PyTuple([last.value, value]))
        }
        add("setdefault") { d, args, _ throws(ExecutionError) in
            try args.expectPositional("setdefault", qualifiedName: "dict.setdefault", min: 1, max: 2)
            let key = try HashKey.make(args[1])
            if let existing = d.get(key: key) { return existing }
            let value = args.count > 2 ? args[2] : .none
            d.set(key: key, value)
            return value
        }
        add("update") { d, args, context throws(ExecutionError) in
            if args.count > 2 { throw .exception(.typeError("update expected at most 1 argument, got \(args.count - 1)")) }
            if args.count == 2 { try update(d, with: args[1], context) }
            for (name, value) in args.keywords { d.set(key: HashKey(value: .string(name), hash: PythonHash.string(PyString(name))), value) }
            return .none
        }
        add("clear") { d, args, _ throws(ExecutionError) in
            try args.expectNone(method: "dict.clear")
            d.removeAll()
            return .none
        }
        add("copy") { d, args, context throws(ExecutionError) in
            try args.expectNone(method: "dict.copy")
            try context.reserve(count: d.count, elementSize: 48)
            return .dict(d.copy())
        }
        t["fromkeys"] = fromkeys
        return t
    }()

    /// `dict.fromkeys(iterable, value=None)`: a class method, so `values[0]` is the class (or an instance).
    static let fromkeys = BuiltinFunction("fromkeys", owner: "dict") { args, context throws(ExecutionError) in
        try args.expectPositional("fromkeys", qualifiedName: "dict.fromkeys", min: 1, max: 2)
        let value = args.count > 2 ? args[2] : .none
        let result = PyDict()
        switch args[1] {
        case .set(let s):
            try context.tick(s.count)
            for key in s.keys { result.set(key: key, value) }
        case .dict(let d):
            try context.tick(d.count)
            for key in d.storage.keys { result.set(key: key, value) }
        default:
            try Iteration.forEach(args[1], context) { (element) throws(ExecutionError) in
                try result.set(element, value)
            }
        }
        return .dict(result)
    }

    /// `d.update(other)` / `dict(other)`: a dict, or an iterable of key-value pairs.
    static func update(_ d: PyDict, with other: Value, _ context: ExecutionContext) throws(ExecutionError) {
        if case .dict(let source) = other {
            if source === d { return }
            try context.reserve(count: source.count, elementSize: 48)
            for (key, value) in source.storage { d.set(key: key, value) }
            return
        }
        var index = 0
        try Iteration.forEach(other, context) { (element) throws(ExecutionError) in
            let pair: [Value]
            switch element {
            case .tuple(let t): pair = t.items
            case .list(let l): pair = l.items
            default:
                guard element.isNativelyIterable else {
                    throw .exception(.typeError("cannot convert dictionary update sequence element #\(index) to a sequence"))
                }
                pair = try Iteration.collect(element, context)
            }
            guard pair.count == 2 else {
                throw .exception(.valueError("dictionary update sequence element #\(index) has length \(pair.count); 2 is required"))
            }
            try d.set(pair[0], pair[1])
            index += 1
        }
    }
}

/// The methods of `tuple` and `range`.
enum TupleMethods {
    static let table: [String: BuiltinFunction] = {
        var t: [String: BuiltinFunction] = [:]
        t["count"] = BuiltinFunction("count", owner: "tuple") { args, _ throws(ExecutionError) in
            let receiver = try args.receiver("tuple.count")
            guard case .tuple(let tuple) = receiver else { throw Value.descriptorError("count", "tuple", receiver) }
            let target = try args.expectOne(method: "tuple.count")
            var n = 0
            for item in tuple.items where try Containers.sequenceElement(item, equals: target) { n += 1 }
            return .int(n)
        }
        t["index"] = BuiltinFunction("index", owner: "tuple") { args, _ throws(ExecutionError) in
            let receiver = try args.receiver("tuple.index")
            guard case .tuple(let tuple) = receiver else { throw Value.descriptorError("index", "tuple", receiver) }
            try args.expectPositional("index", qualifiedName: "tuple.index", min: 1, max: 3)
            let (start, stop) = try SequenceMethods.indexBounds(args, length: tuple.items.count)
            var i = start
            while i < stop && i < tuple.items.count {
                if try Containers.sequenceElement(tuple.items[i], equals: args[1]) { return .int(i) }
                i += 1
            }
            throw .exception(.valueError("tuple.index(x): x not in tuple"))
        }
        return t
    }()

    static let rangeTable: [String: BuiltinFunction] = {
        var t: [String: BuiltinFunction] = [:]
        t["count"] = BuiltinFunction("count", owner: "range") { args, _ throws(ExecutionError) in
            let receiver = try args.receiver("range.count")
            guard case .range(let r) = receiver else { throw Value.descriptorError("count", "range", receiver) }
            let target = try args.expectOne(method: "range.count")
            return .int(Containers.rangeContains(r, target) ? 1 : 0)
        }
        t["index"] = BuiltinFunction("index", owner: "range") { args, _ throws(ExecutionError) in
            let receiver = try args.receiver("range.index")
            guard case .range(let r) = receiver else { throw Value.descriptorError("index", "range", receiver) }
            let target = try args.expectOne(method: "range.index")
            guard Containers.rangeContains(r, target) else {
                if target.isInteger { throw .exception(.valueError("\(try Repr.repr(target)) is not in range")) }
                throw .exception(.valueError("sequence.index(x): x not in sequence"))
            }
            let x: Int
            switch target {
            case .int(let i): x = i
            case .bool(let b): x = b ? 1 : 0
            case .float(let d): x = Int(d)
            default: x = r.start
            }
            return .int((x &- r.start) / r.step)
        }
        return t
    }()
}
