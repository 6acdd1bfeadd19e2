import Foundation
import ProgramOutcome

/// A line of an answers JSONL file that was not imported, and why.
public struct OracleImportProblem: Sendable, Equatable {
    /// 1-based line number.
    public var line: Int
    public var message: String
}

/// What an import did: every non-blank line is counted in exactly one of the four outcomes.
public struct OracleImportReport: Sendable, Equatable {
    public var imported = 0
    /// Lines whose call was already stored with the same answer.
    public var alreadyPresent = 0
    /// Lines whose call was already stored with a different answer (the stored one is kept).
    public var conflicts: [OracleImportProblem] = []
    /// Lines that are not a valid answer record.
    public var malformed: [OracleImportProblem] = []
}

extension OracleStore {
    /// Imports answers from JSONL, one `{"function": ..., "arguments": [...], "answer": ...}` per line
    /// (optional `"model"` and `"source"` strings). Arguments are bound as a Python call would bind them
    /// (`compare` gets its default relation), so imported keys match the keys programs produce.
    /// Answers of the wrong type for the helper (`compare` answered with a string) are malformed.
    public func importJSONL(_ text: String, source defaultSource: String) throws -> OracleImportReport {
        var report = OracleImportReport()
        var records: [(line: Int, record: OracleRecord)] = []
        var seen: [String: (line: Int, answer: JSONValue)] = [:]
        let timestamp = Self.timestamp()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            switch Self.parseImportLine(line, defaultSource: defaultSource, timestamp: timestamp) {
            case .failure(let problem):
                report.malformed.append(OracleImportProblem(line: index + 1, message: problem.message))
            case .success(let record):
                if let earlier = seen[record.call.key] {
                    if earlier.answer == record.answer {
                        report.alreadyPresent += 1
                    } else {
                        report.conflicts.append(OracleImportProblem(
                            line: index + 1,
                            message: "\(record.call.key) answered \(earlier.answer.serialized) on line \(earlier.line); "
                                + "\(record.answer.serialized) not imported"))
                    }
                    continue
                }
                seen[record.call.key] = (index + 1, record.answer)
                records.append((index + 1, record))
            }
        }
        let stored = try answers(forKeys: records.map(\.record.call.key))
        var fresh: [OracleRecord] = []
        for (line, record) in records {
            if let existing = stored[record.call.key] {
                if existing.answer == record.answer {
                    report.alreadyPresent += 1
                } else {
                    report.conflicts.append(OracleImportProblem(
                        line: line,
                        message: "\(record.call.key) is stored with \(existing.answer.serialized); "
                            + "\(record.answer.serialized) not imported"))
                }
            } else {
                fresh.append(record)
            }
        }
        try record(fresh)
        report.imported = fresh.count
        return report
    }

    struct LineProblem: Error {
        var message: String
    }

    static func parseImportLine(_ line: String, defaultSource: String,
                                timestamp: String) -> Result<OracleRecord, LineProblem> {
        let object: JSONValue
        do {
            object = try JSONValue.parse(line)
        } catch {
            return .failure(LineProblem(message: "invalid JSON: \(error.description)"))
        }
        guard case .object = object else { return .failure(LineProblem(message: "not a JSON object")) }
        guard let function = object.member("function")?.stringValue else {
            return .failure(LineProblem(message: "missing string field \"function\""))
        }
        guard let arguments = object.member("arguments")?.arrayPayload else {
            return .failure(LineProblem(message: "missing array field \"arguments\""))
        }
        guard let answer = object.member("answer") else {
            return .failure(LineProblem(message: "missing field \"answer\""))
        }
        let call: HelperCall
        do {
            call = try HelperCall.bind(function: function, positional: arguments)
        } catch {
            return .failure(LineProblem(message: error.description))
        }
        guard call.helper!.accepts(answer) else {
            return .failure(LineProblem(message: "answer \(answer.serialized) is not a valid \(function) answer"))
        }
        let model = object.member("model")?.stringValue ?? ""
        let source = object.member("source")?.stringValue ?? defaultSource
        return .success(OracleRecord(call: call, answer: answer, model: model, source: source, createdAt: timestamp))
    }
}
