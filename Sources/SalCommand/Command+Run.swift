import ArgumentParser
import Execution
import Foundation
import ProgramOutcome
import PythonRuntime

/// `sal run FILE`: run one program and print its output and answer. `sal run DIR`: run every corpus
/// program under DIR and check it against its recorded expectation.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a program (or every corpus program under a directory) and print its output and answer."
    )

    @Argument(help: "A Python file, '-' for standard input, or a directory of corpus programs.")
    var paths: [String] = ["Corpus"]

    @Option(help: "Where the answer is: var:NAME, call:NAME or auto.")
    var answer: AnswerSpec?

    @Option(help: "A file run before the program, in the same namespace.")
    var preamble: String?

    @Flag(help: "Check files against their recorded '# expect' outcomes, as for a directory.")
    var checkExpectations = false

    @OptionGroup var limitOptions: LimitOptions

    func run() throws {
        let preambleCode = try preamble.map { path in
            let source = try SourceInput.read(path)
            do throws(ProgramError) { return try Preamble(source: source.text) } catch {
                throw ValidationError("\(path): \(error.message)")
            }
        }
        if !checkExpectations, paths.count == 1, paths[0] == "-" || !isDirectory(paths[0]) {
            let source = try SourceInput.read(paths[0])
            let outcome = Interpreter.run(source: source.text, preamble: preambleCode, answer: answer ?? .auto,
                                          limits: limitOptions.limits)
            FileHandle.standardOutput.write(Data(outcome.stdout.utf8))
            try report(outcome, fileName: source.name)
            return
        }
        try runCorpus(preamble: preambleCode)
    }

    func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    func report(_ outcome: Outcome, fileName: String) throws {
        switch outcome.status {
        case .ok:
            print("answer: \(outcome.answerRepr ?? "") (\(outcome.answerType ?? ""))")
        case .error, .syntax, .limit:
            let e = outcome.error!
            let location = [e.line, e.column].compactMap { $0 }.map(String.init).joined(separator: ":")
            let prefix = location.isEmpty ? fileName : "\(fileName):\(location)"
            FileHandle.standardError.write(Data("\(prefix): \(outcome.status.rawValue): \(e.type): \(e.message)\n".utf8))
            throw ExitCode(1)
        }
    }

    func runCorpus(preamble: Preamble?) throws {
        var files: [String] = []
        for path in paths { files += try Corpus.files(under: path) }
        var passed = 0, failed = 0, unchecked = 0
        for path in files {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let file = try CorpusFile(path: path, text: text)
            let outcome = Interpreter.run(source: file.program, preamble: preamble, answer: answer ?? file.answer,
                                          limits: limitOptions.isDefault ? Corpus.limits : limitOptions.limits)
            guard let expectation = file.expectation else {
                unchecked += 1
                print("NONE \(path): \(outcome.status.rawValue) \(outcome.answerRepr ?? outcome.error.map { "\($0.type): \($0.message)" } ?? "")")
                continue
            }
            let differences = expectation.differences(from: outcome)
            if differences.isEmpty {
                passed += 1
                print("PASS \(path)")
            } else {
                failed += 1
                print("FAIL \(path)")
                for d in differences { print("     \(d)") }
            }
        }
        print("\(passed) passed, \(failed) failed" + (unchecked > 0 ? ", \(unchecked) without expectations" : ""))
        if failed > 0 { throw ExitCode(1) }
    }
}
