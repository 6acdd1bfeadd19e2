import ArgumentParser
import Foundation
import LinearAlgebra
import Model
import Training

/// `sal train --data supervision.jsonl --out DIR`: LoRA fine-tuning of a Llama-family model.
/// Every option is checked here, before the library's preconditions (rank, dropout, batch shape) see it.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Fine-tune LoRA adapters on supervision.jsonl and write them in PEFT format.",
        discussion: """
        Input: one {"messages": [{"role", "content"}, ...]} per line (what `sal verify run` writes as \
        supervision.jsonl); only assistant turns are learned. Output in --out: adapter_config.json and \
        adapter_model.safetensors (PEFT), checkpoint/ (resume with --resume), loss.jsonl, loss.csv, loss.svg.
        """
    )

    enum Schedule: String, ExpressibleByArgument, CaseIterable {
        case cosine, linear, constant

        var decay: LearningRateSchedule.Decay {
            switch self {
            case .cosine: .cosine
            case .linear: .linear
            case .constant: .constant
            }
        }
    }

    @Option(help: "Supervision file (JSON Lines of chat conversations).")
    var data: String

    @Option(help: "Output directory for the adapter, checkpoint and loss curve.")
    var out: String

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "LoRA rank r.")
    var rank = 32

    @Option(help: "LoRA alpha (the update is scaled by alpha / r).")
    var alpha: Float = 64

    @Option(name: .customLong("lr"), help: "Peak learning rate.")
    var learningRate: Float = 2e-4

    @Option(help: "Passes over the data (ignored when --max-steps is given).")
    var epochs = 3

    @Option(help: "Stop after this many optimizer steps; the schedule decays over them.")
    var maxSteps: Int?

    @Option(help: "Adapted projections, comma-separated: q,k,v,o,gate,up,down (or all).")
    var targets = "q,k,v,o,gate,up,down"

    @Option(help: "LoRA dropout probability, in [0, 1).")
    var dropout: Float = 0

    @Option(help: "Rows per micro-batch.")
    var batchSize = 4

    @Option(help: "Tokens per row; longer examples are cut to this length.")
    var maxLength = 512

    @Flag(inversion: .prefixedNo, help: "Pack several whole examples into each row (else one example per row, padded).")
    var packing = true

    @Option(help: "Micro-batches whose gradients are summed per optimizer step.")
    var gradAccum = 1

    @Option(help: "Linear warm-up steps from 0 to the peak learning rate.")
    var warmup = 0

    @Option(help: "Decay after warm-up: cosine, linear or constant.")
    var schedule: Schedule = .cosine

    @Option(help: "AdamW decoupled weight decay.")
    var weightDecay: Float = 0

    @Option(help: "Clip the global gradient norm to this value; 0 turns clipping off.")
    var clip: Float = 1

    @Option(help: "Seed for adapter initialization, example order and dropout.")
    var seed: UInt64 = 0

    @Flag(help: "Continue the run whose checkpoint is in --out (same settings required).")
    var resume = false

    @Option(help: "Also save the adapter, checkpoint and loss curve every this many steps.")
    var saveEvery: Int?

    func validate() throws {
        guard rank >= 1 else { throw ValidationError("--rank must be at least 1") }
        guard alpha.isFinite, alpha > 0 else { throw ValidationError("--alpha must be a positive number") }
        guard learningRate.isFinite, learningRate > 0 else { throw ValidationError("--lr must be a positive number") }
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1") }
        if let maxSteps, maxSteps < 1 { throw ValidationError("--max-steps must be at least 1") }
        guard dropout.isFinite, dropout >= 0, dropout < 1 else { throw ValidationError("--dropout must be in [0, 1)") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1") }
        guard maxLength >= 2 else { throw ValidationError("--max-length must be at least 2") }
        guard gradAccum >= 1 else { throw ValidationError("--grad-accum must be at least 1") }
        guard warmup >= 0 else { throw ValidationError("--warmup must not be negative") }
        guard weightDecay.isFinite, weightDecay >= 0 else {
            throw ValidationError("--weight-decay must not be negative")
        }
        guard clip.isFinite, clip >= 0 else { throw ValidationError("--clip must be 0 (off) or positive") }
        if let saveEvery, saveEvery < 1 { throw ValidationError("--save-every must be at least 1") }
        _ = try parsedTargets()
        try modelOptions.validate()
        guard FileManager.default.isReadableFile(atPath: data) else {
            throw ValidationError("--data \(data): no such readable file")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("--out \(out) is a file; it must be a directory (created if missing)")
        }
        let layout = TrainingOutputLayout(directory: out)
        let hasCheckpoint = FileManager.default.fileExists(atPath: layout.checkpointDirectory + "/trainer_state.json")
        if resume, !hasCheckpoint {
            throw ValidationError("--resume: there is no checkpoint in \(layout.checkpointDirectory)")
        }
        if !resume, hasCheckpoint {
            throw ValidationError(
                "--out \(out) already holds a checkpoint; add --resume to continue it, or choose another --out")
        }
    }

    /// `--targets` as adapter targets: short names (q, gate), PEFT names (q_proj) or `all`.
    func parsedTargets() throws -> [LoRATarget] {
        let shortNames: [String: LoRATarget] = [
            "q": .query, "k": .key, "v": .value, "o": .output, "gate": .gate, "up": .up, "down": .down,
        ]
        var chosen: [LoRATarget] = []
        for name in targets.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            if name == "all" {
                chosen += LoRATarget.allCases
            } else if let target = shortNames[name] ?? LoRATarget(rawValue: name) {
                chosen.append(target)
            } else {
                throw ValidationError("--targets: unknown projection '\(name)'; use q,k,v,o,gate,up,down or all")
            }
        }
        guard !chosen.isEmpty else { throw ValidationError("--targets names no projection") }
        return chosen
    }

    func run() throws {
        let started = Date()
        let model = try modelOptions.load()
        let shape = model.weights.configuration
        LearningConsole.say("model: \(model.displayName) (\(shape.layerCount) layers, hidden \(shape.hiddenSize), "
            + "vocabulary \(shape.vocabularySize)), loaded in \(LearningConsole.elapsed(since: started))")
        guard maxLength <= shape.contextLength else {
            throw LearningInputError(
                "--max-length \(maxLength) exceeds the model's context of \(shape.contextLength) tokens")
        }

        let examples = try TrainingRun.examples(supervisionPath: data, model: model)
        let usable = examples.filter { $0.supervisedCount > 0 }
        let truncated = usable.filter { $0.tokens.count > maxLength }.count
        let longest = usable.map(\.tokens.count).max() ?? 0
        LearningConsole.say("data: \(examples.count) examples, \(usable.count) with assistant tokens, "
            + "\(usable.reduce(0) { $0 + $1.supervisedCount }) supervised tokens, longest \(longest) tokens"
            + (truncated > 0 ? ", \(truncated) cut to --max-length \(maxLength)" : ""))

        var settings = trainingConfiguration(model: model, targets: try parsedTargets(), totalSteps: 1)
        let perEpoch = try TrainingRun.stepsPerEpoch(examples: examples, configuration: settings)
        let totalSteps = try TrainingRun.scheduleLength(examples: examples, configuration: settings, epochs: epochs,
                                                        maximumSteps: maxSteps)
        settings.schedule.totalSteps = totalSteps
        if warmup >= totalSteps {
            LearningConsole.warn(
                "--warmup \(warmup) is not below the \(totalSteps) steps; the peak rate is never reached")
        }

        let run = try TrainingRun(model: model, examples: examples, configuration: settings, outputDirectory: out,
                                  resume: resume)
        let adapters = run.trainer.adapters
        let targetNames = settings.lora.targets.map(\.rawValue).joined(separator: ",")
        LearningConsole.say("training: \(adapters.parameterCount) LoRA parameters (r=\(rank), "
            + "alpha=\(LearningConsole.compact(alpha)), \(targetNames)); "
            + "\(totalSteps) steps (\(perEpoch) per epoch) of \(gradAccum) x \(batchSize) x \(maxLength) tokens; "
            + "threads \(run.trainer.configuration.threadCount) (data-parallel workers: \(run.trainer.workerCount))"
            + (run.resumed ? "; resuming after step \(run.trainer.completedSteps)" : ""))

        let digits = String(totalSteps).count
        try run.run(saveEvery: saveEvery) { record in
            let rate = record.seconds > 0 ? Double(record.tokens) / record.seconds : 0
            let step = String(repeating: " ", count: max(0, digits - String(record.step).count)) + String(record.step)
            LearningConsole.say(String(
                format: "step %@/%d  loss %.4f  lr %.2e  grad-norm %.3f  %.0f tokens/s  (%.1f s)",
                step, totalSteps, record.loss, Double(record.learningRate), record.gradientNorm, rate, record.seconds))
        }

        let history = run.trainer.history
        if let first = history.first, let last = history.last {
            LearningConsole.say(String(format: "loss %.4f at step %d -> %.4f at step %d",
                                       first.loss, first.step, last.loss, last.step))
        }
        let layout = run.layout
        LearningConsole.say("adapter: \(layout.adapterConfigPath), \(layout.adapterWeightsPath)")
        LearningConsole.say("checkpoint: \(layout.checkpointDirectory)/")
        LearningConsole.say("loss curve: \(layout.lossPaths.joined(separator: ", "))")
        LearningConsole.say("done in \(LearningConsole.elapsed(since: started))")
    }

    /// The training settings these options describe (the schedule ends at `totalSteps`).
    func trainingConfiguration(model: PretrainedModel, targets: [LoRATarget],
                               totalSteps: Int) -> TrainingConfiguration {
        let tokenizer = model.tokenizer
        let padding = [tokenizer.paddingID, tokenizer.endOfSequenceID].compactMap { $0 }
            .first { Int($0) < model.weights.configuration.vocabularySize } ?? 0
        return TrainingConfiguration(
            lora: LoRAConfiguration(rank: rank, alpha: alpha, dropout: dropout, targets: targets),
            batchRows: batchSize, sequenceLength: maxLength, packing: packing, accumulationSteps: gradAccum,
            schedule: LearningRateSchedule(peak: learningRate, warmupSteps: warmup, totalSteps: totalSteps,
                                           decay: schedule.decay),
            weightDecay: weightDecay, maximumGradientNorm: clip > 0 ? clip : nil, seed: seed, paddingToken: padding,
            threadCount: modelOptions.threads)
    }
}

