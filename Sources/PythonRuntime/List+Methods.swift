/// The methods of `list`, with CPython 3.11's results and messages.
///
/// Mutations go through `list.items` in place (one reference, so no copy-on-write copies).
enum ListMethods {
    static let table: [String: BuiltinFunction] = {
        var t: [String: BuiltinFunction] = [:]
        func add(_ name: String, _ body: @escaping @Sendable (PyList, Arguments, ExecutionContext) throws(ExecutionError) -> Value) {
            t[name] = BuiltinFunction(name, owner: "list") { args, context throws(ExecutionError) in
                let receiver = try args.receiver("list.\(name)")
                guard case .list(let l) = receiver else { throw Value.descriptorError(name, "list", receiver) }
                return try body(l, args, context)
            }
        }

        add("append") { l, args, context throws(ExecutionError) in
            let item = try args.expectOne(method: "list.append")
            if l.items.count >= ExecutionContext.smallAllocation, l.items.count == l.items.capacity {
                try context.reserve(count: l.items.count, elementSize: Iteration.elementBytes)
            }
            l.items.append(item)
            return .none
        }
        add("extend") { l, args, context throws(ExecutionError) in
            let source = try args.expectOne(method: "list.extend")
            let extra: [Value]
            switch source {
            case .list(let other): extra = other.items
            case .tuple(let other): extra = other.items
            default: extra = try Iteration.collect(source, context)
            }
            try context.reserve(count: extra.count, elementSize: Iteration.elementBytes)
            l.items.append(contentsOf: extra)
            return .none
        }
        add("insert") { l, args, _ throws(ExecutionError) in
            try args.expectPositional("insert", qualifiedName: "list.insert", min: 2, max: 2)
            var i = try args[1].asIntArgument()
            let n = l.items.count
            if i < 0 {
                i = max(i &+ n, 0)
            } else if i > n {
                i = n
            }
            l.items.insert(args[2], at: i)
            return .none
        }
        add("remove") { l, args, context throws(ExecutionError) in
            let target = try args.expectOne(method: "list.remove")
            try context.tick(l.items.count)
            var i = 0
            while i < l.items.count {
                if try Containers.sequenceElement(l.items[i], equals: target) {
                    if i < l.items.count { l.items.remove(at: i) }
                    return .none
                }
                i += 1
            }
            throw .exception(.valueError("list.remove(x): x not in list"))
        }
        add("pop") { l, args, _ throws(ExecutionError) in
            try args.expectPositional("pop", qualifiedName: "list.pop", min: 0, max: 1)
            let index = args.count > 1 ? try args[1].asIntArgument() : -1
            if l.items.isEmpty { throw .exception(.indexError("pop from empty list")) }
            let n = l.items.count
            let j = index < 0 ? index &+ n : index
            guard j >= 0 && j < n else { throw .exception(.indexError("pop index out of range")) }
            if j == n - 1 { return l.items.removeLast() }
            return l.items.remove(at: j)
        }
        add("clear") { l, args, _ throws(ExecutionError) in
            try args.expectNone(method: "list.clear")
            l.items.removeAll()
            return .none
        }
        add("copy") { l, args, context throws(ExecutionError) in
            try args.expectNone(method: "list.copy")
            try context.reserve(count: l.items.count, elementSize: Iteration.elementBytes)
            return .list(PyList(l.items))
        }
        add("reverse") { l, args, _ throws(ExecutionError) in
            try args.expectNone(method: "list.reverse")
            l.items.reverse()
            return .none
        }
        add("count") { l, args, context throws(ExecutionError) in
            let target = try args.expectOne(method: "list.count")
            try context.tick(l.items.count)
            var n = 0
            var i = 0
            while i < l.items.count {
                if try Containers.sequenceElement(l.items[i], equals: target) { n += 1 }
                i += 1
            }
            return .int(n)
        }
        add("index") { l, args, context throws(ExecutionError) in
            try args.expectPositional("index", qualifiedName: "list.index", min: 1, max: 3)
            try context.tick(l.items.count)
            let target = args[1]
            let (start, stop) = try SequenceMethods.indexBounds(args, length: l.items.count)
            var i = start
            while i < stop && i < l.items.count {
                if try Containers.sequenceElement(l.items[i], equals: target) { return .int(i) }
                i += 1
            }
            throw .exception(.valueError("\(try Repr.repr(target)) is not in list"))
        }
        add("sort") { l, args, context throws(ExecutionError) in
            if args.count > 1 { throw .exception(.typeError("sort() takes no positional arguments")) }
            if args.keywordNames.count > 2 {
                throw .exception(.typeError("sort() takes at most 2 keyword arguments (\(args.keywordNames.count) given)"))
            }
            let bound = try args.bind("sort", ["key", "reverse"], offset: args.count)
            let reverse = try bound[1].map { v throws(ExecutionError) in try v.asIntArgument() != 0 } ?? false
            try sort(l, key: bound[0] ?? .none, reverse: reverse, context)
            return .none
        }
        return t
    }()

    /// `list.sort(key=..., reverse=...)` with no key or a native key. The list looks empty while it
    /// is being sorted, as in CPython.
    static func sort(_ l: PyList, key: Value, reverse: Bool, _ context: ExecutionContext) throws(ExecutionError) {
        var keys: [Value]?
        if case .none = key {} else {
            guard Builtins.isNativeCallable(key) else {
                throw .exception(PyException(.typeError, "'\(key.typeName)' object is not callable"))
            }
            var computed: [Value] = []
            computed.reserveCapacity(l.items.count)
            var i = 0
            while i < l.items.count {
                computed.append(try Builtins.callNative(key, [l.items[i]], context))
                i += 1
            }
            keys = computed
        }
        try context.tick(l.items.count * (Int.bitWidth - l.items.count.leadingZeroBitCount + 1))
        var items = l.items
        l.items = []
        defer { l.items = items }
        try ListSort.sort(&items, keys: keys, reverse: reverse)
    }
}

/// Methods shared by the sequence types.
enum SequenceMethods {
    /// `start`/`stop` of `index(x, start, stop)`, clamped like CPython (negative counts from the end).
    static func indexBounds(_ args: Arguments, length: Int) throws(ExecutionError) -> (Int, Int) {
        func bound(_ v: Value) throws(ExecutionError) -> Int {
            switch v {
            case .int(let i): return i
            case .bool(let b): return b ? 1 : 0
            case .bigInt(let b): return b.value.sign == .minus ? Int.min : Int.max
            default: throw .exception(.typeError("slice indices must be integers or have an __index__ method"))
            }
        }
        var start = args.count > 2 ? try bound(args[2]) : 0
        var stop = args.count > 3 ? try bound(args[3]) : Int.max
        if start < 0 { start = max(start &+ length, 0) }
        if stop < 0 { stop = max(stop &+ length, 0) }
        return (start, stop)
    }
}
