import ProgramOutcome

/// Known differences between Debian's CPython 3.11.2 (embedded as the reference) and CPython 3.11.7
/// (`python3` here; sal's target and the corpus's source). Each is recognized narrowly, from both
/// outcomes, so that nothing else is hidden.
enum ReferencePatchLevel {
    static func difference(sal: Outcome, reference: Outcome, program: String?) -> String? {
        guard let salError = sal.error, let referenceError = reference.error else { return nil }
        // 3.11.2's compile() raises ValueError for a NUL byte; 3.11.7 a SyntaxError (gh-96670).
        if reference.status == .error, referenceError.type == "ValueError", sal.status == .syntax,
           referenceError.message == "source code string cannot contain null bytes" {
            return "NUL byte"
        }
        // 3.11.2 reports a number followed by a non-ASCII character as "invalid decimal literal"
        // (or hexadecimal, ...); 3.11.7 tokenizes the number and reports what follows.
        if sal.status == .syntax, reference.status == .syntax, salError.line == referenceError.line,
           referenceError.message.hasPrefix("invalid "), referenceError.message.hasSuffix(" literal"),
           let program, let line = referenceError.line, numberFollowedByNonASCII(onLine: line, of: program) {
            return "number followed by a non-ASCII character"
        }
        return nil
    }

    static func numberFollowedByNonASCII(onLine line: Int, of program: String) -> Bool {
        let lines = program.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return false }
        var previousIsDigit = false
        for scalar in lines[line - 1].unicodeScalars {
            if previousIsDigit && !scalar.isASCII { return true }
            previousIsDigit = ("0"..."9").contains(scalar) || (previousIsDigit && (scalar == "." || scalar == "_"))
        }
        return false
    }
}
