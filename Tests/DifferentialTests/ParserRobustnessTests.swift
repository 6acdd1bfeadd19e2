import Differential
import Foundation
import ProgramOutcome
import PythonRuntime
import PythonSyntax
import Testing

/// Pathological programs through `sal check`'s path (parse and compile), each also run against
/// CPython: sal must neither crash nor hang, and must report what CPython reports.
///
/// The parser's own tests (Tests/PythonSyntaxTests/PathologicalInputTests) check its diagnostics
/// in isolation; these check the compiler on the same kinds of input and compare with CPython.
struct ParserRobustnessTests {
    /// Debug builds use several times the stack per nesting level; the parser's budget refuses sooner.
    #if DEBUG
    static let depth = 15
    #else
    static let depth = 150
    #endif

    struct Input: CustomTestStringConvertible, Sendable {
        var name: String
        var source: String
        var testDescription: String { name }
    }

    static func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }

    static let inputs: [Input] = {
        var nestedIfs = ""
        for level in 0..<60 { nestedIfs += repeated("  ", level) + "if True:\n" }
        nestedIfs += repeated("  ", 60) + "answer = 1\n"
        var nestedFunctions = ""
        for level in 0..<20 { nestedFunctions += repeated(" ", level) + "def f\(level)():\n" }
        nestedFunctions += repeated(" ", 20) + "return 1\n"
        var elifs = "x = 7\nif x == 0:\n    answer = 0\n"
        for value in 1..<2000 { elifs += "elif x == \(value):\n    answer = \(value)\n" }
        return [
            Input(name: "nested lists", source: "answer = " + repeated("[", depth) + repeated("]", depth) + "\n"),
            Input(name: "nested calls", source: "answer = " + repeated("abs(", depth) + "-1" + repeated(")", depth) + "\n"),
            Input(name: "nested lambdas", source: "answer = " + repeated("(lambda: ", depth) + "1" + repeated(")()", depth) + "\n"),
            Input(name: "nested comprehensions", source: "answer = " + repeated("[", depth) + "1" + repeated(" for _ in [0]]", depth) + "\n"),
            Input(name: "60 nested blocks", source: nestedIfs),
            Input(name: "20 nested functions", source: nestedFunctions + "answer = f0\n"),
            Input(name: "2,000 elifs", source: elifs),
            Input(name: "20,000 statements", source: "t = 0\n" + repeated("t = t + 1\n", 20_000) + "answer = t\n"),
            Input(name: "one 3,000-term sum", source: "answer = " + Array(repeating: "1", count: 3000).joined(separator: " + ") + "\n"),
            Input(name: "1 MB string", source: "answer = len('" + repeated("ab", 500_000) + "')\n"),
            Input(name: "300 chained comparisons", source: "answer = " + Array(repeating: "1", count: 300).joined(separator: " < ") + "\n"),
            Input(name: "4,300-digit literal", source: "answer = " + repeated("7", 4300) + " % 1000\n"),
            Input(name: "4,301-digit literal", source: "answer = " + repeated("7", 4301) + "\n"),
            Input(name: "unterminated string", source: "x = 1\nanswer = 'abc\n"),
            Input(name: "unterminated triple-quoted string", source: "answer = \"\"\"abc\n" + repeated("line\n", 50)),
            Input(name: "unterminated f-string field", source: "answer = f'{1 + '\n"),
            Input(name: "unclosed bracket at end", source: "answer = [1, 2,\n"),
            Input(name: "tab then spaces", source: "if True:\n\tx = 1\n        answer = 2\n"),
            Input(name: "inconsistent dedent", source: "if True:\n    x = 1\n  answer = 2\n"),
            Input(name: "indented first line", source: "  answer = 1\n"),
            Input(name: "backslash at end of file", source: "answer = 1 + \\"),
            Input(name: "indent carried by a backslash continuation", source: "  \\\nanswer = 1\n"),
            Input(name: "CRLF line endings", source: "x = 1\r\nif x:\r\n    answer = 2\r\n"),
            Input(name: "lone CR line endings", source: "x = 1\rif x:\r    answer = 3\r"),
            Input(name: "form feed before indentation", source: "if True:\n\u{0C}    answer = 4\n"),
            Input(name: "byte order mark", source: "\u{FEFF}answer = 5\n"),
            Input(name: "only a comment", source: "# nothing here"),
            Input(name: "empty program", source: ""),
            Input(name: "NUL byte", source: "answer = 1\u{0}\n"),
            Input(name: "non-breaking space", source: "answer = 1\u{A0}+ 1\n"),
            Input(name: "too many parentheses", source: "answer = " + repeated("(", 201) + "1" + repeated(")", 201) + "\n"),
            Input(name: "too deep indentation", source: (0..<101).map { repeated(" ", $0) + "if True:\n" }.joined() + repeated(" ", 101) + "pass\n"),
            Input(name: "invalid escape sequence", source: "answer = len('\\d\\w')\n"),
            Input(name: "walrus at statement level", source: "x := 1\n"),
            Input(name: "return outside function", source: "return 1\n"),
            Input(name: "assignment to literal", source: "1 = x\n"),
            Input(name: "keyword as name", source: "class = 3\n"),
            // Each level once cost the error-message search about 1.6 times the level inside it.
            Input(name: "nested calls and subscripts around an error",
                  source: "answer = " + repeated("f(a[", depth / 2) + "1 +" + repeated("])", depth / 2) + "\n"),
            Input(name: "unclosed calls and subscripts over many lines",
                  source: repeated("print(t(a[# comment\n", depth / 3)),
        ]
    }()

    /// Inputs where sal is known to differ from CPython: bugs to fix (remove the entry when fixed).
    static let knownDivergences: [String: String] = [:]

    @Test(arguments: inputs)
    func pathologicalInputAgreesWithCPython(_ input: Input) {
        // `sal check`: parse and compile only.
        let checked: ProgramError?
        do throws(ProgramError) {
            _ = try CompiledProgram(source: input.source)
            checked = nil
        } catch {
            checked = error
        }
        if TestSupport.skipWithoutReference() { return }
        let result = DifferentialRunner.fuzzing.run(DifferentialCase(id: input.name, program: input.source))
        if Self.knownDivergences[input.name] != nil {
            #expect(result.divergence != nil, "\(input.name) now agrees with CPython: remove it from knownDivergences")
            return
        }
        if let divergence = result.divergence {
            Issue.record(Comment(rawValue: "\(input.name): \(divergence.kind)\n" + Reproduction.summary(divergence).joined(separator: "\n")))
        }
        if result.reference?.status == .syntax {
            #expect(checked != nil, "CPython rejects \(input.name) but `sal check` accepts it")
        }
    }

    /// Parser messages known to differ from CPython's (sal's, CPython's): bugs found by `sal fuzz
    /// --mutate`, with their shrunk programs in the module's report. Remove an entry when fixed.
    static let knownMessageDivergences: [(sal: String, cpython: String)] = [
        ("Generator expression must be parenthesized", "invalid syntax"),
        ("invalid syntax", "invalid syntax. Perhaps you forgot a comma?"),
        ("list_sort_() got an unexpected keyword argument", "is an invalid keyword argument for sort()"),
    ]

    /// Generated programs with random damage: sal must reject what CPython rejects, with the same
    /// error class, message and line, and run what CPython runs.
    @Test func damagedProgramsGetCPythonsErrors() throws {
        if TestSupport.skipWithoutReference() { return }
        let campaign = FuzzCampaign(seed: 404, count: 400, shrinkBudget: 0, reproductionsPerKind: 0, mutate: true)
        let report = try campaign.run()
        let syntaxErrors = report.referenceOutcomes.filter { $0.key.hasPrefix("syntax") }.values.reduce(0, +)
        #expect(syntaxErrors > 150, "most damaged programs should not compile")
        var unexplained: [String] = []
        for finding in report.findings {
            guard let divergence = finding.original.divergence else { continue }
            let known = divergence.differences.contains { difference in
                difference.field == .errorMessage && Self.knownMessageDivergences.contains {
                    difference.sal.contains($0.sal) && difference.reference.contains($0.cpython)
                }
            }
            if !known {
                unexplained.append("program \(finding.index): \(divergence.kind)\n    "
                                   + Reproduction.summary(divergence).joined(separator: "\n    ")
                                   + "\n" + finding.original.testCase.program)
            }
        }
        #expect(unexplained.isEmpty, Comment(rawValue: unexplained.joined(separator: "\n\n")))
    }

    /// Random byte damage: `parse(bytes:)` reports invalid UTF-8 exactly when the bytes are not UTF-8,
    /// and never crashes.
    @Test func damagedBytesNeverCrashTheParser() {
        var random = SeededRandom(seed: 99)
        let generator = ProgramGenerator(seed: 99)
        for index in 0..<200 {
            var bytes = Array(generator.program(index).source.utf8)
            for _ in 0..<random.int(in: 1...4) {
                let position = random.int(in: 0..<bytes.count)
                bytes[position] = random.pick([0x80, 0xC0, 0xE2, 0xED, 0xF0, 0xFF, UInt8(random.int(in: 0...255))])
            }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            do {
                _ = try PythonParser.parse(bytes: bytes)
                #expect(valid, "program \(index): invalid UTF-8 was accepted")
            } catch {
                #expect(valid == (error.id != .invalidUTF8), "program \(index): \(error.message)")
            }
        }
    }
}
