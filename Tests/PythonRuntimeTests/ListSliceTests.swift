import Testing
@testable import PythonRuntime

@Suite("subscripts and slices")
struct ListSliceTests {
    static var bounds: [Value] { [.none] + (-7...7).map { .int($0) } }
    static var steps: [Value] { [.none, .int(-3), .int(-2), .int(-1), .int(1), .int(2), .int(3)] }

    /// One row of Fixtures/slice-reads.jsonl (CPython 3.11.7): a sequence literal and the reprs of
    /// seq[start:stop:step] over the `bounds` x `bounds` x `steps` matrix, joined by "|".
    struct ReadCase: Decodable {
        let sequence, cells: String
    }

    /// Fixtures/slice-writes.json: the same matrix for `l[start:stop:step] = ['x', 'y']` and
    /// `del l[start:stop:step]` on [0, 1, 2, 3, 4] (the list afterwards, or `Type: message`).
    struct WriteCases: Decodable {
        let assign, delete: String
    }

    /// One row of Fixtures/list-index.jsonl: `seq[index]` for a sequence literal, or item assignment
    /// ("set") and deletion ("del") on [0, 1, 2]; the expectation is a repr or `Type: message`.
    struct IndexCase: Decodable {
        let target, index, expected: String
    }

    /// Runs `body` for every (start, stop, step) of the generated matrices, in their order.
    static func matrix(_ expected: String, _ body: (PySlice) -> String) -> [String] {
        let cells = expected.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        var failures: [String] = []
        var k = 0
        for a in bounds {
            for b in bounds {
                for c in steps {
                    let slice = PySlice(start: a, stop: b, step: c)
                    let got = body(slice)
                    if got != cells[k] {
                        failures.append("[\(TextTest.outcome { a }):\(TextTest.outcome { b }):\(TextTest.outcome { c })] got \(got), expected \(cells[k])")
                    }
                    k += 1
                }
            }
        }
        return failures
    }

    @Test("reading every slice of lists, tuples, str (ASCII and not) and ranges matches CPython")
    func reads() throws {
        for row in try FixtureTable.cases("slice-reads.jsonl", as: ReadCase.self) {
            let (source, expected) = (row.sequence, row.cells)
            let sequence = TextTest.value(source)
            let failures = Self.matrix(expected) { slice in
                TextTest.outcome { () throws(ExecutionError) in
                    try Containers.getItem(sequence, .slice(slice), TextTest.context())
                }
            }
            #expect(failures.isEmpty, Comment(rawValue: "\(source): \(failures.count) mismatches:\n" + failures.prefix(20).joined(separator: "\n")))
        }
    }

    @Test("assigning to and deleting every slice of a list matches CPython")
    func writes() throws {
        let cases = try FixtureTable.table("slice-writes.json", as: WriteCases.self)
        let assigned = Self.matrix(cases.assign) { slice in
            let list = PyList((0..<5).map { .int($0) })
            return TextTest.outcome { () throws(ExecutionError) in
                try Containers.setItem(.list(list), .slice(slice), .list(PyList([.string("x"), .string("y")])), TextTest.context())
                return .list(list)
            }
        }
        #expect(assigned.isEmpty, Comment(rawValue: assigned.prefix(20).joined(separator: "\n")))
        let deleted = Self.matrix(cases.delete) { slice in
            let list = PyList((0..<5).map { .int($0) })
            return TextTest.outcome { () throws(ExecutionError) in
                try Containers.deleteItem(.list(list), .slice(slice), TextTest.context())
                return .list(list)
            }
        }
        #expect(deleted.isEmpty, Comment(rawValue: deleted.prefix(20).joined(separator: "\n")))
    }

    @Test("indexing, item assignment and deletion match CPython, messages included")
    func indexes() throws {
        var failures: [String] = []
        for row in try FixtureTable.cases("list-index.jsonl", as: IndexCase.self) {
            let (source, index, expected) = (row.target, row.index, row.expected)
            let i = TextTest.value(index)
            let got: String
            switch source {
            case "set":
                let list = PyList([.int(0), .int(1), .int(2)])
                got = TextTest.outcome { () throws(ExecutionError) in
                    try Containers.setItem(.list(list), i, .string("z"), TextTest.context())
                    return .list(list)
                }
            case "del":
                let list = PyList([.int(0), .int(1), .int(2)])
                got = TextTest.outcome { () throws(ExecutionError) in
                    try Containers.deleteItem(.list(list), i, TextTest.context())
                    return .list(list)
                }
            default:
                got = TextTest.outcome { () throws(ExecutionError) in try Containers.getItem(TextTest.value(source), i, TextTest.context()) }
            }
            if got != expected { failures.append("\(source)[\(index)]: got \(got), expected \(expected)") }
        }
        #expect(failures.isEmpty, Comment(rawValue: failures.joined(separator: "\n")))
    }

    @Test("errors of subscripting other types", arguments: [
        ("5", "0", "TypeError: 'int' object is not subscriptable"),
        ("None", "0", "TypeError: 'NoneType' object is not subscriptable"),
        ("{1}", "0", "TypeError: 'set' object is not subscriptable"),
        ("{}", "1", "KeyError: 1"),
        ("{}", "'a'", "KeyError: 'a'"),
        ("{}", "[1]", "TypeError: unhashable type: 'list'"),
        ("{1: 'one'}", "1.0", "'one'"),
        ("{1: 'one'}", "True", "'one'"),
    ])
    func otherSubscripts(container: String, index: String, expected: String) {
        let got = TextTest.outcome { () throws(ExecutionError) in
            try Containers.getItem(TextTest.value(container), TextTest.value(index), TextTest.context())
        }
        #expect(got == expected)
    }
}
