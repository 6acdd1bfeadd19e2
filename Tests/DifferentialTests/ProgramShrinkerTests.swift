@testable import Differential
import ProgramOutcome
import PythonRuntime
import PythonSyntax
import Testing

/// The shrinker keeps the property and removes everything else.
struct ProgramShrinkerTests {
    /// A generated program with `lines` spliced into the middle of its top level.
    static func program(seed: UInt64, splicing lines: String) -> String {
        let generated = ProgramGenerator(seed: seed).program(3)
        var body = generated.module.body
        let spliced = (try? PythonParser.parse(lines).body) ?? []
        body.insert(contentsOf: spliced, at: body.count / 2)
        return SourceRenderer.render(Module(body: body))
    }

    @Test func treeShrinkingKeepsOnlyWhatThePropertyNeeds() {
        let source = Self.program(seed: 5, splicing: "marker = 6 * 7\nprint('found', marker)\n")
        let shrinker = ProgramShrinker(budget: 3000)
        let result = shrinker.shrink(source) { text in
            Interpreter.run(source: text).stdout.contains("found 42")
        }
        #expect(result.method == .syntaxTree)
        #expect(Interpreter.run(source: result.source).stdout.contains("found 42"))
        #expect(result.source.split(separator: "\n").count <= 2, "shrunk to:\n\(result.source)")
        #expect(result.evaluations <= 3000)
    }

    @Test func expressionsAreSimplified() {
        let source = "x = (3 + 4) * (10 - 8) + len([1, 2, 3])\nprint(x % 5 == 2, [x, x * 2, 'pad'])\n"
        let result = ProgramShrinker().shrink(source) { text in
            Interpreter.run(source: text).stdout.hasPrefix("True")
        }
        #expect(result.source.split(separator: "\n").count == 2, "shrunk to:\n\(result.source)")
        #expect(!result.source.contains("pad"), "the list argument is not needed:\n\(result.source)")
    }

    @Test func textSalCannotParseShrinksByLines() {
        let source = "a = 1\nb = 2\nclass C:\n    pass\nc = 3\nd = 4\n"
        let result = ProgramShrinker().shrink(source) { $0.contains("class C") }
        #expect(result.method == .lines)
        #expect(result.source == "class C:\n")
    }

    @Test func theBudgetIsRespected() {
        let source = Self.program(seed: 6, splicing: "print(1)\n")
        var calls = 0
        let result = ProgramShrinker(budget: 25).shrink(source) { _ in
            calls += 1
            return false
        }
        #expect(calls <= 25)
        #expect(result.evaluations == calls)
    }

    /// A real divergence (sal treats equal ints as identical, CPython does not; a documented design
    /// difference) buried in a generated program shrinks to the statements that show it.
    @Test func aKnownDivergenceShrinks() throws {
        if TestSupport.skipWithoutReference() { return }
        let source = Self.program(seed: 8, splicing: """
            count_a = int('300')
            count_b = int('300')
            print('same object:', count_a is count_b)
            """)
        let runner = DifferentialRunner.fuzzing
        let result = runner.run(DifferentialCase(id: "is", program: source))
        let divergence = try #require(result.divergence, "expected sal and CPython to differ on `is`")
        #expect(divergence.kind.field == .stdout)
        let shrunk = try #require(runner.shrink(result, budget: 2000))
        let lines = shrunk.shrunk.testCase.program.split(separator: "\n")
        #expect(lines.count <= 5, "shrunk to:\n\(shrunk.shrunk.testCase.program)")
        #expect(lines.count < source.split(separator: "\n").count)
        #expect(shrunk.shrunk.divergence?.kind == divergence.kind)
        #expect(shrunk.shrunk.testCase.program.contains(" is "))
    }
}
