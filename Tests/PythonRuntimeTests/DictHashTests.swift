import Testing
@testable import PythonRuntime

@Suite("hashing")
struct DictHashTests {
    /// One row of Fixtures/dict-hash.jsonl: a Python literal and CPython 3.11.7's hash() of it.
    struct Case: Decodable {
        let value: String
        let hash: Int
    }

    @Test("hash() of numbers, tuples and frozensets matches CPython 3.11")
    func values() throws {
        var failures: [String] = []
        for row in try FixtureTable.cases("dict-hash.jsonl", as: Case.self) {
            let (source, expected) = (row.value, row.hash)
            let got = try TextTest.value(source).pythonHash()
            if got != expected { failures.append("hash(\(source)) = \(got), expected \(expected)") }
        }
        #expect(failures.isEmpty, Comment(rawValue: failures.joined(separator: "\n")))
    }

    @Test("unhashable values raise CPython's TypeError", arguments: [
        ("[1]", "TypeError: unhashable type: 'list'"), ("{}", "TypeError: unhashable type: 'dict'"),
        ("set()", "TypeError: unhashable type: 'set'"), ("(1, [2])", "TypeError: unhashable type: 'list'"),
        ("slice(1, 2)", "TypeError: unhashable type: 'slice'"),
    ])
    func unhashable(source: String, expected: String) {
        #expect(TextTest.outcome { () throws(ExecutionError) in .int(try TextTest.value(source).pythonHash()) } == expected)
    }

    @Test("str hashes are deterministic, never -1, and equal strings hash alike")
    func strings() throws {
        let a = try Value.string("héllo").pythonHash()
        #expect(a == (try Value.string("héllo").pythonHash()))
        #expect(a != -1)
        #expect(try Value.string("").pythonHash() != (try Value.string(" ").pythonHash()))
    }
}
