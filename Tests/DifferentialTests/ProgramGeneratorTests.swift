@testable import Differential
import ProgramOutcome
import PythonRuntime
import PythonSyntax
import Reference
import Testing

/// The generator: reproducible, and its programs are valid, terminating Python.
struct ProgramGeneratorTests {
    @Test func theSameSeedGivesTheSamePrograms() {
        let first = ProgramGenerator(seed: 42), second = ProgramGenerator(seed: 42)
        for index in [0, 1, 7, 500] {
            #expect(first.program(index).source == second.program(index).source)
        }
        // Program 7 does not depend on generating programs 0...6 first.
        #expect(ProgramGenerator(seed: 42).program(7).source == first.program(7).source)
    }

    @Test func differentSeedsAndIndicesGiveDifferentPrograms() {
        let sources = Set((0..<50).map { ProgramGenerator(seed: 9).program($0).source })
        #expect(sources.count == 50)
        #expect(ProgramGenerator(seed: 1).program(0).source != ProgramGenerator(seed: 2).program(0).source)
    }

    /// Pins the random stream: a change of the PRNG or of its seeding changes these numbers.
    @Test func randomStreamIsPinned() {
        var random = SeededRandom(seed: 1)
        let draws = (0..<4).map { _ in random.int(in: 0...999) }
        var again = SeededRandom(seed: 1)
        #expect(draws == (0..<4).map { _ in again.int(in: 0...999) })
        func first(_ random: SeededRandom) -> UInt64 {
            var copy = random
            return copy.next()
        }
        #expect(first(SeededRandom(seed: 1).fork(3)) == first(SeededRandom(seed: 1).fork(3)))
        #expect(first(SeededRandom(seed: 1).fork(3)) != first(SeededRandom(seed: 1).fork(4)))
        var unit = SeededRandom(seed: 7)
        for _ in 0..<1000 {
            let value = unit.unitInterval()
            #expect(value >= 0 && value < 1)
            #expect((-3...3).contains(unit.int(in: -3...3)))
        }
    }

    /// Every generated program parses and compiles in sal, and the parsed tree renders to text that
    /// parses to the same tree (the shrinker relies on that).
    @Test func generatedProgramsParseAndCompileInSal() throws {
        let generator = ProgramGenerator(seed: 2024)
        for index in 0..<300 {
            let program = generator.program(index)
            let module = try PythonParser.parse(program.source)
            let reparsed = try PythonParser.parse(SourceRenderer.render(module))
            #expect(reparsed.dumped() == module.dumped(), "program \(index) does not round-trip")
            do throws(ProgramError) {
                _ = try CompiledProgram(module: module)
            } catch {
                Issue.record("program \(index) does not compile: \(error.message)\n\(program.source)")
            }
        }
    }

    /// Every generated program compiles in CPython and ends without a limit; most run to the end.
    @Test func generatedProgramsCompileAndTerminateInCPython() {
        if TestSupport.skipWithoutReference() { return }
        let generator = ProgramGenerator(seed: 2025)
        let jobs = (0..<300).map { ReferenceJob(id: String($0), program: generator.program($0).source) }
        let results = ReferenceInterpreter.shared.run(batch: jobs, limits: ReferenceLimits(timeLimit: .seconds(2)))
        var completed = 0
        for result in results {
            #expect(result.outcome.status != .syntax, "program \(result.id): \(result.outcome.error?.message ?? "")")
            #expect(result.outcome.status != .limit, "program \(result.id) did not terminate")
            if result.outcome.status == .ok { completed += 1 }
        }
        #expect(completed >= 270, "only \(completed) of 300 programs ran to their answer")
    }

    /// The generated programs use what solution programs use.
    @Test func programsCoverTheTargetedFeatures() {
        let generator = ProgramGenerator(seed: 77)
        let text = (0..<200).map { generator.program($0).source }.joined(separator: "\n")
        for feature in ["//", "%", "**", "round(", "f\"", "'.format(", "' % ", "try:", "except", "for ", "while ",
                        "def ", "lambda", "sum(", "sorted(", "min(", "max(", "any(", "all(", "nonlocal", "assert ",
                        " for ", "{", "[", ".append(", ".get(", "answer = ", "print(", "import math", "9223372036854775808"] {
            #expect(text.contains(feature), "no generated program contains \(feature)")
        }
    }
}
