import BigInt

extension Builtins {
    /// The builtins that consume iterables: `sorted`, `min`, `max`, `sum`, `any`, `all`, `enumerate`,
    /// `zip`, `map`, `filter`, `reversed`, `iter`, `next`.
    ///
    /// They run natively only with native iterables and native callables (`key=len`, `map(int, xs)`);
    /// the VM routes calls with generators or Python functions to the prelude.
    static let iterableFunctions: [BuiltinFunction] = [
        BuiltinFunction("sorted") { args, context throws(ExecutionError) in
            if args.count != 1 { throw .exception(.typeError("sorted expected 1 argument, got \(args.count)")) }
            let bound = try args.bind("sort", ["key", "reverse"], offset: args.count)
            let reverse = try bound[1].map { v throws(ExecutionError) in try v.asIntArgument() != 0 } ?? false
            let list = PyList(try copiedElements(args[0], context))
            try ListMethods.sort(list, key: bound[0] ?? .none, reverse: reverse, context)
            return .list(list)
        },
        BuiltinFunction("min") { args, context throws(ExecutionError) in try extreme(args, "min", .less, context) },
        BuiltinFunction("max") { args, context throws(ExecutionError) in try extreme(args, "max", .greater, context) },
        BuiltinFunction("sum") { args, context throws(ExecutionError) in
            if args.count == 0 { throw .exception(.typeError("sum() takes at least 1 positional argument (0 given)")) }
            let bound = try args.bind("sum", ["iterable", "start"], offset: 0)
            return try sum(args[0], start: bound[1] ?? .int(0), context)
        },
        BuiltinFunction("any") { args, context throws(ExecutionError) in
            let iterable = try single(args, "any")
            let iterator = try Iteration.nativeIterator(iterable)
            while let v = try iterator.next(context) {
                try context.tick()
                if try truth(v) { return .bool(true) }
            }
            return .bool(false)
        },
        BuiltinFunction("all") { args, context throws(ExecutionError) in
            let iterable = try single(args, "all")
            let iterator = try Iteration.nativeIterator(iterable)
            while let v = try iterator.next(context) {
                try context.tick()
                if !(try truth(v)) { return .bool(false) }
            }
            return .bool(true)
        },
        BuiltinFunction("enumerate") { args, _ throws(ExecutionError) in
            let bound = try args.bind("enumerate", ["iterable", "start"], offset: 0)
            guard let iterable = bound[0] else {
                throw .exception(.typeError("enumerate() missing required argument 'iterable'"))
            }
            var start = Value.int(0)
            if let s = bound[1] {
                guard s.isInteger else {
                    throw .exception(.typeError("'\(s.typeName)' object cannot be interpreted as an integer"))
                }
                start = s.asPlainInteger
            }
            return .iterator(PyEnumerate(try Iteration.makeIterator(iterable), start: start))
        },
        BuiltinFunction("zip") { args, _ throws(ExecutionError) in
            try args.checkKeywords(["strict"], function: "zip")
            let strict = args.keyword("strict")?.isTruthy ?? false
            var sources: [PyIterator] = []
            for i in 0..<args.count { sources.append(try Iteration.makeIterator(args[i])) }
            return .iterator(PyZip(sources, strict: strict))
        },
        BuiltinFunction("map") { args, _ throws(ExecutionError) in
            if args.hasKeywords { throw .exception(.typeError("map() takes no keyword arguments")) }
            if args.count < 2 { throw .exception(.typeError("map() must have at least two arguments.")) }
            var sources: [PyIterator] = []
            for i in 1..<args.count { sources.append(try Iteration.makeIterator(args[i])) }
            return .iterator(PyMap(args[0], sources))
        },
        BuiltinFunction("filter") { args, _ throws(ExecutionError) in
            try args.expectPositional("filter", min: 2, max: 2, offset: 0)
            return .iterator(PyFilter(args[0], try Iteration.makeIterator(args[1])))
        },
        BuiltinFunction("reversed") { args, _ throws(ExecutionError) in
            try args.expectPositional("reversed", min: 1, max: 1, offset: 0)
            return .iterator(try reversedIterator(args[0]))
        },
        BuiltinFunction("iter") { args, _ throws(ExecutionError) in
            try args.expectPositional("iter", min: 1, max: 2, offset: 0)
            if args.count == 2 {
                switch args[0] {
                case .function, .builtin, .method, .type, .host:
                    return .iterator(PyCallableIterator(args[0], sentinel: args[1]))
                default:
                    throw .exception(.typeError("iter(v, w): v must be callable"))
                }
            }
            return .iterator(try Iteration.makeIterator(args[0]))
        },
        BuiltinFunction("next") { args, context throws(ExecutionError) in
            try args.expectPositional("next", min: 1, max: 2, offset: 0)
            guard case .iterator(let it) = args[0], !(it is PyDictView) else {
                if case .unavailable(let u) = args[0] { throw .exception(u.error) }
                throw .exception(.typeError("'\(args[0].typeName)' object is not an iterator"))
            }
            guard it.isNative else { throw Iteration.needsVM(it) }
            if let v = try it.next(context) { return v }
            if args.count == 2 { return args[1] }
            throw .exception(PyException(.stopIteration, args: []))
        },
    ]