/// `--model` and `--threads`, shared by `sal train` and `sal generate`.
struct ModelOptions: ParsableArguments {
    @Option(help: """
        A GGUF file, a Hugging Face directory (config.json, *.safetensors, tokenizer.json), or \
        smollm2-135m-instruct (the cached default; see Scripts/setup.sh).
        """)
    var model = "smollm2-135m-instruct"

    @Option(help: """
        Threads: for training, data-parallel workers (at most one per batch row) with one OpenBLAS thread \
        each; for generation, OpenBLAS threads.
        """)
    var threads = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        guard !model.isEmpty else { throw ValidationError("--model must not be empty") }
    }

    /// Sets the BLAS thread count and loads the model.
    func load() throws -> PretrainedModel {
        BLAS.threadCount = threads
        return try PretrainedModel.load(model, store: ModelStore(environment: ProcessInfo.processInfo.environment))
    }
}

/// A problem with the data or files `sal train` / `sal generate` read, found after parsing: reported
/// without the usage text ArgumentParser adds to a `ValidationError`.
struct LearningInputError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}

/// Small text helpers for the learning commands' console output.
enum LearningConsole {
    static func elapsed(since start: Date) -> String {
        String(format: "%.1f s", Date().timeIntervalSince(start))
    }

    /// A float without a trailing ".0" when it is whole.
    static func compact(_ value: Float) -> String {
        value == value.rounded() && abs(value) < 1e6 ? String(Int(value)) : "\(value)"
    }

    /// A line on standard output, written at once (print's buffer would hold progress lines back in a pipe).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// A progress or status line on standard error, keeping standard output for results.
    static func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data(("warning: " + message + "\n").utf8))
    }
}
