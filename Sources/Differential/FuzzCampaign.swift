import Foundation
import ProgramOutcome

/// Generated programs run in sal and CPython; every divergence shrunk and written as a corpus file.
///
/// Programs are generated, run and compared in batches; CPython runs on its own thread while sal
/// runs on the caller's (or in the runner's `SalWorker`). Only the first `reproductionsPerKind`
/// divergences of each kind are shrunk and written (the rest are counted): a common bug would
/// otherwise cost a shrink per program.
public struct FuzzCampaign: Sendable {
    public var seed: UInt64
    public var count: Int
    /// The index of the first program (a campaign can be resumed or split).
    public var start: Int
    public var generator: ProgramGenerator
    public var runner: DifferentialRunner
    public var shrinkBudget: Int
    public var reproductionsPerKind: Int
    /// Where `fuzz-<seed>-<index>.py` files are written; nil writes nothing.
    public var outputDirectory: String?
    public var batchSize: Int
    /// Damage each program with `SourceMutator` before running it (tests the parser's errors).
    public var mutate: Bool

    public init(seed: UInt64, count: Int, start: Int = 0, configuration: ProgramGenerator.Configuration = .default,
                runner: DifferentialRunner = .fuzzing, shrinkBudget: Int = 1500, reproductionsPerKind: Int = 3,
                outputDirectory: String? = nil, batchSize: Int = 32, mutate: Bool = false) {
        self.seed = seed
        self.count = count
        self.start = start
        generator = ProgramGenerator(seed: seed, configuration: configuration)
        self.runner = runner
        self.shrinkBudget = shrinkBudget
        self.reproductionsPerKind = reproductionsPerKind
        self.outputDirectory = outputDirectory
        self.batchSize = batchSize
        self.mutate = mutate
    }

    /// The program text of index `index`: the generated program, damaged when mutating.
    public func source(_ program: GeneratedProgram) -> String {
        guard mutate else { return program.source }
        var random = SeededRandom(seed: seed ^ 0x6D75_7461_7465).fork(UInt64(program.index))
        return SourceMutator.mutate(program.source, random: &random)
    }

    /// Runs the campaign; `progress` is called after each batch.
    public func run(progress: (FuzzReport) -> Void = { _ in }) throws -> FuzzReport {
        if let outputDirectory {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        }
        var report = FuzzReport()
        let clock = ContinuousClock()
        let began = clock.now
        var shrinking = Duration.zero
        var index = start
        while index < start + count {
            let end = min(index + batchSize, start + count)
            let programs = (index..<end).map { generator.program($0) }
            let cases = programs.map { DifferentialCase(id: $0.id, program: source($0)) }
            let results = runner.run(cases)
            for (program, result) in zip(programs, results) {
                report.record(result)
                guard let divergence = result.divergence else { continue }
                var finding = FuzzFinding(index: program.index, kind: divergence.kind, original: result)
                if report.findings.filter({ $0.kind == divergence.kind && $0.shrunk != nil }).count < reproductionsPerKind {
                    let shrinkStart = clock.now
                    finding.shrunk = runner.shrink(result, budget: shrinkBudget)
                    if let outputDirectory, let shrunk = finding.shrunk {
                        finding.reproductionPath = try writeReproduction(shrunk, index: program.index, directory: outputDirectory)
                    }
                    shrinking += clock.now - shrinkStart
                }
                report.findings.append(finding)
            }
            index = end
            report.seconds = (clock.now - began).seconds
            report.shrinkingSeconds = shrinking.seconds
            progress(report)
        }
        return report
    }

    func writeReproduction(_ shrunk: ShrunkDivergence, index: Int, directory: String) throws -> String {
        let divergence = shrunk.shrunk.divergence ?? shrunk.original.divergence!
        let command = "sal fuzz --seed \(seed)" + (mutate ? " --mutate" : "")
        let header = ["Found by `\(command)` (program \(index)); shrunk from \(shrunk.original.testCase.program.split(separator: "\n").count) lines."]
            + ["Divergence: \(divergence.kind)"]
            + Reproduction.summary(divergence, limit: 120)
        let text = try Reproduction.corpusText(program: shrunk.shrunk.testCase.program, header: header,
                                               answer: shrunk.shrunk.testCase.answer, runner: runner)
        let path = (directory as NSString).appendingPathComponent("fuzz-\(seed)-\(index).py")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// One diverging generated program.
public struct FuzzFinding: Sendable {
    public var index: Int
    public var kind: DivergenceKind
    public var original: DifferentialResult
    /// Set for the first divergences of each kind.
    public var shrunk: ShrunkDivergence?
    public var reproductionPath: String?
}

/// What a campaign ran and found.
public struct FuzzReport: Sendable {
    public var programs = 0
    public var findings: [FuzzFinding] = []
    /// Programs not compared, by `SkipReason.category`.
    public var skipped: [String: Int] = [:]
    /// The first skipped programs of each category (up to `skippedExamplesPerCategory`), with both
    /// engines' outcomes, so a skip that hides a bug (sal looping where CPython stops) can be looked at.
    public var skippedExamples: [(id: String, category: String, sal: String, reference: String)] = []
    public static let skippedExamplesPerCategory = 10
    /// CPython's outcomes of the generated programs: `ok`, or the status and exception type.
    public var referenceOutcomes: [String: Int] = [:]
    public var seconds = 0.0
    public var shrinkingSeconds = 0.0

    /// Programs per second, not counting the time spent shrinking.
    public var programsPerSecond: Double {
        let running = seconds - shrinkingSeconds
        return running > 0 ? Double(programs) / running : 0
    }

    /// Findings grouped by kind, most frequent first.
    public var kinds: [(kind: DivergenceKind, count: Int)] {
        var counts: [DivergenceKind: Int] = [:]
        var order: [DivergenceKind] = []
        for finding in findings {
            if counts[finding.kind] == nil { order.append(finding.kind) }
            counts[finding.kind, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }.sorted { $0.count > $1.count }
    }

    mutating func record(_ result: DifferentialResult) {
        programs += 1
        if case .skipped(let reason) = result.verdict {
            skipped[reason.category, default: 0] += 1
            if skipped[reason.category, default: 0] <= Self.skippedExamplesPerCategory {
                skippedExamples.append((result.testCase.id, reason.category, Self.summary(result.sal), Self.summary(result.reference)))
            }
        }
        if let reference = result.reference {
            let key = reference.error.map { "\(reference.status.rawValue) \($0.type)" } ?? reference.status.rawValue
            referenceOutcomes[key, default: 0] += 1
        }
    }
}

extension FuzzReport {
    /// "ok", or the status and the exception type ("limit steps" for a step limit).
    static func summary(_ outcome: Outcome?) -> String {
        guard let outcome else { return "not run" }
        guard let error = outcome.error else { return outcome.status.rawValue }
        return "\(outcome.status.rawValue) \(error.type)"
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
