import ProgramOutcome
import PythonRuntime
import PythonSyntax

/// What one fuzzing input goes through: everything `sal check` and `sal run` do with an untrusted
/// program, under small limits, with the helper calls answered so that pausing and resuming run too.
///
/// Returning normally means sal behaved: the input either compiled or produced a diagnostic whose
/// range lies inside the text, and the run ended with an outcome. A Swift trap (overflow, index out of
/// range, precondition) or a host-stack overflow is the bug being hunted; libFuzzer records the input.
/// The trap: every check here must be cheap, or libFuzzer's executions per second collapse.
enum ProgramExercise {
    /// Tight enough for thousands of executions per second, loose enough to reach loops and recursion.
    static let limits: Limits = {
        var limits = Limits()
        limits.maxSteps = 20_000
        limits.maxMemoryBytes = 16 << 20
        limits.maxRecursionDepth = 200
        limits.maxSeconds = 2
        limits.maxOutputBytes = 64 << 10
        limits.maxHostCalls = 20
        return limits
    }()

    static let hostFunctions: Set<String> = ["ask_llm", "lookup", "compare"]

    /// Answers given to paused helper calls, in turn, so that every JSON kind reaches the program.
    static let hostAnswers: [JSONValue] = [.bool(true), .int(12), .string("Paris"), .double(2.5), .null]

    static func exercise(_ bytes: UnsafeRawBufferPointer) {
        let source = String(decoding: bytes, as: UTF8.self)
        let program: CompiledProgram
        do {
            program = try CompiledProgram(source: source)
        } catch {
            check(error, in: source)
            return
        }
        let run = ProgramRun(program, limits: limits, hostFunctions: hostFunctions)
        var step = run.start()
        var answered = 0
        while case .paused = step {
            if answered % 7 == 6 {
                step = run.resume(raising: "ValueError", message: "no answer")
            } else {
                step = run.resume(returning: hostAnswers[answered % hostAnswers.count])
            }
            answered += 1
        }
    }

    /// A diagnostic must point into the program: a line that exists (or the one just past the end, for
    /// an unexpected end of input), a column of at least 0, and an end no earlier than its start. Columns
    /// are 1-based, but CPython reports offset 0 for an indent carried over by a backslash continuation
    /// (`"  \\\nx"`: unexpected indent at line 2, offset 0), and sal reports what CPython does.
    static func check(_ error: ProgramError, in source: String) {
        let range = error.range
        let lineCount = universalLineCount(source)
        require(range.start.line >= 1 && Int(range.start.line) <= lineCount + 1,
                "diagnostic \(error.id) at line \(range.start.line) of \(lineCount)")
        require(range.start.column >= 0, "diagnostic \(error.id) at column \(range.start.column)")
        require(range.end >= range.start, "diagnostic \(error.id) ends before it starts: \(range)")
        if case .syntax(let diagnostic) = error {
            _ = diagnostic.rendered(source: source, fileName: "<fuzz>")
        }
    }

    /// Lines as Python's tokenizer counts them: `\n`, `\r\n` and a lone `\r` each end one.
    static func universalLineCount(_ source: String) -> Int {
        var count = 1
        var previous: UInt8 = 0
        for byte in source.utf8 {
            if byte == UInt8(ascii: "\r") || (byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r")) {
                count += 1
            }
            previous = byte
        }
        return count
    }

    /// `precondition` drops its message in release builds; a fuzzing finding needs it.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError(message()) }
    }
}
