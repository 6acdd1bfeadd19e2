import ArgumentParser
import Differential
import Foundation
import Reference

/// `sal fuzz --seed S --count N [--out DIR]`: generated programs, run differentially.
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Generate programs, run them in sal and CPython, shrink and save every divergence.",
        discussion: """
        Program N of seed S is always the same program (--print shows them). Each divergence is shrunk \
        and, with --out, written as DIR/fuzz-<seed>-<N>.py in corpus format with CPython's expectation. \
        Exit status 1 if anything diverged.
        """
    )

    @Option(help: "Seed of the program generator.")
    var seed: UInt64 = 1

    @Option(help: "Programs to generate.")
    var count = 1000

    @Option(help: "Index of the first program.")
    var start = 0

    @Option(help: "Directory for reproduction files.")
    var out: String?

    @Option(help: "Candidate programs the shrinker may try per divergence.")
    var shrinkBudget = 1500

    @Option(help: "Divergences of one kind to shrink and write (the rest are counted).")
    var perKind = 3

    @Flag(help: "Damage each program with random character and line edits (tests syntax errors).")
    var mutate = false

    @Flag(help: "Print the generated programs instead of running them.")
    var print = false

    @Flag(help: "Run sal in this process (faster; a crash of sal ends the campaign) instead of a worker process.")
    var inProcess = false

    @OptionGroup var referenceOptions: ReferenceOptions

    func run() throws {
        let salLimits = DifferentialRunner.fuzzing.salLimits
        let runner = DifferentialRunner(salLimits: salLimits, referenceLimits: referenceOptions.limits(defaultSeconds: 2),
                                        salWorker: inProcess ? nil : SalWorker.forThisExecutable(limits: salLimits))
        let campaign = FuzzCampaign(seed: seed, count: count, start: start, runner: runner, shrinkBudget: shrinkBudget,
                                    reproductionsPerKind: perKind, outputDirectory: out, mutate: mutate)
        if print {
            for index in start..<(start + count) {
                Swift.print("# fuzz-\(seed)-\(index)\n" + campaign.source(campaign.generator.program(index)))
            }
            return
        }
        try referenceOptions.configure()
        var reported = 0
        var lastProgress = 0.0
        let report = try campaign.run { report in
            while reported < report.findings.count {
                show(report.findings[reported])
                reported += 1
            }
            if report.seconds - lastProgress >= 10 {
                lastProgress = report.seconds
                FileHandle.standardError.write(Data(
                    "\(report.programs) programs, \(report.findings.count) divergences, \(Int(report.programsPerSecond)) programs/s\n".utf8))
            }
        }
        Swift.print("\(report.programs) programs, \(report.findings.count) divergences")
        for (kind, count) in report.kinds { Swift.print("    \(count) × \(kind)") }
        let skipped = report.skipped.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        if !skipped.isEmpty { Swift.print("skipped: \(skipped)") }
        for example in report.skippedExamples {
            Swift.print("    \(example.id) (\(example.category)): sal \(example.sal), CPython \(example.reference)")
        }
        let outcomes = report.referenceOutcomes.sorted { $0.value > $1.value }.prefix(8).map { "\($0.key): \($0.value)" }
        Swift.print("CPython outcomes: " + outcomes.joined(separator: ", "))
        Swift.print(String(format: "throughput: %.0f programs/s (%.1f s, of which %.1f s shrinking)",
                           report.programsPerSecond, report.seconds, report.shrinkingSeconds))
        if !report.findings.isEmpty { throw ExitCode(1) }
    }

    func show(_ finding: FuzzFinding) {
        guard let divergence = finding.original.divergence else { return }
        Swift.print("DIVERGED fuzz-\(seed)-\(finding.index): \(divergence.kind)")
        guard let shrunk = finding.shrunk else {
            for line in Reproduction.summary(divergence, limit: 200) { Swift.print("    " + line) }
            return
        }
        let shown = shrunk.shrunk.divergence ?? divergence
        for line in Reproduction.summary(shown, limit: 300) { Swift.print("    " + line) }
        for line in shrunk.shrunk.testCase.program.split(separator: "\n") { Swift.print("    | " + line) }
        if let path = finding.reproductionPath { Swift.print("    written to \(path)") }
    }
}
