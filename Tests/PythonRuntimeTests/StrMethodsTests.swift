import Testing
@testable import PythonRuntime

@Suite("str methods")
struct StrMethodsTests {
    /// One row of Fixtures/str-methods.jsonl (CPython 3.11.7): receiver literal, method, positional args
    /// (tuple literal), keyword args (dict literal), and the repr of the result or `Type: message`.
    struct Case: Decodable {
        let receiver, method, args, keywords, expected: String
    }

    @Test("every str method case matches CPython 3.11")
    func table() throws {
        var failures: [String] = []
        for row in try FixtureTable.cases("str-methods.jsonl", as: Case.self) {
            let (receiver, name, args, keywords, expected) = (row.receiver, row.method, row.args, row.keywords, row.expected)
            let got = TextTest.outcome { () throws(ExecutionError) in
                try TextTest.callMethod(TextTest.value(receiver), name, TextTest.arguments(args),
                                        keywords: TextTest.keywords(keywords))
            }
            if got != expected { failures.append("\(receiver).\(name)\(args) \(keywords): got \(got), expected \(expected)") }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) mismatches:\n" + failures.joined(separator: "\n")))
    }
}
