import Foundation
import ProgramOutcome
import PythonRuntime

/// sal's runtime in a child process (`sal diff-worker`), so that a crash of sal (a failed
/// precondition, a trap) becomes a reported outcome instead of the end of a fuzz campaign.
///
/// One long-lived worker answers one request line with one outcome line (without the answer's JSON
/// rendering, which is not compared); when it dies, the program it was running gets a `SalCrash`
/// outcome and the next request starts a new worker. The traps:
/// writing to a dead worker would raise SIGPIPE in this process (it is ignored from the first
/// worker on), and Swift's crash backtrace takes most of a second (it is turned off in the worker).
public final class SalWorker: @unchecked Sendable {
    public let executable: String
    public let arguments: [String]
    /// How long one program may take before the worker is killed and the program gets a `SalHang`
    /// outcome (sal's own limits should always stop it first); nil waits for ever.
    public let timeout: Duration?
    private let lock = NSLock()
    // Guarded by `lock`:
    private var running: (process: Process, input: FileHandle, output: FileHandle, errors: Pipe)?
    private var reader: LineReader?

    /// The error type of the outcome given to a program during which sal crashed.
    public static let crashType = "SalCrash"
    /// The error type of the outcome given to a program sal did not finish within `timeout`.
    public static let hangType = "SalHang"

    /// `executable arguments...` must serve requests as `serve(input:output:limits:)` does.
    public init(executable: String, arguments: [String], timeout: Duration? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.timeout = timeout
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
            let watchdog = timeout.map { limit in
                let pid = worker.process.processIdentifier
                let item = DispatchWorkItem { kill(pid, SIGKILL) }
                DispatchQueue.global().asyncAfter(deadline: .now() + limit.seconds, execute: item)
                return item
            }
            defer { watchdog?.cancel() }
            if let line = reader?.next() {
                let record = try line.withUnsafeBufferPointer { bytes in try JSONValue.parse(bytes) }
                return Self.outcome(record: record)
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
        reader = LineReader(handle: output.fileHandleForReading)
        let worker = (process, input.fileHandleForWriting, output.fileHandleForReading, errors)
        running = worker
        return worker
    }

    private func crashed(_ worker: (process: Process, input: FileHandle, output: FileHandle, errors: Pipe)) -> Outcome {
        running = nil
        try? worker.input.close()
        worker.process.waitUntilExit()
        let stderr = String(decoding: worker.errors.fileHandleForReading.availableData, as: UTF8.self)
        let lastLine = stderr.split(separator: "\n").last.map { ": " + $0 } ?? ""
        let signalled = worker.process.terminationReason == .uncaughtSignal
        if signalled, worker.process.terminationStatus == SIGKILL, let timeout {
            return Outcome(status: .error, error: ErrorInfo(
                type: Self.hangType, message: "sal did not finish within \(timeout.seconds) s; its limits did not stop it"))
        }
        let how = signalled ? "signal \(worker.process.terminationStatus)" : "exit status \(worker.process.terminationStatus)"
        return Outcome(status: .error, error: ErrorInfo(type: Self.crashType, message: "sal crashed (\(how))\(lastLine)"))
    }

    /// The worker's side: one JSON request per input line (`id`, `program`, `answer`, `preamble`),
    /// one `Outcome` per output line, written as soon as it is known.
    public static func serve(input: FileHandle, output: FileHandle, limits: Limits) throws {
        var preambles = PreambleCache()
        let runner = DifferentialRunner(salLimits: limits)
        var reader = LineReader(handle: input)
        while let line = reader.next() {
            let request = try JSONValue.parse(String(decoding: line, as: UTF8.self))
            let testCase = DifferentialCase(
                id: request["id"]?.stringValue ?? "", program: request["program"]?.stringValue ?? "",
                answer: request["answer"]?.stringValue.flatMap { AnswerSpec(parsing: $0) } ?? .auto,
                preamble: request["preamble"]?.stringValue)
            // The JSON rendering of the answer is not compared; leaving it out halves the big records.
            var outcome = OutcomeComparison.condensed(runner.salOutcome(testCase, preambles: &preambles))
            outcome.answer = nil
            try output.write(contentsOf: Data((outcome.record(id: .string(testCase.id)).serialized + "\n").utf8))
        }
    }

    /// An outcome from its `sal exec` record (`Outcome.record(id:)`), as the worker writes it.
    /// sal's own JSON code, not Foundation's: records can be tens of megabytes.
    static func outcome(record: JSONValue) -> Outcome {
        var error: ErrorInfo?
        if let info = record["error"], info != .null {
            func number(_ key: String) -> Int? {
                if case .int(let value)? = info[key] { return value }
                return nil
            }
            error = ErrorInfo(type: info["type"]?.stringValue ?? "", message: info["message"]?.stringValue ?? "",
                              line: number("line"), column: number("column"))
        }
        let answer = record["answer"].flatMap { $0 == .null ? nil : $0 }
        return Outcome(status: OutcomeStatus(rawValue: record["status"]?.stringValue ?? "") ?? .error, answer: answer,
                       answerRepr: record["answer_repr"]?.stringValue, answerType: record["answer_type"]?.stringValue,
                       stdout: record["stdout"]?.stringValue ?? "", error: error)
    }
}

/// Lines read from a pipe. The trap: an outcome line can be tens of megabytes (a program that
/// prints a lot), so each byte is searched for the newline once, not once per arriving chunk.
struct LineReader {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0

    init(handle: FileHandle) {
        self.handle = handle
    }

    /// The next line without its newline, or nil at the end of the input.
    mutating func next() -> [UInt8]? {
        while true {
            if let newline = buffer[(start + scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                scanned = 0
                if start >= 1 << 16 && start * 2 >= buffer.count {
                    buffer.removeFirst(start)
                    start = 0
                }
                return line
            }
            scanned = buffer.count - start
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            buffer.append(contentsOf: chunk)
        }
    }
}
