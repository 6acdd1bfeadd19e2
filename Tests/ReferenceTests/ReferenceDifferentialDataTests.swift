import Foundation
import ProgramOutcome
import Reference
import Testing

/// Checks the reference against what CPython 3.11 recorded for the GSM8K voting set in ../shared/data.
///
/// Needs the data and sympy 1.14.0 + numpy 2.4.6 importable by the reference (Debian's Python has
/// neither; point `SAL_REFERENCE_SITE_PACKAGES` at a directory of cp311 wheels installed with
/// `pip install --target`). Skips otherwise: other versions word some errors differently.
@Suite("Reference against recorded CPython results")
struct ReferenceDifferentialDataTests {
    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    static let questionsChecked = 60

    static var prerequisitesPresent: Bool {
        guard FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("gsm8k_votes_dev.jsonl").path) else {
            return false
        }
        let sitePackages = ProcessInfo.processInfo.environment["SAL_REFERENCE_SITE_PACKAGES"]
        ReferenceInterpreter.shared.appendModuleSearchPaths(sitePackages.map { [$0] } ?? [])
        let versions = ReferenceInterpreter.shared.run(
            program: "import sympy, numpy\nanswer = [sympy.__version__, numpy.__version__]", answer: .auto)
        return versions.answer == .array([.string("1.14.0"), .string("2.4.6")])
    }

    struct Catalog: Decodable {
        let preambles: [String: String]
        let conventions: [String: String]
    }

    struct Question: Decodable {
        let candidates: [Candidate]
    }

    struct Candidate: Decodable {
        let cid: String
        let convention: String
        let preamble: String
        let program: String
        let cpython_result: String?
        let cpython_error: String?
    }

    @Test(.enabled(if: prerequisitesPresent,
                   "needs ../shared/data and sympy 1.14.0 + numpy 2.4.6 (SAL_REFERENCE_SITE_PACKAGES)"))
    func outcomesMatchTheRecordedResults() throws {
        let decoder = JSONDecoder()
        let catalog = try decoder.decode(
            Catalog.self, from: Data(contentsOf: Self.dataDirectory.appendingPathComponent("gsm8k_votes_preambles.json")))
        let lines = try String(contentsOf: Self.dataDirectory.appendingPathComponent("gsm8k_votes_dev.jsonl"),
                               encoding: .utf8).split(separator: "\n").prefix(Self.questionsChecked)

        var jobs: [ReferenceJob] = []
        var recorded: [String: String] = [:]
        for line in lines {
            for candidate in try decoder.decode(Question.self, from: Data(line.utf8)).candidates {
                if candidate.cpython_error?.hasPrefix("Timeout") == true { continue }
                let convention = try #require(catalog.conventions[candidate.convention])
                let answer = try #require(AnswerSpec(parsing: convention))
                let preamble: String = try #require(catalog.preambles[candidate.preamble])
                jobs.append(ReferenceJob(id: candidate.cid, program: candidate.program, answer: answer, preamble: preamble))
                recorded[candidate.cid] = candidate.cpython_error.map { "error " + $0 }
                    ?? "value " + (candidate.cpython_result ?? "")
            }
        }
        #expect(jobs.count > 1000)

        var disagreements: [String] = []
        for result in ReferenceInterpreter.shared.run(batch: jobs) {
            let outcome = result.outcome
            let observed: String
            switch outcome.status {
            case .ok:
                observed = "value " + String((outcome.answerRepr ?? "").prefix(2000))
            case .syntax:
                observed = "error \(outcome.error?.type ?? ""): \(outcome.error?.message ?? "") (line \(outcome.error?.line ?? 0))"
            case .error, .limit:
                observed = "error \(outcome.error?.type ?? ""): \(outcome.error?.message ?? "")"
            }
            if observed != recorded[result.id] {
                disagreements.append("\(result.id): recorded \(recorded[result.id] ?? "-"), reference \(observed)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagree, e.g. \(disagreements.prefix(5))")
    }
}
