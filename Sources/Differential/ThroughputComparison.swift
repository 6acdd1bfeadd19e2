import Foundation
import ProgramOutcome
import PythonRuntime
import Reference

/// Programs per second of CPython (in process) and of sal over the same programs, one thread each.
///
/// CPython's two columns come from `ReferenceInterpreter.measureThroughput` (compile+exec, and exec
/// of precompiled code, both with a fresh namespace, captured stdout and limits armed); sal's from
/// timing `Interpreter.run` (compile+run) and `Interpreter.run` of a `CompiledProgram` (run only).
/// Preambles are compiled once per distinct text, untimed, in both engines. The trap: a program
/// that loops costs a whole time limit in CPython and a whole step budget in sal.
public struct ThroughputComparison: Sendable {
    public var programs: Int
    public var passes: Int
    public var referenceCompileAndExec: Double
    public var referenceExecPrecompiled: Double
    public var salCompileAndRun: Double
    public var salRunPrecompiled: Double

    public static func measure(_ cases: [DifferentialCase], passes: Int = 1, salLimits: Limits = .default,
                               referenceLimits: ReferenceLimits = .init()) -> ThroughputComparison {
        precondition(passes > 0, "at least one pass is needed")
        var groups: [String: [DifferentialCase]] = [:]
        var order: [String] = []
        for testCase in cases {
            let key = testCase.preamble ?? ""
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(testCase)
        }
        var referenceCompileSeconds = 0.0, referencePrecompiledSeconds = 0.0, precompiledCount = 0
        for key in order {
            let group = groups[key]!
            let figures = ReferenceInterpreter.shared.measureThroughput(
                programs: group.map(\.program), preamble: key.isEmpty ? nil : key, passes: passes, limits: referenceLimits)
            if figures.compileAndExecPerSecond > 0 {
                referenceCompileSeconds += Double(group.count * passes) / figures.compileAndExecPerSecond
            }
            if figures.execPrecompiledPerSecond > 0 {
                referencePrecompiledSeconds += Double(figures.precompiledCount * passes) / figures.execPrecompiledPerSecond
            }
            precompiledCount += figures.precompiledCount
        }

        var preambles = PreambleCache()
        let compiledPreambles: [Preamble?] = cases.map { testCase in
            guard let source = testCase.preamble else { return nil }
            return try? preambles.compiled(source).get()
        }
        let clock = ContinuousClock()
        let salCompile = clock.measure {
            for _ in 0..<passes {
                for (testCase, preamble) in zip(cases, compiledPreambles) {
                    _ = Interpreter.run(source: testCase.program, preamble: preamble, answer: testCase.answer, limits: salLimits)
                }
            }
        }
        let compiled: [(CompiledProgram, AnswerSpec)] = zip(cases, compiledPreambles).compactMap { testCase, preamble in
            guard let program = try? CompiledProgram(source: testCase.program, preamble: preamble) else { return nil }
            return (program, testCase.answer)
        }
        let salRun = clock.measure {
            for _ in 0..<passes {
                for (program, answer) in compiled { _ = Interpreter.run(program, answer: answer, limits: salLimits) }
            }
        }
        func rate(_ count: Int, _ seconds: Double) -> Double { seconds > 0 ? Double(count) / seconds : 0 }
        return ThroughputComparison(
            programs: cases.count, passes: passes,
            referenceCompileAndExec: rate(cases.count * passes, referenceCompileSeconds),
            referenceExecPrecompiled: rate(precompiledCount * passes, referencePrecompiledSeconds),
            salCompileAndRun: rate(cases.count * passes, salCompile.seconds),
            salRunPrecompiled: rate(compiled.count * passes, salRun.seconds))
    }
}
