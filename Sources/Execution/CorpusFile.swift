import Foundation
import ProgramOutcome
import PythonRuntime

/// A corpus program: Python source whose expected outcome is recorded in trailing comments.
///
/// ```
/// answer = 1 / 0
/// # expect status: error
/// # expect error: ZeroDivisionError "division by zero"
/// # expect line: 1
/// ```
/// Expectations are written by `sal bless` from CPython (the source of truth), except in files marked
/// `# sal-only: reason` (limits and sandbox refusals, which CPython does not have); those are written by
/// hand. `# sal-answer: var:NAME` selects where the answer is read (default `auto`).
public struct CorpusFile: Sendable {
    public var path: String
    /// The file without its `# expect` lines.
    public var program: String
    public var answer: AnswerSpec
    /// Why CPython cannot bless this file, if it cannot.
    public var salOnlyReason: String?
    public var expectation: CorpusExpectation?

    public static let expectPrefix = "# expect "

    public init(path: String, text: String) throws {
        self.path = path
        var programLines: [Substring] = []
        var expectLines: [Substring] = []
        var answer = AnswerSpec.auto
        var salOnly: String? = nil
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(Self.expectPrefix) {
                expectLines.append(line.dropFirst(Self.expectPrefix.count))
                continue
            }
            if line.hasPrefix("# sal-answer:") {
                let spec = line.dropFirst("# sal-answer:".count).trimmingCharacters(in: .whitespaces)
                guard let parsed = AnswerSpec(parsing: spec) else {
                    throw CorpusError(path: path, message: "invalid '# sal-answer: \(spec)'")
                }
                answer = parsed
            }
            if line.hasPrefix("# sal-only:") {
                salOnly = line.dropFirst("# sal-only:".count).trimmingCharacters(in: .whitespaces)
            }
            programLines.append(line)
        }
        while let last = programLines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { programLines.removeLast() }
        program = programLines.joined(separator: "\n") + "\n"
        self.answer = answer
        salOnlyReason = salOnly
        expectation = expectLines.isEmpty ? nil : try CorpusExpectation(lines: expectLines, path: path)
    }

    /// The file text with `expectation` written as its trailing comments.
    public func rendered(with expectation: CorpusExpectation) -> String {
        program + "\n" + expectation.lines.map { Self.expectPrefix + $0 }.joined(separator: "\n") + "\n"
    }
}

/// The expected outcome of a corpus program.
public struct CorpusExpectation: Sendable, Equatable {
    public var status: OutcomeStatus
    public var answerRepr: String?
    public var answerType: String?
    public var stdout: String
    public var errorType: String?
    /// nil means "any message" (used for sal-only limit files).
    public var errorMessage: String?
    public var errorLine: Int?

    public init(status: OutcomeStatus, answerRepr: String? = nil, answerType: String? = nil, stdout: String = "",
                errorType: String? = nil, errorMessage: String? = nil, errorLine: Int? = nil) {
        self.status = status
        self.answerRepr = answerRepr
        self.answerType = answerType
        self.stdout = stdout
        self.errorType = errorType
        self.errorMessage = errorMessage
        self.errorLine = errorLine
    }

    /// The expectation an outcome satisfies exactly.
    public init(_ outcome: Outcome) {
        self.init(status: outcome.status, answerRepr: outcome.answerRepr, answerType: outcome.answerType,
                  stdout: outcome.stdout, errorType: outcome.error?.type, errorMessage: outcome.error?.message,
                  errorLine: outcome.error?.line)
    }

    init(lines: [Substring], path: String) throws {
        var status: OutcomeStatus? = nil
        self.init(status: .ok)
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else {
                throw CorpusError(path: path, message: "expectation without ':': \(line)")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "status":
                guard let s = OutcomeStatus(rawValue: value) else {
                    throw CorpusError(path: path, message: "unknown status '\(value)'")
                }
                status = s
            case "answer": answerRepr = value
            case "type": answerType = value
            case "stdout": stdout = try Self.decodeString(value, path: path)
            case "error":
                if let space = value.firstIndex(of: " ") {
                    errorType = String(value[..<space])
                    errorMessage = try Self.decodeString(String(value[value.index(after: space)...]), path: path)
                } else {
                    errorType = value
                }
            case "line": errorLine = Int(value)
            default:
                throw CorpusError(path: path, message: "unknown expectation '\(key)'")
            }
        }
        guard let status else { throw CorpusError(path: path, message: "expectations need a status") }
        self.status = status
    }

    static func decodeString(_ text: String, path: String) throws -> String {
        guard case .string(let s)? = try? JSONValue.parse(text) else {
            throw CorpusError(path: path, message: "expected a JSON string, got \(text)")
        }
        return s
    }

    /// The expectation as `key: value` lines.
    public var lines: [String] {
        var out = ["status: \(status.rawValue)"]
        if let answerRepr { out.append("answer: \(answerRepr)") }
        if let answerType { out.append("type: \(answerType)") }
        if !stdout.isEmpty { out.append("stdout: \(JSONValue.string(stdout).serialized)") }
        if let errorType {
            out.append("error: \(errorType)" + (errorMessage.map { " " + JSONValue.string($0).serialized } ?? ""))
        }
        if let errorLine { out.append("line: \(errorLine)") }
        return out
    }

    /// Differences between this expectation and an outcome, as readable lines (empty when it matches).
    public func differences(from outcome: Outcome) -> [String] {
        var out: [String] = []
        if outcome.status != status { out.append("status: expected \(status.rawValue), got \(outcome.status.rawValue)") }
        if let answerRepr, outcome.answerRepr != answerRepr {
            out.append("answer: expected \(answerRepr), got \(outcome.answerRepr ?? "none")")
        }
        if let answerType, outcome.answerType != answerType {
            out.append("type: expected \(answerType), got \(outcome.answerType ?? "none")")
        }
        if outcome.stdout != stdout {
            out.append("stdout: expected \(JSONValue.string(stdout).serialized), got \(JSONValue.string(outcome.stdout).serialized)")
        }
        if let errorType, outcome.error?.type != errorType {
            out.append("error type: expected \(errorType), got \(outcome.error?.type ?? "none")")
        }
        if let errorMessage, outcome.error?.message != errorMessage {
            out.append("error message: expected \(JSONValue.string(errorMessage).serialized), got \(JSONValue.string(outcome.error?.message ?? "").serialized)")
        }
        if let errorLine, outcome.error?.line != errorLine {
            out.append("error line: expected \(errorLine), got \(outcome.error?.line.map(String.init) ?? "none")")
        }
        return out
    }
}

public struct CorpusError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// Finds and runs corpus files.
public enum Corpus {
    /// Limits for corpus runs: steps, not wall time, end runaway programs, so that an expected
    /// `StepLimit` does not become a `TimeLimit` on a slow or busy machine.
    public static var limits: Limits {
        var limits = Limits()
        limits.maxSteps = 2_000_000
        limits.maxSeconds = 300
        return limits
    }

    /// Every `.py` file under `root` (a file or a directory), sorted by path.
    public static func files(under root: String) throws -> [String] {
        let root = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw CorpusError(path: root, message: "no such file or directory")
        }
        if !isDirectory.boolValue { return [root] }
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".py") { paths.append((root as NSString).appendingPathComponent(relative)) }
        }
        return paths.sorted()
    }
}
