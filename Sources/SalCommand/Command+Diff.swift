import ArgumentParser
import Differential
import Foundation
import ProgramOutcome
import PythonRuntime
import Reference

/// `sal diff FILE.py|DIR|programs.jsonl`: run programs in sal and in the embedded CPython 3.11,
/// report each divergence with a shrunk reproduction, and exit 1 if any program diverged.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Run programs in sal and in the embedded CPython 3.11 and report where they differ.",
        discussion: """
        A .py file or a directory is read as corpus files (`# expect` lines are ignored, `# sal-only` files \
        are skipped, `# sal-answer:` is honoured); a .jsonl file as `sal exec` input lines \
        ({"id", "program", "answer"?, "preamble"?}). Differences that are by design are counted as skipped: \
        sal-only files, resource limits, unsupported syntax, modules one engine lacks, sandboxed builtins.
        """
    )

    @Argument(help: "Corpus files, directories of them, or JSONL files.")
    var paths: [String]

    @Option(help: "Answer location for JSONL lines without one: var:NAME, call:NAME or auto.")
    var answer: AnswerSpec = .auto

    @Flag(help: "Report divergences without shrinking them.")
    var noShrink = false

    @Option(help: "Candidate programs the shrinker may try per divergence.")
    var shrinkBudget = 1500

    @Flag(help: "Also list the skipped programs and why.")
    var verbose = false

    @Flag(help: "Run sal in this process (faster; a crash of sal ends the command) instead of a worker process.")
    var inProcess = false

    @OptionGroup var referenceOptions: ReferenceOptions
    @OptionGroup var limitOptions: LimitOptions

    func run() throws {
        var cases: [DifferentialCase] = []
        for path in paths { cases += try ProgramSources.cases(at: path, defaultAnswer: answer) }
        try referenceOptions.configure()
        let worker = inProcess ? nil : SalWorker.forThisExecutable(limits: limitOptions.limits)
        let runner = DifferentialRunner(salLimits: limitOptions.limits, referenceLimits: referenceOptions.limits(), salWorker: worker)
        var summary = DiffSummary()
        for start in stride(from: 0, to: cases.count, by: 64) {
            let batch = Array(cases[start..<min(start + 64, cases.count)])
            for result in runner.run(batch) {
                summary.record(result.verdict)
                switch result.verdict {
                case .agreed:
                    break
                case .skipped(let reason):
                    if verbose { print("SKIP \(result.testCase.id): \(reason)") }
                case .diverged(let divergence):
                    report(result, divergence, runner: runner)
                }
            }
        }
        print(summary.line)
        if summary.diverged > 0 { throw ExitCode(1) }
    }

    func report(_ result: DifferentialResult, _ divergence: Divergence, runner: DifferentialRunner) {
        print("DIVERGED \(result.testCase.id): \(divergence.kind)")
        for line in Reproduction.summary(divergence, limit: 400) { print("    " + line) }
        print("  program:")
        print(indented(result.testCase.program, limit: 80))
        guard !noShrink, let shrunk = runner.shrink(result, budget: shrinkBudget) else { return }
        let before = result.testCase.program.split(separator: "\n").count
        let after = shrunk.shrunk.testCase.program.split(separator: "\n").count
        print("  minimal reproduction (\(before) -> \(after) lines, \(shrunk.evaluations) candidates, by \(shrunk.method.rawValue)):")
        print(indented(shrunk.shrunk.testCase.program, limit: 80))
        if let smaller = shrunk.shrunk.divergence, smaller != divergence {
            for line in Reproduction.summary(smaller, limit: 400) { print("    " + line) }
        }
    }

    func indented(_ text: String, limit: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
        var shown = lines.prefix(limit).map { "    | " + $0 }
        if lines.count > limit { shown.append("    | ... (\(lines.count - limit) more lines)") }
        return shown.joined(separator: "\n")
    }
}

/// How the embedded CPython is set up for a command: module directories and its time limit.
struct ReferenceOptions: ParsableArguments {
    @Option(name: .customLong("site-packages"),
            help: "A directory of cp311 packages CPython may import (numpy, sympy); repeatable. SAL_REFERENCE_SITE_PACKAGES is also read.")
    var sitePackages: [String] = []

    @Option(help: "Wall-clock seconds CPython may run each program (default 5; 2 for fuzz).")
    var referenceSeconds: Double?

    /// CPython's limits, with `defaultSeconds` when no time limit was given.
    func limits(defaultSeconds: Double = 5) -> ReferenceLimits {
        ReferenceLimits(timeLimit: .milliseconds(Int(max(0.001, referenceSeconds ?? defaultSeconds) * 1000)))
    }

    /// Checks that the embedded CPython is the pinned series, names it on the first line of the output
    /// (unless `announce` is false: output that must stay JSON), and appends the module directories to its
    /// `sys.path` before the first program runs.
    func configure(announce: Bool = true) throws {
        do throws(ReferenceSeriesMismatch) {
            try ReferenceInterpreter.requirePinnedSeries()
        } catch {
            throw ValidationError(error.description)
        }
        if announce {
            print("reference: CPython \(ReferenceInterpreter.shared.version.split(separator: "\n").joined(separator: " "))")
        }
        var directories = sitePackages
        if let fromEnvironment = ProcessInfo.processInfo.environment["SAL_REFERENCE_SITE_PACKAGES"] {
            directories += fromEnvironment.split(separator: ":").map(String.init)
        }
        if !directories.isEmpty { ReferenceInterpreter.shared.appendModuleSearchPaths(directories) }
    }
}

/// `sal diff-worker`: runs the programs `sal diff` and `sal fuzz` send it, one JSON line each, and
/// answers each with sal's outcome; a separate process, so a crash of sal is reported, not fatal.
struct DiffWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff-worker",
        abstract: "Serve sal outcomes to `sal diff` and `sal fuzz` over standard input and output.",
        shouldDisplay: false
    )

    @OptionGroup var limitOptions: LimitOptions

    func run() throws {
        try SalWorker.serve(input: .standardInput, output: .standardOutput, limits: limitOptions.limits)
    }
}

extension SalWorker {
    /// A worker running this `sal` executable with `limits`.
    static func forThisExecutable(limits: Limits) -> SalWorker {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let arguments = [
            "diff-worker", "--max-steps", String(limits.maxSteps), "--max-memory-mib", String(limits.maxMemoryBytes >> 20),
            "--max-recursion", String(limits.maxRecursionDepth), "--max-seconds", String(limits.maxSeconds),
            "--max-output-bytes", String(limits.maxOutputBytes), "--max-host-calls", String(limits.maxHostCalls),
        ]
        // sal's own time limit should stop every program; five times it is a hang.
        let timeout = Duration.milliseconds(Int(min(max(2, limits.maxSeconds * 5), 86_400) * 1000))
        return SalWorker(executable: executable, arguments: arguments, timeout: timeout)
    }
}
