import Testing
@testable import PythonRuntime

@Suite("builtins")
struct BuiltinsTests {
    static let lazy: Set<String> = ["enumerate", "zip", "map", "filter", "reversed", "iter"]
    static let types: [String: PyType] = ["list": .list, "tuple": .tuple, "set": .set, "frozenset": .frozenset, "dict": .dict,
                                          "str": .str, "range": .range, "type": .type]

    /// One row of Fixtures/builtins.jsonl (CPython 3.11.7): the builtin, its positional args as a tuple
    /// literal, its keyword args as a dict literal, and the repr of the result or `Type: message`.
    /// Lazy builtins are materialized with list(); for print the expectation is the repr of what it wrote.
    struct Case: Decodable {
        let function, args, keywords, expected: String
    }

    @Test("every builtin case matches CPython 3.11")
    func table() throws {
        var failures: [String] = []
        for row in try FixtureTable.cases("builtins.jsonl", as: Case.self) {
            let (name, args, keywords, expected) = (row.function, row.args, row.keywords, row.expected)
            let context = TextTest.context()
            let positional = TextTest.arguments(args)
            let named = TextTest.keywords(keywords)
            var got = TextTest.outcome { () throws(ExecutionError) in
                let result: Value
                if let type = Self.types[name] {
                    result = try TextTest.construct(type, positional, keywords: named, context)
                } else {
                    result = try TextTest.callBuiltin(name, positional, keywords: named, context)
                }
                if Self.lazy.contains(name) { return try TextTest.construct(.list, [result], context) }
                return result
            }
            if name == "print", !got.contains(": ") { got = (try? Repr.repr(.string(context.outputText))) ?? "?" }
            if got != expected { failures.append("\(name)\(args) \(keywords): got \(got), expected \(expected)") }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) mismatches:\n" + failures.joined(separator: "\n")))
    }
}

@Suite("builtins: sal's documented departures and iteration behaviour")
struct BuiltinsBehaviourTests {
    @Test("ranges beyond Int are refused with OverflowError (CPython accepts them but cannot len() them)")
    func hugeRanges() {
        let got = TextTest.outcome { () throws(ExecutionError) in try TextTest.construct(.range, [TextTest.value("9223372036854775808")]) }
        #expect(got == "OverflowError: Python int too large to convert to C ssize_t")
        let span = TextTest.outcome { () throws(ExecutionError) in
            try TextTest.construct(.range, [.int(Int.min), .int(Int.max)])
        }
        #expect(span == "OverflowError: Python int too large to convert to C ssize_t")
    }

    @Test("underscore attributes are never exposed")
    func dunders() {
        let got = TextTest.outcome { () throws(ExecutionError) in try TextTest.callBuiltin("getattr", [.int(1), .string("__class__")]) }
        #expect(got == "AttributeError: 'int' object has no attribute '__class__'")
    }

    @Test("next() on native iterators, with and without a default")
    func next() throws {
        let context = TextTest.context()
        let it = try TextTest.callBuiltin("iter", [TextTest.value("[1, 2]")], context)
        #expect(try Repr.repr(TextTest.callBuiltin("next", [it], context)) == "1")
        #expect(try Repr.repr(TextTest.callBuiltin("next", [it], context)) == "2")
        #expect(try Repr.repr(TextTest.callBuiltin("next", [it, .string("d")], context)) == "'d'")
        let stop = TextTest.outcome { () throws(ExecutionError) in try TextTest.callBuiltin("next", [it], context) }
        #expect(stop == "StopIteration: ")
        let view = try TextTest.callMethod(TextTest.value("{1: 2}"), "keys", [])
        let notIterator = TextTest.outcome { () throws(ExecutionError) in try TextTest.callBuiltin("next", [view], context) }
        #expect(notIterator == "TypeError: 'dict_keys' object is not an iterator")
    }

    @Test("a list iterator sees items appended during the loop; exhausted, it stays exhausted")
    func listIteratorSeesAppends() throws {
        let context = TextTest.context()
        let list = PyList([.int(1)])
        let it = try Iteration.makeIterator(.list(list))
        var seen: [Value] = []
        while let v = try it.next(context) {
            seen.append(v)
            if seen.count < 3 { list.items.append(.int(seen.count + 1)) }
        }
        #expect(try Repr.repr(.list(PyList(seen))) == "[1, 2, 3]")
        list.items.append(.int(9))
        #expect(try it.next(context) == nil)
    }

