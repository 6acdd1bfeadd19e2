import Foundation
import ProgramOutcome
import PythonRuntime

/// sal's runtime in a child process (`sal diff-worker`), so that a crash of sal (a failed
/// precondition, a trap) becomes a reported outcome instead of the end of a fuzz campaign.
///
/// One long-lived worker answers one request line with one outcome line; when it dies, the program
/// it was running gets a `SalCrash` outcome and the next request starts a new worker. The traps:
/// writing to a dead worker would raise SIGPIPE in this process (it is ignored from the first
/// worker on), and Swift's crash backtrace takes most of a second (it is turned off in the worker).
public final class SalWorker: @unchecked Sendable {
    public let executable: String
    public let arguments: [String]
    private let lock = NSLock()
    // Guarded by `lock`:
    private var running: (process: Process, input: FileHandle, output: FileHandle, errors: Pipe)?
    private var pending = Data()

    /// The error type of the outcome given to a program during which sal crashed.
    public static let crashType = "SalCrash"

    /// `executable arguments...` must serve requests as `serve(input:output:limits:)` does.
    public init(executable: String, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    /// sal's outcome of `testCase`, computed in the worker.
    public func outcome(_ testCase: DifferentialCase) -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        do {
            let worker = try started()
            let request = JSONValue.object([
                ("id", .string(testCase.id)), ("program", .string(testCase.program)),
                ("answer", .string(testCase.answer.description)), ("preamble", testCase.preamble.map { .string($0) } ?? .null),
            ]).serialized + "\n"
            try worker.input.write(contentsOf: Data(request.utf8))
            if let line = readLine(from: worker.output) {
                return try JSONDecoder().decode(Outcome.self, from: line)
            }
            return crashed(worker)
        } catch {
            if let worker = running { return crashed(worker) }
            return Outcome(status: .error, error: ErrorInfo(type: Self.crashType, message: "cannot start sal's worker: \(error)"))
        }
    }

    private func started() throws -> (process: Process, input: FileHandle, output: FileHandle, errors: Pipe) {
        if let running { return running }
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        pending = Data()
        let worker = (process, input.fileHandleForWriting, output.fileHandleForReading, errors)
        running = worker
        return worker
    }

    /// The next line the worker wrote, or nil when it closed its output (it died).
    private func readLine(from handle: FileHandle) -> Data? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = pending[pending.startIndex..<newline]
                pending = Data(pending[pending.index(after: newline)...])
                return Data(line)
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            pending.append(chunk)
        }
    }

    private func crashed(_ worker: (process: Process, input: FileHandle, output: FileHandle, errors: Pipe)) -> Outcome {
        running = nil
        try? worker.input.close()
        worker.process.waitUntilExit()
        let stderr = String(decoding: worker.errors.fileHandleForReading.availableData, as: UTF8.self)
        let lastLine = stderr.split(separator: "\n").last.map { ": " + $0 } ?? ""
        let how = worker.process.terminationReason == .uncaughtSignal
            ? "signal \(worker.process.terminationStatus)" : "exit status \(worker.process.terminationStatus)"
        return Outcome(status: .error, error: ErrorInfo(type: Self.crashType, message: "sal crashed (\(how))\(lastLine)"))
    }

    /// The worker's side: one JSON request per input line (`id`, `program`, `answer`, `preamble`),
    /// one `Outcome` per output line, written as soon as it is known.
    public static func serve(input: FileHandle, output: FileHandle, limits: Limits) throws {
        var preambles = PreambleCache()
        let runner = DifferentialRunner(salLimits: limits)
        var pending = Data()
        let encoder = JSONEncoder()
        while true {
            let chunk = input.availableData
            if chunk.isEmpty { return }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending = Data(pending[pending.index(after: newline)...])
                let request = try JSONValue.parse(line)
                let testCase = DifferentialCase(
                    id: request["id"]?.stringValue ?? "", program: request["program"]?.stringValue ?? "",
                    answer: request["answer"]?.stringValue.flatMap { AnswerSpec(parsing: $0) } ?? .auto,
                    preamble: request["preamble"]?.stringValue)
                let outcome = runner.salOutcome(testCase, preambles: &preambles)
                var data = try encoder.encode(outcome)
                data.append(UInt8(ascii: "\n"))
                try output.write(contentsOf: data)
            }
        }
    }
}
