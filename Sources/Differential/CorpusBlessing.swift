import Execution
import Foundation
import ProgramOutcome
import Reference

/// Writes corpus expectations from CPython: `sal bless`.
///
/// Files marked `# sal-only` keep their hand-written expectations; `# sal-answer:` lines stay in the
/// program and select the answer. Rewriting is idempotent: the text is rewritten only when it
/// differs from `CorpusFile.rendered(with:)` of CPython's outcome. The trap: a file CPython stops
/// with a limit (an endless loop) cannot be blessed; it is reported and left alone.
public struct CorpusBlessing: Sendable {
    public var limits: ReferenceLimits

    public init(limits: ReferenceLimits = .init()) {
        self.limits = limits
    }

    /// What happened to one file.
    public enum FileResult: Sendable, Equatable {
        case unchanged
        /// The file was (or, when checking, would be) rewritten; `differences` compares the recorded
        /// expectation with CPython's (empty when only the layout changes).
        case updated(differences: [String])
        case salOnly
        /// CPython hit a resource limit; nothing is written.
        case unblessable(String)
    }

    public struct Report: Sendable {
        public var files: [(path: String, result: FileResult)] = []

        public func count(_ predicate: (FileResult) -> Bool) -> Int { files.filter { predicate($0.result) }.count }
        public var updated: Int { count { if case .updated = $0 { true } else { false } } }
        public var unchanged: Int { count { $0 == .unchanged } }
        public var salOnly: Int { count { $0 == .salOnly } }
        public var unblessable: Int { count { if case .unblessable = $0 { true } else { false } } }
        /// Files whose recorded expectation differs from CPython's.
        public var mismatched: Int {
            count { if case .updated(let differences) = $0 { !differences.isEmpty } else { false } }
        }
    }

    /// Blesses every corpus file under `path`; with `check`, only reports what would change.
    public func bless(path: String, check: Bool, each: (String, FileResult) -> Void = { _, _ in }) throws -> Report {
        var report = Report()
        for file in try Corpus.files(under: path) {
            let result = try bless(file: file, check: check)
            report.files.append((file, result))
            each(file, result)
        }
        return report
    }

    public func bless(file path: String, check: Bool) throws -> FileResult {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let file = try CorpusFile(path: path, text: text)
        if file.salOnlyReason != nil { return .salOnly }
        let outcome = ReferenceInterpreter.shared.run(program: file.program, answer: file.answer, limits: limits)
        if outcome.status == .limit {
            return .unblessable("CPython stopped it with \(outcome.error?.type ?? "a limit")")
        }
        let expectation = CorpusExpectation(outcome)
        let blessed = file.rendered(with: expectation)
        if blessed == text { return .unchanged }
        let differences = Self.differences(recorded: file.expectation, blessed: expectation)
        if !check { try blessed.write(toFile: path, atomically: true, encoding: .utf8) }
        return .updated(differences: differences)
    }

    /// Recorded vs blessed expectation lines, as `- old` / `+ new` pairs.
    static func differences(recorded: CorpusExpectation?, blessed: CorpusExpectation) -> [String] {
        guard recorded != blessed else { return [] }
        let old = recorded?.lines ?? []
        let new = blessed.lines
        return old.filter { !new.contains($0) }.map { "- " + $0 } + new.filter { !old.contains($0) }.map { "+ " + $0 }
    }
}
