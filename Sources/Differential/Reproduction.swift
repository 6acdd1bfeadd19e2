import Execution
import Foundation
import ProgramOutcome

/// Reproduction files: a diverging program in corpus format, with CPython's outcome as its
/// `# expect` block, ready to move into Corpus/.
public enum Reproduction {
    /// The file text: `header` comment lines, the program, then the expectation CPython gives the
    /// final text (so line numbers account for the header).
    public static func corpusText(program: String, header: [String], answer: AnswerSpec,
                                  runner: DifferentialRunner) throws -> String {
        var lines = header.map { "# " + $0 }
        if answer != .auto { lines.append("# sal-answer: \(answer)") }
        let text = lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n") + program
        let file = try CorpusFile(path: "reproduction.py", text: text)
        let outcome = runner.referenceOutcome(DifferentialCase(id: "reproduction", program: file.program, answer: file.answer))
        return file.rendered(with: CorpusExpectation(outcome))
    }

    /// One line saying what differs, for headers and reports (values cut at `limit` characters).
    public static func summary(_ divergence: Divergence, limit: Int = 160) -> [String] {
        divergence.differences.map { difference in
            "\(difference.field.rawValue): sal \(cut(difference.sal, limit)), CPython \(cut(difference.reference, limit))"
        }
    }

    static func cut(_ text: String, _ limit: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: "\\n")
        return flat.count > limit ? String(flat.prefix(limit)) + "..." : flat
    }
}
