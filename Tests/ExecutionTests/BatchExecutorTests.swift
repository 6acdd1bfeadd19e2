import Execution
import Foundation
import ProgramOutcome
import Testing

@Suite("sal exec")
struct BatchExecutorTests {
    func exec(_ lines: [String]) throws -> [JSONValue] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sal-exec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.jsonl")
        let output = directory.appendingPathComponent("out.jsonl")
        try lines.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let executor = BatchExecutor(jobs: 2)
        _ = try executor.runJSONLines(input: try FileHandle(forReadingFrom: input),
                                      output: try FileHandle(forWritingTo: output), defaultAnswer: .auto, batchSize: 3)
        let text = try String(contentsOf: output, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }

    @Test func everyLineYieldsOneRecordInOrder() throws {
        let lines = [
            #"{"id": "a", "program": "answer = 6 * 7"}"#,
            #"{"id": "b", "program": "x = 1/0"}"#,
            #"not json"#,
            #"{"id": "d", "program": "def solution():\n    return 'hi'", "answer": "call:solution"}"#,
            #"{"id": "e"}"#,
            #"{"id": "f", "program": "if True\n  x = 1"}"#,
            #"{"id": "g", "program": "print('out')\nans = 2.5", "answer": "var:ans"}"#,
            #"{"id": "h", "program": "answer = 1", "answer": "bogus"}"#,
        ]
        let records = try exec(lines)
        #expect(records.count == lines.count)
        #expect(records.map { $0["status"]?.stringValue } == ["ok", "error", "error", "ok", "error", "syntax", "ok", "error"])
        #expect(records[0]["answer"] == .int(42))
        #expect(records[0]["answer_type"] == .string("int"))
        #expect(records[1]["error"]?["type"] == .string("ZeroDivisionError"))
        #expect(records[1]["error"]?["line"] == .int(1))
        #expect(records[2]["error"]?["type"] == .string("InvalidInput"))
        #expect(records[2]["error"]?["message"]?.stringValue?.hasPrefix("line 3:") == true)
        #expect(records[3]["answer_repr"] == .string("'hi'"))
        #expect(records[4]["id"] == .string("e"))
        #expect(records[6]["stdout"] == .string("out\n"))
        #expect(records[6]["answer"] == .double(2.5))
    }
}
