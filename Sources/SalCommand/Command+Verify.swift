import ArgumentParser
import Foundation
import Oracle
import ProgramOutcome
import PythonRuntime
import Synchronization
import Verifier

/// `sal verify run|merge|report`: from many candidate programs per question to supervision data.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run candidate programs per question, vote on their answers and write supervision data.",
        subcommands: [VerifyRunCommand.self, VerifyMergeCommand.self, VerifyReportCommand.self]
    )
}

/// Which rule keeps a question, and what the outputs contain.
struct VoteOptions: ParsableArguments {
    enum Preset: String, ExpressibleByArgument, CaseIterable {
        case nineOfTen = "nine-of-ten"
        case plurality
        case diverse
    }

    @Option(help: "Starting rule: nine-of-ten (share ≥ 0.9, ≥ 9 votes), plurality, or diverse (share ≥ 0.5, agreeing programs from ≥ 80% of the sources, ≥ 2 structures, ≤ 30% failures).")
    var preset: Preset = .nineOfTen
    @Option(help: "Minimum majority share over all candidates (overrides the preset).")
    var minShare: Double?
    @Option(help: "Minimum votes for the majority (overrides the preset).")
    var minVotes: Int?
    @Option(help: "Minimum share of the question's sources among agreeing candidates (overrides the preset).")
    var minSourceCoverage: Double?
    @Option(help: "Minimum distinct structures among agreeing candidates (overrides the preset).")
    var minStructures: Int?
    @Option(help: "Maximum share of failing candidates (overrides the preset).")
    var maxFailureShare: Double?
    @Option(help: "Minimum share of agreeing programs in the largest behaviour cluster (overrides the preset).")
    var minBehaviourAgreement: Double?
    @Option(help: "Runs of each answering program with the question's numbers perturbed, for behaviour clusters (0: cluster by answer only).")
    var behaviourProbes = 1
    @Flag(help: "Supervision only from the largest agreeing behaviour cluster (by default it only comes first).")
    var largestBehaviourOnly = false
    @Option(help: "Candidate field whose values count as independent sources.")
    var sourceField = "model"
    @Flag(help: "Keep a question only when the chain-of-thought majority agrees.")
    var requireCotAgreement = false
    @Flag(help: "Keep a question only when its majority matches the gold answer (uses the reference).")
    var requireGold = false
    @Option(help: "At most this many supervision examples per kept question.")
    var supervisionPerQuestion: Int?
    @Option(help: "At most this many preference pairs per kept question.")
    var pairsPerQuestion = 4
    @Option(help: "A system message put first in every supervision example.")
    var systemPrompt: String?

    var rule: VoteRule {
        var rule: VoteRule = switch preset {
        case .nineOfTen: .nineOfTen
        case .plurality: .plurality
        case .diverse: .diverse
        }
        if let minShare { rule.minimumShare = minShare }
        if let minVotes { rule.minimumVotes = minVotes }
        if let minSourceCoverage { rule.minimumSourceCoverage = minSourceCoverage }
        if let minStructures { rule.minimumStructures = minStructures }
        if let maxFailureShare { rule.maximumFailureShare = maxFailureShare }
        if let minBehaviourAgreement { rule.minimumBehaviourAgreement = minBehaviourAgreement }
        rule.requireChainOfThoughtAgreement = requireCotAgreement || rule.requireChainOfThoughtAgreement
        rule.requireGoldMatch = requireGold || rule.requireGoldMatch
        return rule
    }

    var options: VerifyOptions {
        VerifyOptions(rule: rule, systemPrompt: systemPrompt, supervisionPerQuestion: supervisionPerQuestion,
                      pairsPerQuestion: pairsPerQuestion, sourceField: sourceField,
                      behaviour: behaviourProbes > 0 ? BehaviourProbe(probes: behaviourProbes) : nil,
                      largestBehaviourOnly: largestBehaviourOnly)
    }

    func validate() throws {
        if let minShare, !(0...1).contains(minShare) { throw ValidationError("--min-share must be between 0 and 1") }
        if pairsPerQuestion < 0 { throw ValidationError("--pairs-per-question must not be negative") }
        if behaviourProbes < 0 { throw ValidationError("--behaviour-probes must not be negative") }
    }
}

