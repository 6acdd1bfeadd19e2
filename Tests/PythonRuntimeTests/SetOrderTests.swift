import Testing
@testable import PythonRuntime

@Suite("set iteration order")
struct SetOrderTests {
    /// One row of Fixtures/set-programs.jsonl (CPython 3.11.7): the initial elements (inserted in order),
    /// then each step's operation, arguments (tuple literal), result repr and the set's repr afterwards.
    struct ProgramCase: Decodable {
        struct Step: Decodable {
            let operation, args, result, after: String
        }
        let initial: String
        let steps: [Step]
    }

    /// One row of Fixtures/set-displays.jsonl: the elements of a constant display `{a, b, ...}`, the
    /// display's repr, and the repr of a list comprehension looping over it.
    struct DisplayCase: Decodable {
        let elements, display, loop: String
    }

    /// Applies one step of a generated program; binary operators replace the set.
    static func apply(_ s: inout PySet, _ op: String, _ args: [Value]) throws(ExecutionError) -> Value {
        func other() throws(ExecutionError) -> PySet {
            guard case .list(let l) = args[0] else { preconditionFailure("operator steps take a list") }
            return try PySet(inserting: l.items)
        }
        switch op {
        case "or": s = s.union(try other())
        case "and": s = s.intersection(try other())
        case "sub": s = s.difference(try other())
        case "rsub": s = try other().difference(s)
        case "xor": s = s.symmetricDifference(try other())
        default: return try TextTest.callMethod(.set(s), op, args)
        }
        return .none
    }

    @Test("random programs of set operations iterate like CPython 3.11")
    func programs() throws {
        var failures: [String] = []
        for row in try FixtureTable.cases("set-programs.jsonl", as: ProgramCase.self) {
            let initial = row.initial
            guard case .list(let elements) = TextTest.value(initial) else { continue }
            var s = try! PySet(inserting: elements.items)
            for step in row.steps {
                let (op, args, expected, after) = (step.operation, step.args, step.result, step.after)
                let got = TextTest.outcome { () throws(ExecutionError) in try Self.apply(&s, op, TextTest.arguments(args)) }
                let afterwards = (try? Repr.repr(.set(s))) ?? "?"
                if got != expected || afterwards != after {
                    failures.append("set(\(initial)) .\(op)\(args): got \(got) \(afterwards), expected \(expected) \(after)")
                    break
                }
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) mismatches:\n" + failures.prefix(20).joined(separator: "\n")))
    }

    @Test("constant set displays and loops over them iterate like CPython 3.11")
    func displays() throws {
        var failures: [String] = []
        for row in try FixtureTable.cases("set-displays.jsonl", as: DisplayCase.self) {
            let (elements, display, loop) = (row.elements, row.display, row.loop)
            guard case .list(let l) = TextTest.value(elements) else { continue }
            let shown = try Repr.repr(.set(PySet.constantDisplay(l.items)))
            let looped = try Repr.repr(.list(PyList(PySet.constantFrozenset(l.items).elements)))
            if shown != display || looped != loop {
                failures.append("\(elements): got \(shown) \(looped), expected \(display) \(loop)")
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) mismatches:\n" + failures.prefix(20).joined(separator: "\n")))
    }

    @Test("classic examples", arguments: [
        ("[3, 1, 2]", "{1, 2, 3}"), ("[10, 5, 100]", "{10, 100, 5}"), ("[-1, -2]", "{-1, -2}"),
        ("[16, 1, 2, 3, 4]", "{1, 2, 3, 4, 16}"), ("[(1, 2), (2, 1), (0, 0)]", "{(1, 2), (2, 1), (0, 0)}"),
        ("[1, 1.0, True]", "{1}"), ("[0.5, 2.5, 1.5]", "{0.5, 1.5, 2.5}"),
    ])
    func classic(elements: String, expected: String) throws {
        guard case .list(let l) = TextTest.value(elements) else { return }
        #expect(try Repr.repr(.set(PySet(inserting: l.items))) == expected)
    }
}
