import Testing
@testable import PythonRuntime

@Suite("list, tuple, range, dict and set methods")
struct ListDictSetTests {
    /// One row of Fixtures/container-methods.jsonl (CPython 3.11.7): receiver literal, method, positional
    /// args (tuple literal), keyword args (dict literal), repr of the result or `Type: message`, and the
    /// repr of the receiver afterwards.
    struct Case: Decodable {
        let receiver, method, args, keywords, expected, after: String
    }

    @Test("every container method case matches CPython 3.11, including the receiver afterwards")
    func table() throws {
        var failures: [String] = []
        for row in try FixtureTable.cases("container-methods.jsonl", as: Case.self) {
            let (receiver, name, args, keywords, expected, after) = (row.receiver, row.method, row.args, row.keywords, row.expected, row.after)
            let object = TextTest.value(receiver)
            let got = TextTest.outcome { () throws(ExecutionError) in
                try TextTest.callMethod(object, name, TextTest.arguments(args), keywords: TextTest.keywords(keywords))
            }
            let afterwards = (try? Repr.repr(object)) ?? "?"
            if got != expected || afterwards != after {
                failures.append("\(receiver).\(name)\(args) \(keywords): got \(got) / \(afterwards), expected \(expected) / \(after)")
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) mismatches:\n" + failures.joined(separator: "\n")))
    }
}
