@testable import PythonSyntax
import Testing

/// Inputs built to break parsers: each must end in a diagnostic or a tree, never a crash or a hang.
struct PathologicalInputTests {
    /// Debug builds use several times the stack per nesting level, so the stack budget refuses sooner there.
    #if DEBUG
    static let acceptedParentheses = 20
    #else
    static let acceptedParentheses = 200
    #endif

    @Test func deepParenthesesHitCPythonsLimit() {
        // CPython accepts 200 nested brackets and rejects the 201st.
        let depth = Self.acceptedParentheses
        let accepted = "x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(TestSupport.diagnostic(accepted) == nil)
        let rejected = "x = " + String(repeating: "[", count: 201) + String(repeating: "]", count: 201)
        let diagnostic = TestSupport.diagnostic(rejected)
        #expect(diagnostic?.id == .tooManyNestedParentheses)
        #expect(diagnostic?.range.start == SourceLocation(line: 1, column: 205))
    }

    @Test func deepButUnbracketedExpressionsWithinTheLimitParse() {
        #expect(TestSupport.diagnostic("x = " + String(repeating: "-", count: 900) + "1") == nil)
        #expect(TestSupport.diagnostic("x = " + String(repeating: "not ", count: 900) + "1") == nil)
    }

    /// Inputs named for readable test output: a 100,000-fold repetition of one construct.
    enum DeepInput: String, CaseIterable, CustomTestStringConvertible {
        case minus = "-", not = "not ", invertPlus = "~+", power = "2**", lambda = "lambda: "
        case conditional = "a if b else ", attribute = ".a", call = "()", index = "[0]"

        var source: String {
            switch self {
            case .attribute, .call, .index: "x = a" + String(repeating: rawValue, count: 100_000)
            default: "x = " + String(repeating: rawValue, count: 100_000) + "c"
            }
        }

        var testDescription: String { "100,000 × \(rawValue)" }
    }

    @Test(arguments: DeepInput.allCases)
    func deepExpressionsWithoutBracketsAreRefused(input: DeepInput) {
        let diagnostic = TestSupport.diagnostic(input.source)
        #expect(diagnostic?.id == .nestingTooDeep)
        #expect(diagnostic?.pythonType == nil)
    }

    @Test func longOperatorChainsAreRefusedNotOverflowed() {
        let million = "x = " + Array(repeating: "a", count: 1_000_000).joined(separator: "+")
        #expect(TestSupport.diagnostic(million)?.id == .nestingTooDeep)
        let fine = "x = " + Array(repeating: "a", count: 500).joined(separator: " + ")
        #expect(TestSupport.diagnostic(fine) == nil)
    }

    @Test func flatButHugeInputsParse() throws {
        let longLine = "x = [" + Array(repeating: "1", count: 200_000).joined(separator: ", ") + "]"
        let module = try PythonParser.parse(longLine)
        guard case .assign(_, let value) = module.body[0].kind, case .list(let elements) = value.kind else {
            Issue.record("expected a list assignment")
            return
        }
        #expect(elements.count == 200_000)
        let manyLines = String(repeating: "total = total + 1  # step\n", count: 100_000)
        #expect(try PythonParser.parse(manyLines).body.count == 100_000)
        let longString = "s = '" + String(repeating: "é", count: 1_000_000) + "'"
        #expect(TestSupport.diagnostic(longString) == nil)
        let longName = String(repeating: "n", count: 100_000) + " = 1"
        #expect(TestSupport.diagnostic(longName) == nil)
    }

    @Test func deepBlocksHitCPythonsIndentationLimit() {
        var source = ""
        for level in 0..<100 { source += String(repeating: " ", count: level) + "if x:\n" }
        source += String(repeating: " ", count: 100) + "pass\n"
        let diagnostic = TestSupport.diagnostic(source)
        #expect(diagnostic?.id == .tooManyIndentationLevels)
        #expect(diagnostic?.pythonType == "IndentationError")
    }

    @Test func nulBytesAreRefusedWhereTheyAre() {
        let diagnostic = TestSupport.diagnostic("x = 1\ny = 'a\u{0}b'\n")
        #expect(diagnostic?.id == .nullByte)
        #expect(diagnostic?.message == "source code string cannot contain null bytes")
        #expect(diagnostic?.range.start == SourceLocation(line: 2, column: 7))
    }

