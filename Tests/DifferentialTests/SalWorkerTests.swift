@testable import Differential
import Foundation
import ProgramOutcome
import PythonRuntime
import Testing

/// The worker protocol: requests in, outcome records out; crashes and hangs become outcomes.
struct SalWorkerTests {
    @Test func recordsRoundTrip() {
        let outcomes = [
            Outcome(status: .ok, answer: .int(3), answerRepr: "3", answerType: "int", stdout: "a\n\"b\"\u{1}"),
            Outcome(status: .error, stdout: "x", error: ErrorInfo(type: "ValueError", message: "bad\nvalue", line: 4, column: 7)),
            Outcome(status: .limit, error: ErrorInfo(type: "StepLimit", message: "too many steps")),
        ]
        for outcome in outcomes {
            #expect(SalWorker.outcome(record: outcome.record(id: .string("id"))) == outcome)
        }
    }

    @Test func theServingLoopAnswersEachRequestLine() throws {
        let requests = Pipe(), responses = Pipe()
        let input = requests.fileHandleForReading, output = responses.fileHandleForWriting
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? SalWorker.serve(input: input, output: output, limits: .default)
            try? output.close()
            done.signal()
        }
        let lines = [
            #"{"id": "a", "program": "print('hi')\nanswer = 6 * 7\n", "answer": "auto", "preamble": null}"#,
            #"{"id": "b", "program": "x = 1\n", "answer": "var:y", "preamble": "y = 2\n"}"#,
            #"{"id": "c", "program": "answer = 1 / 0\n", "answer": "auto", "preamble": null}"#,
        ]
        try requests.fileHandleForWriting.write(contentsOf: Data((lines.joined(separator: "\n") + "\n").utf8))
        try requests.fileHandleForWriting.close()
        done.wait()
        var reader = LineReader(handle: responses.fileHandleForReading)
        var outcomes: [Outcome] = []
        while let line = reader.next() {
            outcomes.append(SalWorker.outcome(record: try line.withUnsafeBufferPointer { try JSONValue.parse($0) }))
        }
        #expect(outcomes.count == 3)
        #expect(outcomes.first?.answerRepr == "42" && outcomes.first?.stdout == "hi\n")
        #expect(outcomes.dropFirst().first?.answerRepr == "2")
        #expect(outcomes.last?.error?.type == "ZeroDivisionError" && outcomes.last?.error?.line == 1)
    }

    @Test func longLinesAreReadWhole() throws {
        let pipe = Pipe()
        let long = String(repeating: "x", count: 3_000_000)
        let writer = pipe.fileHandleForWriting
        DispatchQueue.global().async {
            try? writer.write(contentsOf: Data(("short\n" + long + "\n\nlast").utf8))
            try? writer.close()
        }
        var reader = LineReader(handle: pipe.fileHandleForReading)
        #expect(reader.next().map { String(decoding: $0, as: UTF8.self) } == "short")
        #expect(reader.next()?.count == 3_000_000)
        #expect(reader.next()?.isEmpty == true)
        #expect(reader.next() == nil, "an unterminated last line is not a line")
    }

    /// Stand-ins for a sal that crashes or hangs on its first program (the real `sal diff-worker` is
    /// not built with the tests).
    @Test func aCrashOrAHangBecomesAnOutcome() {
        let testCase = DifferentialCase(id: "p", program: "answer = 1\n")
        let crashing = SalWorker(executable: "/bin/sh", arguments: ["-c", "read line; kill -SEGV $$"])
        let crash = crashing.outcome(testCase)
        #expect(crash.error?.type == SalWorker.crashType)
        #expect(crash.error?.message.contains("signal 11") == true)
        let hanging = SalWorker(executable: "/bin/sh", arguments: ["-c", "read line; exec sleep 30"], timeout: .milliseconds(300))
        let hang = hanging.outcome(testCase)
        #expect(hang.error?.type == SalWorker.hangType)
        // A new worker starts for the next program.
        #expect(crashing.outcome(testCase).error?.type == SalWorker.crashType)
    }
}
