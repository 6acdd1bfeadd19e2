import Foundation
import PythonSyntax
import Testing

/// Every program of ../shared/data/gsm8k_votes_dev.jsonl against the error CPython 3.11 recorded for it.
///
/// A program CPython rejects with SyntaxError/IndentationError must be rejected by sal with the same type,
/// message and line; every other program must parse, except those in `refusedBySal`.
struct CorpusTests {
    static let dataFile = TestSupport.packageRoot.appendingPathComponent("../shared/data/gsm8k_votes_dev.jsonl")
        .standardizedFileURL

    static var dataFileExists: Bool { FileManager.default.fileExists(atPath: dataFile.path) }

    /// Programs CPython compiles that sal refuses, by candidate id, with the reason. None in this file.
    static let refusedBySal: [String: String] = [:]

    struct Candidate {
        var id: String
        var program: String
        var cpythonError: String?
    }

    static func candidates() throws -> [Candidate] {
        var result: [Candidate] = []
        let text = try String(contentsOf: dataFile, encoding: .utf8)
        for line in text.split(separator: "\n") {
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            for case let candidate as [String: Any] in record?["candidates"] as? [Any] ?? [] {
                result.append(Candidate(id: candidate["cid"] as? String ?? "?",
                                        program: candidate["program"] as? String ?? "",
                                        cpythonError: candidate["cpython_error"] as? String))
            }
        }
        return result
    }

    /// Splits CPython's recorded "SyntaxError: message (line N)" into its parts.
    static func recordedSyntaxError(_ error: String?) -> (type: String, message: String, line: Int32)? {
        guard let error else { return nil }
        for type in ["SyntaxError", "IndentationError", "TabError"] where error.hasPrefix(type + ": ") {
            var message = error.dropFirst(type.count + 2)
            guard let open = message.range(of: " (line ", options: .backwards) else { return nil }
            let line = Int32(message[open.upperBound...].dropLast()) ?? 0
            message = message[..<open.lowerBound]
            return (type, String(message), line)
        }
        return nil
    }

    @Test(.enabled(if: dataFileExists, "needs ../shared/data/gsm8k_votes_dev.jsonl beside the package"))
    func everyProgramParsesExactlyWhenCPythonDid() throws {
        let candidates = try Self.candidates()
        #expect(candidates.count == 13_198)
        var rejectedByCPython = 0
        for candidate in candidates {
            let diagnostic = TestSupport.diagnostic(candidate.program)
            if let expected = Self.recordedSyntaxError(candidate.cpythonError) {
                rejectedByCPython += 1
                let context = Comment(rawValue: "\(candidate.id): CPython \(candidate.cpythonError ?? "")")
                #expect(diagnostic?.pythonType == expected.type, context)
                #expect(diagnostic?.message == expected.message, context)
                #expect(diagnostic?.range.start.line == expected.line, context)
            } else if let reason = Self.refusedBySal[candidate.id] {
                #expect(diagnostic != nil && diagnostic?.pythonType == nil, "\(candidate.id): \(reason)")
            } else if let diagnostic {
                Issue.record("\(candidate.id) does not parse: \(diagnostic)")
            }
        }
        #expect(rejectedByCPython == 28)
    }
}
