import Execution
import ProgramOutcome
import Verifier

/// What one fuzzing input goes through: the JSON reader every command uses, a `sal exec` input line, and
/// `sal verify`'s input assembly, with the promises each makes about bad input checked.
///
/// - JSON: text that parses must serialize to text that parses back to an equal value, and serializing
///   that again must give the same text (the writer's output is the reader's input in every store).
/// - `sal exec`: every line gives a request or an `InvalidInput` naming its line; never a trap.
/// - `sal verify`: every non-blank line is either used or reported: problems name lines that exist, and a
///   line that is not a JSON object is always a problem. The trap: a verify input is a whole file, so one
///   fuzzing input is read both as one line and, split at its newlines, as a file.
enum InputExercise {
    static func exercise(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        checkJSONRoundTrip(text)
        // Lines end at each "\n" byte, as the readers split them (a String split would keep "\r\n" whole).
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let lineCount = lines.count
        for (index, line) in lines.enumerated() {
            _ = ExecRequest.parse(line: String(decoding: line, as: UTF8.self), lineNumber: index + 1, defaultAnswer: .auto)
        }
        let input = VerifyInput.read(jsonl: text)
        for problem in input.problems {
            require(problem.line >= 1 && problem.line <= lineCount, "problem at line \(problem.line) of \(lineCount)")
        }
        for question in input.questions {
            require(question.line >= 1 && question.line <= lineCount, "question at line \(question.line) of \(lineCount)")
        }
    }

    static func checkJSONRoundTrip(_ text: String) {
        guard let value = try? JSONValue.parse(text) else { return }
        let written = value.serialized
        guard let reread = try? JSONValue.parse(written) else {
            fatalError("serialized JSON does not parse: \(written.prefix(200))")
        }
        require(reread == value, "JSON changed in a round trip: \(written.prefix(200))")
        require(reread.serialized == written, "serializing is not stable: \(written.prefix(200))")
    }

    /// `precondition` drops its message in release builds; a fuzzing finding needs it.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError(message()) }
    }
}
