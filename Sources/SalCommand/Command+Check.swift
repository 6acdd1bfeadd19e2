import ArgumentParser
import Foundation
import PythonRuntime
import PythonSyntax

/// `sal check FILE...`: parse and compile only; print each diagnostic as `file:line:col` with a caret.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and compile programs without running them; print diagnostics."
    )

    @ArgumentParser.Argument(help: "Python files to check ('-' reads standard input).")
    var files: [String]

    func run() throws {
        var failures = 0
        for file in files {
            let source = try SourceInput.read(file)
            do throws(ProgramError) {
                _ = try CompiledProgram(source: source.text)
            } catch {
                failures += 1
                print(render(error, source: source.text, fileName: source.name))
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    func render(_ error: ProgramError, source: String, fileName: String) -> String {
        if case .syntax(let d) = error { return d.rendered(source: source, fileName: fileName) }
        let location = error.range.start
        var text = "\(fileName):\(location.line):\(location.column): error[\(error.id)]: \(error.message)"
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        if location.line >= 1, Int(location.line) <= lines.count {
            let line = lines[Int(location.line) - 1]
            text += "\n    \(line)\n    " + String(repeating: " ", count: max(0, Int(location.column) - 1)) + "^"
        }
        return text
    }
}

/// A program read from a file or standard input.
struct SourceInput {
    var name: String
    var text: String

    static func read(_ path: String) throws -> SourceInput {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return SourceInput(name: "<stdin>", text: String(decoding: data, as: UTF8.self))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        return SourceInput(name: path, text: String(decoding: data, as: UTF8.self))
    }
}
