import Testing
@testable import PythonRuntime

@Suite("repr and str")
struct ReprTests {
    /// One row of Fixtures/repr-characters.jsonl (CPython 3.11.7): a code point, repr(chr(code)) and
    /// ascii(chr(code)).
    struct CharacterCase: Decodable {
        let code: UInt32
        let repr, ascii: String
    }

    /// One row of Fixtures/repr-values.jsonl: a Python expression, its repr and its str.
    struct ValueCase: Decodable {
        let source, repr, str: String
    }

    @Test("repr and ascii of single characters match CPython (escapes, printability, Unicode 14 data)")
    func characters() throws {
        var failures: [String] = []
        let context = TextTest.context()
        for row in try FixtureTable.cases("repr-characters.jsonl", as: CharacterCase.self) {
            let (code, expectedRepr, expectedAscii) = (row.code, row.repr, row.ascii)
            let value = Value.string(String(Unicode.Scalar(code)!))
            let repr = try Repr.repr(value)
            let ascii = try Repr.ascii(value, context)
            if repr != expectedRepr || ascii != expectedAscii {
                failures.append("U+\(String(code, radix: 16)): got \(repr) \(ascii), expected \(expectedRepr) \(expectedAscii)")
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: failures.joined(separator: "\n")))
    }

    @Test("repr and str of assorted values match CPython")
    func values() throws {
        var failures: [String] = []
        for row in try FixtureTable.cases("repr-values.jsonl", as: ValueCase.self) {
            let (source, expectedRepr, expectedStr) = (row.source, row.repr, row.str)
            let value = TextTest.value(source)
            let repr = try Repr.repr(value)
            let str = try Repr.str(value)
            if repr != expectedRepr || str != expectedStr {
                failures.append("\(source): got \(repr) | \(str), expected \(expectedRepr) | \(expectedStr)")
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: failures.joined(separator: "\n")))
    }

    @Test("recursive containers print an ellipsis, as CPython does")
    func recursive() throws {
        let list = PyList()
        list.items.append(.list(list))
        #expect(try Repr.repr(.list(list)) == "[[...]]")
        let dict = PyDict()
        try dict.set(.int(1), .dict(dict))
        #expect(try Repr.repr(.dict(dict)) == "{1: {...}}")
        let inner = PyList()
        let tuple = PyTuple([.list(inner)])
        inner.items.append(.tuple(tuple))
        #expect(try Repr.repr(.tuple(tuple)) == "([(...)],)")
        #expect(try Repr.repr(.list(inner)) == "[([...],)]")
        let holder = PyDict()
        try holder.set(.string("k"), .list(PyList([.dict(holder)])))
        #expect(try Repr.repr(.dict(holder)) == "{'k': [{...}]}")
    }

    /// A list nested `levels` deep, built in a loop as a program would.
    static func nested(_ levels: Int, innermost: Value = .list(PyList())) -> Value {
        var v = innermost
        for _ in 1..<levels { v = .list(PyList([v])) }
        return v
    }

    @Test("nesting limits match CPython at module level: 998 levels for repr(), 999 for str()")
    func nestingLimit() throws {
        let context = TextTest.context()
        let fits = Self.nested(998)
        #expect(throws: Never.self) { try Repr.repr(fits, context) }
        let tooDeep = TextTest.outcome { () throws(ExecutionError) in .string(try Repr.repr(Self.nested(999), context)) }
        #expect(tooDeep == "RecursionError: maximum recursion depth exceeded while getting the repr of an object")
        let withInt = TextTest.outcome { () throws(ExecutionError) in .string(try Repr.repr(Self.nested(998, innermost: .list(PyList([.int(0)]))), context)) }
        #expect(withInt.hasPrefix("RecursionError"))
        #expect(throws: Never.self) { try TextTest.construct(.str, [Self.nested(999)], context) }
        let strTooDeep = TextTest.outcome { () throws(ExecutionError) in try TextTest.construct(.str, [Self.nested(1000)], context) }
        #expect(strTooDeep.hasPrefix("RecursionError"))
    }

    @Test("a list nested 100000 deep raises RecursionError instead of exhausting the host stack")
    func veryDeep() {
        let deep = Self.nested(100_000)
        let got = TextTest.outcome { () throws(ExecutionError) in .string(try Repr.repr(deep)) }
        #expect(got.hasPrefix("RecursionError"))
        Self.dismantle(deep)
        let hashed = TextTest.outcome { () throws(ExecutionError) in
            var t = Value.tuple(PyTuple([]))
            for _ in 0..<2_000 { t = .tuple(PyTuple([t])) }
            return .int(try t.pythonHash())
        }
        #expect(hashed.hasPrefix("RecursionError"))
    }

    /// Frees a deeply nested list one level at a time (releasing it whole would recurse once per level).
    static func dismantle(_ value: Value) {
        var current = value
        while case .list(let l) = current, let inner = l.items.first {
            l.items.removeAll()
            current = inner
        }
    }

    @Test("repr output counts against the memory budget")
    func memory() {
        var limits = Limits()
        limits.maxMemoryBytes = 1 << 20
        let context = TextTest.context(limits)
        let big = Value.string(String(repeating: "x", count: 100_000))
        let list = Value.list(PyList(Array(repeating: big, count: 100)))
        let got = TextTest.outcome { () throws(ExecutionError) in .string(try Repr.repr(list, context)) }
        #expect(got == "limit MemoryLimit")
    }

    @Test("functions, methods, modules and iterators print without addresses")
    func objects() throws {
        #expect(try Repr.repr(.builtin(Builtins.functions["print"]!)) == "<built-in function print>")
        #expect(try Repr.repr(Attributes.get(.string("a"), "upper")) == "<built-in method upper of str object>")
        #expect(try Repr.repr(Attributes.get(.type(.str), "upper")) == "<method 'upper' of 'str' objects>")
        #expect(try Repr.repr(Attributes.get(.type(.dict), "fromkeys")) == "<built-in method fromkeys of type object>")
        #expect(try Repr.repr(.module(PyModule(name: "math", members: [:]))) == "<module 'math' (built-in)>")
        #expect(try Repr.repr(.iterator(Iteration.makeIterator(.list(PyList())))) == "<list_iterator object>")
        #expect(try Repr.repr(.iterator(Iteration.makeIterator(.string("é")))) == "<str_iterator object>")
        #expect(try Repr.repr(.iterator(Iteration.makeIterator(.string("e")))) == "<str_ascii_iterator object>")
    }

    @Test("a big int beyond 4300 digits cannot be printed, as in CPython 3.11")
    func bigIntLimit() {
        let huge = Value.integer(BigIntFixture.tenToThe(4300))
        let got = TextTest.outcome { () throws(ExecutionError) in .string(try Repr.repr(huge)) }
        #expect(got.hasPrefix("ValueError: Exceeds the limit (4300 digits) for integer string conversion"))
    }
}

import BigInt

enum BigIntFixture {
    static func tenToThe(_ n: Int) -> BigInt { BigInt(10).power(n) }
}