    @inline(__always)
    static func truth(_ v: Value) throws(ExecutionError) -> Bool {
        if case .unavailable(let u) = v { throw .exception(u.error) }
        return v.isTruthy
    }

    /// `reversed(seq)`.
    static func reversedIterator(_ value: Value) throws(ExecutionError) -> PyIterator {
        switch value {
        case .list(let l): return PyListReverseIterator(l)
        case .tuple(let t): return PyReversedIterator(t.items)
        case .str(let s): return PyReversedIterator(s.value.unicodeScalars.map { .str(PyString(String($0))) })
        case .range(let r): return PyRangeIterator.reversed(r)
        case .dict(let d): return PyDictIterator(d, .keys, reverse: true)
        case .iterator(let it):
            if let view = it as? PyDictView { return view.makeIterator(reverse: true) }
        case .unavailable(let u): throw .exception(u.error)
        default: break
        }
        throw .exception(.typeError("'\(value.typeName)' object is not reversible"))
    }

    /// `min`/`max`: one iterable (with `default=`) or several arguments; `key=` native only.
    /// Keeps the first of equal extremes, comparing `candidate op best` as CPython does.
    static func extreme(_ args: Arguments, _ name: String, _ op: ComparisonOperatorKind, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        try args.checkKeywords(["key", "default"], function: name)
        if args.count == 0 { throw .exception(.typeError("\(name) expected at least 1 argument, got 0")) }
        let defaultValue = args.keyword("default")
        let key = args.keyword("key") ?? .none
        let items: PyIterator
        if args.count == 1 {
            items = try Iteration.nativeIterator(args[0])
        } else {
            if defaultValue != nil {
                throw .exception(.typeError("Cannot specify a default for \(name)() with multiple positional arguments"))
            }
            items = PyTupleIterator(args.positional)
        }
        var best: Value?
        var bestKey: Value = .none
        while let item = try items.next(context) {
            try context.tick()
            let itemKey = StrMethods.isNone(key) ? item : try callNative(key, [item], context)
            guard best != nil else {
                best = item
                bestKey = itemKey
                continue
            }
            if try op.holds(itemKey, bestKey) {
                best = item
                bestKey = itemKey
            }
        }
        if let best { return best }
        if let defaultValue { return defaultValue }
        throw .exception(.valueError("\(name)() arg is an empty sequence"))
    }

    /// `sum(iterable, start)`: exact int accumulation, then plain left-to-right float addition (3.11
    /// has no compensated summation), then the `+` operator for everything else.
    static func sum(_ iterable: Value, start: Value, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        switch start {
        case .str: throw .exception(.typeError("sum() can't sum strings [use ''.join(seq) instead]"))
        default: break
        }
        let iterator = try Iteration.nativeIterator(iterable)
        var total = start
        if case .list(let l) = iterable, case .int(var acc) = start {
            // Fast path over a list of small ints.
            try context.tick(l.items.count)
            var i = 0
            while i < l.items.count, case .int(let x) = l.items[i] {
                let (s, overflow) = acc.addingReportingOverflow(x)
                if overflow { break }
                acc = s
                i += 1
            }
            total = .int(acc)
            while i < l.items.count {
                total = try add(total, l.items[i], context)
                i += 1
            }
            return total
        }
        while let item = try iterator.next(context) {
            try context.tick()
            total = try add(total, item, context)
        }
        return total
    }

    @inline(__always)
    static func add(_ a: Value, _ b: Value, _ context: ExecutionContext) throws(ExecutionError) -> Value {
        switch (a, b) {
        case let (.int(x), .int(y)):
            let (s, overflow) = x.addingReportingOverflow(y)
            if !overflow { return .int(s) }
        case let (.float(x), .float(y)):
            return .float(x + y)
        case let (.float(x), .int(y)):
            return .float(x + Double(y))
        default:
            break
        }
        return try Operators.binary(.add, a, b, context)
    }
}

/// The comparison `min` and `max` make between a candidate and the best so far.
enum ComparisonOperatorKind {
    case less, greater

    func holds(_ a: Value, _ b: Value) throws(ExecutionError) -> Bool {
        switch (self, a, b) {
        case let (.less, .int(x), .int(y)): return x < y
        case let (.greater, .int(x), .int(y)): return x > y
        case let (.less, .float(x), .float(y)): return x < y
        case let (.greater, .float(x), .float(y)): return x > y
        case (.less, _, _): return try Operators.compare(.less, a, b)
        case (.greater, _, _): return try Operators.compare(.greater, a, b)
        }
    }
}
