import ArgumentParser
import Execution
import Foundation
import ProgramOutcome
import PythonRuntime

/// `sal exec --in programs.jsonl --out results.jsonl`: run many programs in parallel.
struct ExecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Run every program of a JSONL file in parallel; write one result line per input line, in order.",
        discussion: """
        Input lines: {"id", "program", "answer"?, "preamble"?}, where answer is "var:NAME", "call:NAME" or "auto".
        Output lines: {"id", "status", "answer", "answer_repr", "answer_type", "stdout", "error"}.
        """
    )

    @Option(name: .customLong("in"), help: "Input JSONL ('-' for standard input).")
    var input: String

    @Option(name: .customLong("out"), help: "Output JSONL ('-' for standard output).")
    var output: String

    @Option(help: "Default answer location for lines without one.")
    var answer: AnswerSpec = .auto

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var limitOptions: LimitOptions

    func run() throws {
        let inputHandle: FileHandle
        if input == "-" {
            inputHandle = .standardInput
        } else {
            guard let h = FileHandle(forReadingAtPath: input) else { throw ValidationError("cannot read \(input)") }
            inputHandle = h
        }
        let outputHandle: FileHandle
        if output == "-" {
            outputHandle = .standardOutput
        } else {
            guard FileManager.default.createFile(atPath: output, contents: nil),
                  let h = FileHandle(forWritingAtPath: output) else { throw ValidationError("cannot write \(output)") }
            outputHandle = h
        }
        let executor = BatchExecutor(limits: limitOptions.limits, jobs: jobs)
        let start = Date()
        let statistics = try executor.runJSONLines(input: inputHandle, output: outputHandle, defaultAnswer: answer)
        let seconds = Date().timeIntervalSince(start)
        let rate = seconds > 0 ? Double(statistics.total) / seconds : 0
        FileHandle.standardError.write(Data("""
            \(statistics.total) programs in \(String(format: "%.2f", seconds)) s (\(Int(rate)) programs/s): \
            \(statistics.ok) ok, \(statistics.error) error, \(statistics.syntax) syntax, \(statistics.limit) limit, \
            \(statistics.invalid) invalid input lines

            """.utf8))
    }
}
