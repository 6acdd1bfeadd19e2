import Execution
import Foundation
import ProgramOutcome
import PythonRuntime
import Testing

/// Every corpus program must produce exactly the outcome recorded in its expectation comments.
@Suite("Corpus")
struct CorpusTests {
    static let files: [String] = (try? Corpus.files(under: TestPaths.corpus.path)) ?? []

    @Test("corpus file", arguments: files)
    func corpusFile(_ path: String) throws {
        let file = try CorpusFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
        guard let expectation = file.expectation else {
            // Files without expectations (host-function programs) must still compile.
            _ = try CompiledProgram(source: file.program)
            return
        }
        let outcome = Interpreter.run(source: file.program, answer: file.answer, limits: Corpus.limits)
        let differences = expectation.differences(from: outcome)
        #expect(differences.isEmpty, Comment(rawValue: "\(path):\n" + differences.joined(separator: "\n")))
    }

    @Test func corpusIsNotEmpty() {
        #expect(Self.files.count > 50, "Corpus/ should hold the feature programs")
    }

    @Test func expectationsRoundTrip() throws {
        let expectation = CorpusExpectation(status: .error, stdout: "a\n\"b\"", errorType: "ValueError",
                                            errorMessage: "bad \"x\"", errorLine: 3)
        let file = try CorpusFile(path: "t.py", text: "x = 1\n")
        let reparsed = try CorpusFile(path: "t.py", text: file.rendered(with: expectation))
        #expect(reparsed.expectation == expectation)
        #expect(reparsed.program == "x = 1\n")
    }
}