    @Test("changing a dict or set's size during iteration raises CPython's RuntimeError")
    func mutationDuringIteration() throws {
        let context = TextTest.context()
        let dict = PyDict()
        try dict.set(.int(1), .int(1))
        try dict.set(.int(2), .int(2))
        let it = try Iteration.makeIterator(.dict(dict))
        _ = try it.next(context)
        try dict.set(.int(3), .int(3))
        let grown = TextTest.outcome { () throws(ExecutionError) in try it.next(context) ?? .none }
        #expect(grown == "RuntimeError: dictionary changed size during iteration")
        let values = try Iteration.makeIterator(TextTest.callMethod(.dict(dict), "values", []))
        _ = try values.next(context)
        try dict.set(.int(1), .string("changed value: allowed"))
        #expect(throws: Never.self) { try values.next(context) }
        let set = try PySet(inserting: [.int(1), .int(2)])
        let setIterator = try Iteration.makeIterator(.set(set))
        _ = try setIterator.next(context)
        try set.remove(.int(2))
        let shrunk = TextTest.outcome { () throws(ExecutionError) in try setIterator.next(context) ?? .none }
        #expect(shrunk == "RuntimeError: Set changed size during iteration")
    }

    @Test("dict views are live, re-iterable, sized and support `in`")
    func views() throws {
        let context = TextTest.context()
        let dict = TextTest.value("{'a': 1, 'b': [2]}")
        let items = try TextTest.callMethod(dict, "items", [])
        #expect(try Containers.length(items) == 2)
        #expect(try Containers.contains(items, TextTest.value("('b', [2])"), context))
        #expect(try !Containers.contains(items, TextTest.value("('b', 2)"), context))
        #expect(try Containers.contains(TextTest.callMethod(dict, "values", []), .int(1), context))
        guard case .dict(let d) = dict else { return }
        try d.set(.string("c"), .int(3))
        #expect(try Repr.repr(items) == "dict_items([('a', 1), ('b', [2]), ('c', 3)])")
        #expect(try Repr.repr(TextTest.construct(.list, [items], context)) == "[('a', 1), ('b', [2]), ('c', 3)]")
        #expect(try Repr.repr(TextTest.construct(.list, [items], context)) == "[('a', 1), ('b', [2]), ('c', 3)]")
        let reversedKeys = try TextTest.callBuiltin("reversed", [TextTest.callMethod(dict, "keys", [])], context)
        #expect(try Repr.repr(TextTest.construct(.list, [reversedKeys], context)) == "['c', 'b', 'a']")
    }

    @Test("re-inserting an equal key keeps the first key object and position")
    func equalKeys() throws {
        let dict = PyDict()
        try dict.set(.int(1), .string("a"))
        try dict.set(.string("x"), .string("b"))
        try dict.set(.float(1.0), .string("c"))
        try dict.set(.bool(true), .string("d"))
        #expect(try Repr.repr(.dict(dict)) == "{1: 'd', 'x': 'b'}")
    }

    @Test("input() has no standard input: it writes the prompt and raises EOFError")
    func input() {
        let context = TextTest.context()
        let got = TextTest.outcome { () throws(ExecutionError) in try TextTest.callBuiltin("input", [.string("Name? ")], context) }
        #expect(got == "EOFError: EOF when reading a line")
        #expect(context.outputText == "Name? ")
    }

    @Test("map and filter refuse to call Python functions themselves (the VM routes those calls)")
    func pythonCallablesNeedTheVM() throws {
        #expect(Builtins.needsVM(.host(HostFunction(name: "ask_llm"))))
        #expect(!Builtins.needsVM(.builtin(Builtins.functions["len"]!)))
        let mapped = try TextTest.callBuiltin("map", [.host(HostFunction(name: "ask_llm")), TextTest.value("[1]")])
        guard case .iterator(let it) = mapped else { Issue.record("map did not return an iterator"); return }
        #expect(!it.isNative)
    }
}

@Suite("print")
struct BuiltinsPrintTests {
    @Test("an argument whose str() fails leaves the earlier ones printed, as in CPython")
    func partialOutput() {
        let context = TextTest.context()
        let huge = TextTest.value("1" + String(repeating: "0", count: 5000))
        let got = TextTest.outcome { () throws(ExecutionError) in
            try TextTest.callBuiltin("print", [.string("a"), .string("b"), huge, .string("c")], context)
        }
        #expect(got.hasPrefix("ValueError: Exceeds the limit (4300 digits)"))
        #expect(context.outputText == "a b ")
    }
}
