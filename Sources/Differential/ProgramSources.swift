import Execution
import Foundation
import ProgramOutcome

/// The programs `sal diff` reads: a corpus file, a directory of them, or a JSONL file of
/// `{"id", "program", "answer"?, "preamble"?}` lines (the input of `sal exec`).
public enum ProgramSources {
    public static func cases(at path: String, defaultAnswer: AnswerSpec = .auto) throws -> [DifferentialCase] {
        if path.hasSuffix(".jsonl") { return try jsonLines(at: path, defaultAnswer: defaultAnswer) }
        return try Corpus.files(under: path).map { file in
            let corpusFile = try CorpusFile(path: file, text: try String(contentsOfFile: file, encoding: .utf8))
            return DifferentialCase(id: file, program: corpusFile.program, answer: corpusFile.answer,
                                    salOnlyReason: corpusFile.salOnlyReason)
        }
    }

    /// One case per line; a malformed line is an error that names it.
    public static func jsonLines(at path: String, defaultAnswer: AnswerSpec) throws -> [DifferentialCase] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProgramSourceError(path: path, message: "cannot read")
        }
        var cases: [DifferentialCase] = []
        let text = String(decoding: data, as: UTF8.self)
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            switch ExecRequest.parse(line: String(line), lineNumber: offset + 1, defaultAnswer: defaultAnswer) {
            case .success(let request):
                let id = request.id.stringValue ?? request.id.serialized
                cases.append(DifferentialCase(id: id, program: request.program, answer: request.answer, preamble: request.preamble))
            case .failure(let invalid):
                throw ProgramSourceError(path: path, message: invalid.message)
            }
        }
        return cases
    }
}

/// A program source that cannot be read.
public struct ProgramSourceError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