/// `sal verify run IN.jsonl --out DIR`.
struct VerifyRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run every candidate of every question (resumably), vote, and write the outputs.",
        discussion: """
        Input lines: {"id", "question", "candidates": [{"program", ...}], "gold"?, "cot_answers"?} or one \
        candidate per line {"id", "question", "program", ...}. Outputs in --out: supervision.jsonl, pairs.jsonl, \
        questions.jsonl, candidates.jsonl, input_problems.jsonl, report.md, and the run store run.sqlite \
        (rerun the same command to resume after an interruption).
        """
    )

    enum RunnerKind: String, ExpressibleByArgument, CaseIterable {
        case sal
        case recorded
    }

    enum OracleKind: String, ExpressibleByArgument, CaseIterable {
        case replay
        case http
    }

    enum ProgressStyle: String, ExpressibleByArgument, CaseIterable {
        case auto, bar, lines, none
    }

    @Argument(help: "Input JSONL file.")
    var input: String

    @Option(help: "Output directory.")
    var out: String

    @Option(help: "Preamble catalog: {\"preambles\": {name: text}, \"conventions\": {name: spec}} (e.g. gsm8k_votes_preambles.json).")
    var preambles: String?

    @Option(help: "sal: run the programs with sal's interpreter; recorded: replay the results recorded in the input.")
    var runner: RunnerKind = .sal

    @Flag(help: "With --runner sal: a candidate that fails only because it uses a module sal does not provide (sympy) takes the result recorded in the input, marked fallback_to_recorded.")
    var fallbackRecorded = false

    @Option(help: "Where helper-call answers come from: replay (the oracle store only) or http (a chat-completions endpoint, recorded into the store).")
    var oracle: OracleKind = .replay

    @Option(help: "Oracle store (SQLite); default: <out>/oracle.sqlite.")
    var oracleStore: String?

    @Option(help: "Answers to import into the oracle store first: JSONL {\"function\", \"arguments\", \"answer\"} (repeatable).")
    var oracleImport: [String] = []

    @Option(help: "http oracle: base URL of the OpenAI-compatible API (e.g. http://localhost:8000/v1).")
    var baseURL: String?

    @Option(help: "http oracle: model name.")
    var model: String?

    @Option(help: "http oracle: environment variable holding the API key.")
    var apiKeyEnv: String?

    @Option(help: "http oracle: requests in flight at once.")
    var maxConcurrentRequests = 4

    @Option(help: "http oracle: seconds before an attempt times out.")
    var requestTimeout = 60.0

    @Option(help: "http oracle: attempts per call.")
    var maxAttempts = 4

    @Option(help: "Run store (SQLite) to create or resume; default: <out>/run.sqlite (<out>/run-shard-I-of-N.sqlite for a shard).")
    var store: String?

    @Flag(help: "Delete an existing run store first instead of resuming it.")
    var fresh = false

    @Option(help: "Run only shard I of N: I/N (by hash of the question id) or I/N:position.")
    var shard: String?

    @Option(help: "Threads that run programs (default: all cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Questions per batch: the helper calls of a batch's programs are answered together.")
    var questionsPerBatch = 32

    @Option(help: "Batches in flight at once (more overlap oracle waits with execution).")
    var concurrentBatches = 2

    @Option(help: "Helper calls one program may make before it is stopped as an oracle miss.")
    var maxHelperCalls = 64

    @Option(help: "Progress display: auto (a bar on a terminal, periodic lines otherwise), bar, lines or none.")
    var progress: ProgressStyle = .auto

    @OptionGroup var vote: VoteOptions
    @OptionGroup var limitOptions: LimitOptions

    func validate() throws {
        if let shard, ShardSpec(parsing: shard) == nil { throw ValidationError("--shard must be I/N with 0 ≤ I < N (optionally :position)") }
        if jobs < 1 || questionsPerBatch < 1 || maxHelperCalls < 1 || concurrentBatches < 1 {
            throw ValidationError("--jobs, --questions-per-batch, --concurrent-batches and --max-helper-calls must be positive")
        }
        if oracle == .http, baseURL == nil || model == nil { throw ValidationError("--oracle http needs --base-url and --model") }
    }

    func run() async throws {
        let outDirectory = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: outDirectory, withIntermediateDirectories: true)
        let catalog = try readCatalog()
        guard let data = FileManager.default.contents(atPath: input) else { throw ValidationError("cannot read \(input)") }
        let verifyInput = VerifyInput.read(jsonl: String(decoding: data, as: UTF8.self), catalog: catalog)
        let shard = shard.flatMap(ShardSpec.init(parsing:)) ?? .whole
        let storePath = store ?? outDirectory.appendingPathComponent(
            shard == .whole ? "run.sqlite" : "run-shard-\(shard.index)-of-\(shard.count).sqlite").path
        if fresh { RunStoreFiles.remove(at: storePath) }
        let runStore = try RunStore(path: storePath)

        let candidateRunner: any CandidateRunner
        let runnerName: String
        // The programs sal parses to run them are analysed there once, for the verdicts below.
        let analyses = ProgramAnalyses()
        switch runner {
        case .recorded:
            candidateRunner = RecordedResultRunner(input: verifyInput)
            runnerName = "recorded"
        case .sal:
            let oracleBackend = try makeOracle(outDirectory: outDirectory)
            let sal = PausingCandidateRunner(
                interpreter: SalInterpreter(limits: limitOptions.limits, analyses: analyses),
                oracle: oracleBackend.backend, maxHelperCallsPerProgram: maxHelperCalls, parallelism: jobs)
            candidateRunner = fallbackRecorded ? RecordedFallbackRunner(primary: sal, input: verifyInput) : sal
            runnerName = SalInterpreter.runnerName(limits: limitOptions.limits, catalog: catalog,
                                                   oracle: oracleBackend.name)
                + (fallbackRecorded ? " fallback=recorded" : "")
        }
        var pipeline = VerifyPipeline(runner: candidateRunner, runnerName: runnerName, store: runStore,
                                      questionsPerBatch: questionsPerBatch, concurrentBatches: concurrentBatches)
        let display = ProgressDisplay(style: progress)
        pipeline.onProgress = { display.update($0) }
        let inShard = verifyInput.questions.filter(shard.contains)
        FileHandle.standardError.write(Data(("verify: \(inShard.count) questions, "
            + "\(inShard.reduce(0) { $0 + $1.candidates.count }) candidates in shard \(shard); "
            + "\(verifyInput.problems.count) input problem\(verifyInput.problems.count == 1 ? "" : "s")\n").utf8))
        let result: RunProgress
        do {
            result = try await pipeline.run(verifyInput, shard: shard)
        } catch let error as RunStoreError {
            display.finish()
            throw ValidationError("\(storePath): \(error)")
        }
        display.finish()
        var options = vote.options
        options.analyses = analyses.snapshot()
        let verification = try Verification(store: runStore, options: options, input: verifyInput)
        try verification.write(to: outDirectory)
        VerifyOutputSummary.print(verification, directory: outDirectory, storePath: storePath,
                                  note: "\(result.storedNow) questions run now, \(result.alreadyStored) resumed from the store")
        // The outputs are written and the run store is closed (its log checkpointed); the oracle store
        // commits each answer as it records it. The process ends here rather than deinitializing the run's
        // input, results, verdicts and analyses object by object: on the GSM8K file that teardown took about
        // a tenth of the run's wall time, on one core, and the system reclaims the memory at once. The
        // trap: nothing after this line runs.
        try runStore.close()
        Self.exit()
    }

    func readCatalog() throws -> PreambleCatalog {
        guard let preambles else { return PreambleCatalog() }
        guard let data = FileManager.default.contents(atPath: preambles) else { throw ValidationError("cannot read \(preambles)") }
        do {
            return try PreambleCatalog(jsonText: String(decoding: data, as: UTF8.self))
        } catch {
            throw ValidationError("\(preambles): \(error)")
        }
    }

    /// The oracle backend and the name it contributes to the run's identity; imports answers first.
    func makeOracle(outDirectory: URL) throws -> (backend: any OracleBackend, name: String) {
        let oracleStorePath = oracleStore ?? outDirectory.appendingPathComponent("oracle.sqlite").path
        let oracleStore = try OracleStore(path: oracleStorePath)
        for path in oracleImport {
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
            let report = try oracleStore.importJSONL(String(decoding: data, as: UTF8.self),
                                                     source: "import:\(URL(fileURLWithPath: path).lastPathComponent)")
            var line = "oracle: \(path): \(report.imported) imported, \(report.alreadyPresent) already present"
            if !report.conflicts.isEmpty { line += ", \(report.conflicts.count) conflicting (kept the stored answer)" }
            if !report.malformed.isEmpty {
                line += ", \(report.malformed.count) malformed (first: line \(report.malformed[0].line): \(report.malformed[0].message))"
            }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        switch oracle {
        case .replay:
            return (ReplayOracle(store: oracleStore), "replay")
        case .http:
            guard let baseURL = baseURL.flatMap(URL.init(string:)), let model else {
                throw ValidationError("--oracle http needs a valid --base-url and --model")
            }
            let configuration = ChatCompletionsConfiguration(
                baseURL: baseURL, model: model, apiKeyVariable: apiKeyEnv, maxConcurrentRequests: maxConcurrentRequests,
                requestTimeout: .milliseconds(Int(requestTimeout * 1000)), maxAttempts: maxAttempts)
            do {
                return (try ChatCompletionsOracle(configuration: configuration, store: oracleStore), "http:\(model)")
            } catch {
                throw ValidationError("\(error)")
            }
        }
    }
}

