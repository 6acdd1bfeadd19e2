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

    /// `hash(s)` printed by CPython 3.11.7 run with `PYTHONHASHSEED=0`: one-, two- and four-byte
    /// code units, the 8-byte block boundary, and the empty string (0 whatever the seed).
    @Test("str hashes equal CPython's with PYTHONHASHSEED=0", arguments: [
        ("", 0), ("a", 4644417185603328019), ("abc", -4594863902769663758), ("abcdefgh", 4574395652268504554),
        ("hello world!", 839851713330019024), ("é", 6047309291227476195), ("straße", -4826831363703834319),
        ("ĀĂ", -1616275461653282356), ("😀", -3536540696076613844), ("x😀é", 7455620461222178210),
    ])
    func strings(text: String, expected: Int) throws {
        #expect(try Value.string(text).pythonHash() == expected)
    }
}
