import Differential
import Execution
import Foundation
import Testing

/// `sal bless`: expectations come from CPython, hand-written ones stay, a second run changes nothing.
struct CorpusBlessingTests {
    /// A fresh directory holding `files` (name -> text).
    func directory(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bless-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return root
    }

    func read(_ root: URL, _ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func blessingWritesCPythonsOutcomeAndIsIdempotent() throws {
        if TestSupport.skipWithoutReference() { return }
        let salOnly = "# sal-only: resource limit\nwhile True:\n    pass\n\n# expect status: limit\n# expect error: StepLimit\n"
        let root = try directory([
            "new.py": "print('hi')\nanswer = 7 // 2\n",
            "stale.py": "answer = 1 / 0\n\n# expect status: ok\n# expect answer: 0\n# expect type: int\n",
            "spec.py": "# sal-answer: var:result\nresult = [1.5]\nanswer = 'ignored'\n",
            "only.py": salOnly,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let blessing = CorpusBlessing()

        let checked = try blessing.bless(path: root.path, check: true)
        #expect(checked.updated == 3 && checked.salOnly == 1)
        #expect(checked.mismatched == 3)
        #expect(try read(root, "new.py") == "print('hi')\nanswer = 7 // 2\n", "--check writes nothing")

        let first = try blessing.bless(path: root.path, check: false)
        #expect(first.updated == 3)
        #expect(try read(root, "new.py") == """
            print('hi')
            answer = 7 // 2

            # expect status: ok
            # expect answer: 3
            # expect type: int
            # expect stdout: "hi\\n"

            """)
        let stale = try CorpusFile(path: "stale.py", text: try read(root, "stale.py"))
        #expect(stale.expectation?.errorType == "ZeroDivisionError")
        #expect(stale.expectation?.errorMessage == "division by zero")
        #expect(stale.expectation?.errorLine == 1)
        let spec = try read(root, "spec.py")
        #expect(spec.hasPrefix("# sal-answer: var:result\n"))
        #expect(spec.contains("# expect answer: [1.5]\n# expect type: list"))
        #expect(try read(root, "only.py") == salOnly)

        let second = try blessing.bless(path: root.path, check: false)
        #expect(second.updated == 0 && second.unchanged == 3)
        let recheck = try blessing.bless(path: root.path, check: true)
        #expect(recheck.mismatched == 0)
    }

    @Test func aProgramCPythonCannotFinishIsNotBlessed() throws {
        if TestSupport.skipWithoutReference() { return }
        let root = try directory(["loop.py": "while True:\n    pass\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try CorpusBlessing(limits: .init(timeLimit: .milliseconds(200))).bless(path: root.path, check: false)
        #expect(report.unblessable == 1)
        #expect(try read(root, "loop.py") == "while True:\n    pass\n")
    }
}
