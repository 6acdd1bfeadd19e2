import Differential
import Execution
import Foundation
import Testing

/// The whole corpus, run in sal and in the embedded CPython: every file CPython can run must agree.
@Suite("Corpus against CPython")
struct CorpusDifferentialTests {
    /// Files where sal is known to differ from CPython, with the difference; each is a bug to fix
    /// (remove the entry when it is fixed: the test then checks that the file agrees).
    static let knownDivergences: [String: String] = [:]

    @Test func everyCorpusFileAgreesWithCPython() throws {
        if TestSupport.skipWithoutReference() { return }
        let cases = try ProgramSources.cases(at: TestSupport.corpus.path)
        #expect(cases.count > 300)
        let results = DifferentialRunner().run(cases)
        var summary = DiffSummary()
        var unexpected: [String] = []
        var fixed: [String] = []
        for result in results {
            summary.record(result.verdict)
            let relative = result.testCase.id.range(of: "/Corpus/").map { String(result.testCase.id[$0.upperBound...]) } ?? result.testCase.id
            let known = Self.knownDivergences[relative] != nil
            if let divergence = result.divergence, !known {
                unexpected.append("\(relative): \(divergence.kind)\n    " + Reproduction.summary(divergence).joined(separator: "\n    "))
            } else if result.divergence == nil, known {
                fixed.append(relative)
            }
        }
        print("Corpus against CPython: \(summary.line)")
        #expect(unexpected.isEmpty, Comment(rawValue: unexpected.joined(separator: "\n")))
        #expect(fixed.isEmpty, "now agree with CPython; remove from knownDivergences: \(fixed)")
        #expect((summary.skipped["sal-only"] ?? 0) > 20, "the limit and sandbox files are sal-only")
    }
}