/// `sal verify merge --out DIR SHARD.sqlite...`.
struct VerifyMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the run stores of shards into one store and write the outputs of the whole run."
    )

    @Argument(help: "Shard run stores (from `sal verify run --shard I/N`).")
    var stores: [String]

    @Option(help: "Output directory; the merged store is <out>/run.sqlite.")
    var out: String

    @Option(help: "Merged run store to create (must not hold a run); default: <out>/run.sqlite.")
    var store: String?

    @OptionGroup var vote: VoteOptions

    func run() throws {
        let outDirectory = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: outDirectory, withIntermediateDirectories: true)
        let sources = try stores.map { path -> RunStore in
            guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("no run store at \(path)") }
            return try RunStore(path: path)
        }
        guard !sources.isEmpty else { throw ValidationError("name at least one shard store") }
        let storePath = store ?? outDirectory.appendingPathComponent("run.sqlite").path
        let target = URL(fileURLWithPath: storePath).standardizedFileURL.path
        guard !stores.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target }) else {
            throw ValidationError("the merged store \(storePath) is one of the shard stores; choose another --out or --store")
        }
        RunStoreFiles.remove(at: storePath)
        let merged = try RunStore(path: storePath)
        let report: MergeReport
        do {
            report = try merged.merge(from: sources)
        } catch let error as RunStoreError {
            throw ValidationError("\(error)")
        }
        for shard in report.shards where shard.stored != shard.expected {
            FileHandle.standardError.write(Data("merge: shard \(shard.shard) is unfinished: \(shard.stored) of \(shard.expected) questions\n".utf8))
        }
        if !report.missingShardIndices.isEmpty {
            FileHandle.standardError.write(Data("merge: missing shards \(report.missingShardIndices.map(String.init).joined(separator: ", "))\n".utf8))
        }
        let verification = try Verification(store: merged, options: vote.options)
        try verification.write(to: outDirectory)
        VerifyOutputSummary.print(verification, directory: outDirectory, storePath: storePath,
                                  note: "merged \(report.shards.count) shard\(report.shards.count == 1 ? "" : "s")"
                                      + (report.isComplete ? "" : " (INCOMPLETE: outputs cover the stored questions only)"))
        if !report.isComplete { throw ExitCode(2) }
    }
}