    @Test func invalidUTF8IsADiagnostic() {
        func diagnostic(_ bytes: [UInt8]) -> Diagnostic? {
            do {
                _ = try PythonParser.parse(bytes: bytes)
                return nil
            } catch {
                return error
            }
        }
        let invalidStart = diagnostic(Array("x = \"".utf8) + [0xFF] + Array("\"\n".utf8))
        #expect(invalidStart?.id == .invalidUTF8)
        #expect(invalidStart?.message == "(unicode error) 'utf-8' codec can't decode byte 0xff: invalid start byte")
        #expect(invalidStart?.range.start == SourceLocation(line: 1, column: 6))
        #expect(diagnostic(Array("x = 1\ny = ".utf8) + [0xE2, 0x80])?.message.hasSuffix("unexpected end of data") == true)
        #expect(diagnostic([0xC0, 0x80])?.id == .invalidUTF8)
        #expect(diagnostic([0xED, 0xA0, 0x80])?.id == .invalidUTF8)
        #expect(diagnostic(Array("x = 'é'\n".utf8)) == nil)
    }

    @Test func unterminatedStringsAnywhere() {
        #expect(TestSupport.diagnostic("x = '" + String(repeating: "a", count: 100_000))?.id == .unterminatedString)
        #expect(TestSupport.diagnostic("x = '''" + String(repeating: "a\n", count: 10_000))?.message
                == "unterminated triple-quoted string literal (detected at line 10000)")
        #expect(TestSupport.diagnostic("x = f'{'")?.id == .formattedStringExpectingBrace)
    }

    @Test func tabsAndSpaces() {
        let inconsistent = TestSupport.diagnostic("if x:\n\ty = 1\n        z = 2\n")
        #expect(inconsistent?.id == .inconsistentTabs)
        #expect(inconsistent?.pythonType == "TabError")
        #expect(inconsistent?.message == "inconsistent use of tabs and spaces in indentation")
        #expect(inconsistent?.range.start == SourceLocation(line: 3, column: 1))
        // A tab and eight spaces are the same column and consistent in the same line prefix.
        #expect(TestSupport.diagnostic("if x:\n\ty = 1\n\tz = 2\n") == nil)
        #expect(TestSupport.diagnostic("if x:\n    \ty = 1\n    \tz = 2\n") == nil)
    }

    @Test func nonPrintableCharacters() {
        let diagnostic = TestSupport.diagnostic("x = 1\u{00A0}+ 2")
        #expect(diagnostic?.id == .invalidNonPrintableCharacter)
        #expect(diagnostic?.message == "invalid non-printable character U+00A0")
        #expect(diagnostic?.range.start == SourceLocation(line: 1, column: 6))
    }

    @Test func unclosedBracketAndBadDedent() {
        #expect(TestSupport.diagnostic("def f():\n    x = (1 +\n 2 +\n")?.id == .neverClosed)
        #expect(TestSupport.diagnostic("if x:\n    pass\n  else:\n    pass\n")?.id == .unindentMismatch)
    }

    @Test func errorMessageSearchesStayBounded() {
        // Each of these makes the search for CPython's refined messages recurse or repeat per token.
        let printChain = "x = " + String(repeating: "print ", count: 100_000) + "1"
        #expect(TestSupport.diagnostic(printChain)?.id == .nestingTooDeep)
        let prose = (0..<3_000).map { "The answer is \($0) if we add \($0) apples" }.joined(separator: "\n")
        #expect(TestSupport.diagnostic(prose)?.id == .expectedElse)
        let juxtaposed = "x = [" + (0..<20_000).map { "a\($0)" }.joined(separator: " ") + "]"
        #expect(TestSupport.diagnostic(juxtaposed)?.id == .missingComma)
    }

    @Test func randomGarbageNeverCrashes() {
        var generator = SplitMix64(seed: 20251122)
        let alphabet = Array("x1_.,:;=+-*/%()[]{}'\"\\#\n\t    ifelsefornotinlambdadefreturnf'{}'é€\r")
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 120) {
                text.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
            }
            _ = TestSupport.diagnostic(text)
        }
    }
}

/// A small deterministic generator, so the garbage test is reproducible.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The error-message search backtracks; its work has a budget shared by `speculate` and `attempt`.
struct BacktrackingBudgetTests {
    @Test func anAttemptPastTheBudgetFailsWithoutRunningItsBody() {
        var source = Array("x = f(a[1 +])\n".utf8)
        source.withUnsafeMutableBufferPointer { text in
            let bytes = UnsafeBufferPointer(text)
            var lexer = Lexer(text: bytes, end: bytes.count)
            lexer.tokenize()
            lexer.tokens.withUnsafeBufferPointer { tokens in
                var parser = Parser(text: bytes, tokens: tokens, context: ParseContext())
                parser.backtracking = true
                var ran = false
                let first = try? parser.attempt { (p: inout Parser) throws(Diagnostic) -> Int in
                    ran = true
                    p.advance()
                    return 1
                }
                #expect(first == 1 && ran)
                #expect(parser.speculationWork == 2, "an attempt that read one token is charged for it")
                parser.speculationWork = parser.speculationBudget
                ran = false
                let second = try? parser.attempt { (_: inout Parser) throws(Diagnostic) -> Int in
                    ran = true
                    return 2
                }
                #expect(second == nil && !ran)
            }
        }
    }
}
