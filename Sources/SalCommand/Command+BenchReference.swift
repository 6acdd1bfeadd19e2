import ArgumentParser
import Differential
import Foundation
import ProgramOutcome
import Reference

/// `sal bench-reference --in programs.jsonl`: CPython's and sal's programs/s over the same programs,
/// measured in this process, one thread each.
struct BenchReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-reference",
        abstract: "Programs/s of the embedded CPython (compile+exec, exec of precompiled) next to sal's.",
        discussion: "Single-threaded in both engines; preambles are compiled once, untimed."
    )

    @Option(name: .customLong("in"), help: "Input JSONL: {\"id\", \"program\", \"answer\"?, \"preamble\"?} lines.")
    var input: String

    @Option(help: "Passes over the programs in each mode.")
    var passes = 1

    @Option(help: "Use only the first N programs.")
    var limit: Int?

    @Option(help: "Answer location for lines without one.")
    var answer: AnswerSpec = .auto

    @Flag(help: "Print one JSON object (programs/s per mode and the sal/CPython ratios) instead of a table.")
    var json = false

    @OptionGroup var referenceOptions: ReferenceOptions
    @OptionGroup var limitOptions: LimitOptions

    func run() throws {
        var cases = try ProgramSources.jsonLines(at: input, defaultAnswer: answer)
        if let limit { cases = Array(cases.prefix(limit)) }
        try referenceOptions.configure(announce: !json)
        let figures = ThroughputComparison.measure(cases, passes: passes, salLimits: limitOptions.limits,
                                                   referenceLimits: referenceOptions.limits())
        if json {
            let object: JSONValue = .object([
                ("programs", .int(figures.programs)), ("passes", .int(figures.passes)),
                ("cpython", .string(ReferenceInterpreter.shared.version.split(separator: "\n").joined(separator: " "))),
                ("cpython_compile_exec_programs_per_second", .double(figures.referenceCompileAndExec.rounded())),
                ("cpython_exec_precompiled_programs_per_second", .double(figures.referenceExecPrecompiled.rounded())),
                ("sal_compile_run_programs_per_second", .double(figures.salCompileAndRun.rounded())),
                ("sal_run_precompiled_programs_per_second", .double(figures.salRunPrecompiled.rounded())),
                ("ratio_compile_and_run", .double(Self.ratio(figures.salCompileAndRun, figures.referenceCompileAndExec))),
                ("ratio_precompiled", .double(Self.ratio(figures.salRunPrecompiled, figures.referenceExecPrecompiled))),
            ])
            print(object.serialized)
            return
        }
        print("\(figures.programs) programs × \(figures.passes) passes, one thread per engine")
        print(String(format: "  CPython compile+exec        %10.0f programs/s", figures.referenceCompileAndExec))
        print(String(format: "  CPython exec of precompiled %10.0f programs/s", figures.referenceExecPrecompiled))
        print(String(format: "  sal compile+run             %10.0f programs/s", figures.salCompileAndRun))
        print(String(format: "  sal run of precompiled      %10.0f programs/s", figures.salRunPrecompiled))
    }

    /// sal's rate over CPython's, to two decimals.
    private static func ratio(_ sal: Double, _ reference: Double) -> Double {
        reference > 0 ? (sal / reference * 100).rounded() / 100 : 0
    }
}