/// `sal verify report --store run.sqlite --out DIR`.
struct VerifyReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Recompute votes and rewrite the outputs from a run store (another rule needs no re-run)."
    )

    @Option(help: "Run store written by `sal verify run` or `sal verify merge`.")
    var store: String

    @Option(help: "Output directory.")
    var out: String

    @OptionGroup var vote: VoteOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: store) else { throw ValidationError("no run store at \(store)") }
        let runStore = try RunStore(path: store)
        let outDirectory = URL(fileURLWithPath: out)
        let verification = try Verification(store: runStore, options: vote.options)
        try verification.write(to: outDirectory)
        VerifyOutputSummary.print(verification, directory: outDirectory, storePath: store, note: "recomputed from the store")
    }
}

/// The lines every verify command ends with: what was kept and where each output went.
enum VerifyOutputSummary {
    static func print(_ verification: Verification, directory: URL, storePath: String, note: String) {
        let questions = verification.questions
        let kept = questions.filter(\.decision.kept).count
        var lines = ["verify: \(questions.count) questions (\(note)); kept \(kept) under \(verification.options.rule)"]
        if let accuracy = verification.statistics.accuracy {
            lines.append("verify: majority-vote accuracy \(String(format: "%.1f", accuracy * 100))% against gold")
        }
        let counts = [
            "supervision.jsonl": questions.reduce(0) { $0 + $1.supervision.count },
            "pairs.jsonl": questions.reduce(0) { $0 + $1.pairs.count },
            "questions.jsonl": questions.count,
            "candidates.jsonl": questions.reduce(0) { $0 + $1.candidates.count },
            "input_problems.jsonl": verification.problems.count,
        ]
        lines.append("outputs in \(directory.path):")
        for name in Verification.outputFiles {
            let path = directory.appendingPathComponent(name).path
            lines.append("  \(path)" + (counts[name].map { "  (\($0) lines)" } ?? ""))
        }
        lines.append("  \(storePath)  (run store: rerun the same command to resume)")
        Swift.print(lines.joined(separator: "\n"))
    }
}

