import Dispatch
import Foundation
import ProgramOutcome
import PythonRuntime

/// Runs many programs in parallel over all cores and returns their outcomes in input order.
///
/// Programs are independent (each run owns its VM and values), so workers share nothing but the
/// compiled preambles. The trap: outcomes are written to distinct slots of one buffer, never appended.
public struct BatchExecutor: Sendable {
    public var limits: Limits
    public var jobs: Int

    public init(limits: Limits = .default, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.limits = limits
        self.jobs = max(1, jobs)
    }

    /// Runs every request; every request yields exactly one outcome, in order.
    public func run(_ requests: [ExecRequest]) -> [Outcome] {
        var preambles: [String: Result<Preamble, ProgramError>] = [:]
        for r in requests {
            if let text = r.preamble, preambles[text] == nil {
                do throws(ProgramError) {
                    preambles[text] = .success(try Preamble(source: text))
                } catch {
                    preambles[text] = .failure(error)
                }
            }
        }
        let compiledPreambles = preambles
        let results = UnsafeMutableBufferPointer<Outcome>.allocate(capacity: requests.count)
        let limits = self.limits
        let chunk = 16
        let chunks = (requests.count + chunk - 1) / chunk
        let sendableResults = SendableBuffer(buffer: results)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lower = c * chunk
            let upper = min(requests.count, lower + chunk)
            for i in lower..<upper {
                let outcome = Self.execute(requests[i], preambles: compiledPreambles, limits: limits)
                (sendableResults.buffer.baseAddress! + i).initialize(to: outcome)
            }
        }
        let outcomes = Array(results)
        results.baseAddress!.deinitialize(count: requests.count)
        results.deallocate()
        return outcomes
    }

    static func execute(_ request: ExecRequest, preambles: [String: Result<Preamble, ProgramError>], limits: Limits) -> Outcome {
        var preamble: Preamble? = nil
        if let text = request.preamble {
            switch preambles[text] {
            case .success(let p): preamble = p
            case .failure(let error):
                var info = error.errorInfo
                info.message = "in the preamble: " + info.message
                return Outcome(status: .syntax, error: info)
            case nil: break
            }
        }
        return Interpreter.run(source: request.program, preamble: preamble, answer: request.answer, limits: limits)
    }

    /// Reads JSONL from `input`, runs each line, and writes one JSONL record per input line to `output`,
    /// in input order, a batch at a time (so a killed run leaves only whole lines behind).
    public func runJSONLines(input: FileHandle, output: FileHandle, defaultAnswer: AnswerSpec,
                             batchSize: Int = 4096, progress: ((Int) -> Void)? = nil) throws -> Statistics {
        var statistics = Statistics()
        var lineNumber = 0
        var reader = LineReader(handle: input)
        while true {
            var lines: [(Int, String)] = []
            while lines.count < batchSize, let line = reader.next() {
                lineNumber += 1
                if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
                lines.append((lineNumber, line))
            }
            if lines.isEmpty { break }
            var requests: [ExecRequest] = []
            var slots: [Result<Int, InvalidInput>] = []
            for (number, line) in lines {
                switch ExecRequest.parse(line: line, lineNumber: number, defaultAnswer: defaultAnswer) {
                case .success(let r):
                    slots.append(.success(requests.count))
                    requests.append(r)
                case .failure(let invalid):
                    slots.append(.failure(invalid))
                }
            }
            let outcomes = run(requests)
            var text = ""
            for slot in slots {
                let record: JSONValue
                switch slot {
                case .success(let i):
                    record = outcomes[i].record(id: requests[i].id)
                    statistics.count(outcomes[i].status)
                case .failure(let invalid):
                    record = invalid.outcome.record(id: invalid.id)
                    statistics.invalid += 1
                }
                record.write(to: &text)
                text += "\n"
            }
            output.write(Data(text.utf8))
            progress?(statistics.total)
        }
        return statistics
    }

    public struct Statistics: Sendable, Equatable {
        public var ok = 0, error = 0, syntax = 0, limit = 0, invalid = 0
        public var total: Int { ok + error + syntax + limit + invalid }

        mutating func count(_ status: OutcomeStatus) {
            switch status {
            case .ok: ok += 1
            case .error: error += 1
            case .syntax: syntax += 1
            case .limit: limit += 1
            }
        }
    }
}

/// A buffer written at distinct indices by concurrent workers.
struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
}

/// Reads a file handle line by line (LF-separated, UTF-8), in large chunks.
struct LineReader {
    let handle: FileHandle
    var buffer: [UInt8] = []
    var start = 0
    var finished = false

    init(handle: FileHandle) { self.handle = handle }

    mutating func next() -> String? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[start..<newline], as: UTF8.self)
                start = newline + 1
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                return line
            }
            let data = handle.readData(ofLength: 1 << 20)
            if data.isEmpty { finished = true }
            buffer.removeFirst(start)
            start = 0
            buffer.append(contentsOf: data)
        }
    }
}