/// Removes an SQLite store with its write-ahead log files.
enum RunStoreFiles {
    static func remove(at path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// Progress on standard error: a redrawn bar with rate and ETA on a terminal, or a plain line at most
/// every five seconds otherwise (logs stay readable).
final class ProgressDisplay: Sendable {
    struct State {
        var startedAt: Date?
        var lastDrawn: Date = .distantPast
        var drewBar = false
        var firstStored = 0
    }

    let useBar: Bool
    let enabled: Bool
    let state = Mutex(State())

    init(style: VerifyRunCommand.ProgressStyle) {
        let terminal = isatty(STDERR_FILENO) == 1
        enabled = style != .none
        useBar = style == .bar || (style == .auto && terminal)
    }

    func update(_ progress: RunProgress) {
        guard enabled else { return }
        let now = Date()
        let text: String? = state.withLock { state in
            if state.startedAt == nil {
                state.startedAt = now
                state.firstStored = progress.storedNow
            }
            let done = progress.alreadyStored + progress.storedNow
            let finished = progress.remaining == 0
            let interval = useBar ? 0.1 : 5
            guard finished || now.timeIntervalSince(state.lastDrawn) >= interval else { return nil }
            state.lastDrawn = now
            let elapsed = now.timeIntervalSince(state.startedAt!)
            let ranNow = progress.storedNow - state.firstStored
            let rate = elapsed > 0 ? Double(ranNow) / elapsed : 0
            let eta = rate > 0 ? Self.duration(Double(progress.remaining) / rate) : "-"
            let total = max(progress.questionsInShard, 1)
            let percent = Int(Double(done) * 100 / Double(total))
            let rateText = String(format: "%.1f", rate)
            if useBar {
                state.drewBar = true
                let width = 30
                let filled = done * width / total
                let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                return "\r[\(bar)] \(done)/\(progress.questionsInShard) questions \(percent)%  \(rateText) q/s  ETA \(eta)  "
            }
            return "verify: \(done)/\(progress.questionsInShard) questions (\(percent)%), \(rateText) questions/s, ETA \(eta)\n"
        }
        if let text { FileHandle.standardError.write(Data(text.utf8)) }
    }

    func finish() {
        if state.withLock({ $0.drewBar }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600 ? "\(total / 3600)h\(String(format: "%02d", total % 3600 / 60))m"
            : "\(total / 60):\(String(format: "%02d", total % 60))"
    }
}
