import Foundation
import Model

/// The files a training run keeps in its output directory.
public struct TrainingOutputLayout: Sendable, Equatable {
    public var directory: String

    public init(directory: String) { self.directory = directory }

    /// The PEFT adapter (`adapter_config.json`, `adapter_model.safetensors`) sits in the directory itself.
    public var adapterDirectory: String { directory }
    public var adapterConfigPath: String { directory + "/adapter_config.json" }
    public var adapterWeightsPath: String { directory + "/adapter_model.safetensors" }
    public var checkpointDirectory: String { directory + "/checkpoint" }
    /// `loss.jsonl`, `loss.csv` and `loss.svg` share this prefix.
    public var lossPrefix: String { directory + "/loss" }
    public var lossPaths: [String] { ["jsonl", "csv", "svg"].map { "\(lossPrefix).\($0)" } }
}

/// Everything `sal train` does below the command line: a fresh trainer (or one resumed from the output
/// directory's checkpoint), optimizer steps until the schedule's last step, and at every save the PEFT
/// adapter, the checkpoint and the loss curve. Saving all three together keeps the directory consistent:
/// the adapter on disk is always the checkpoint's adapter.
public final class TrainingRun {
    public let trainer: LoRATrainer
    public let layout: TrainingOutputLayout
    public let baseModelName: String
    /// True when the trainer continues a checkpoint.
    public let resumed: Bool

    /// Prepares the run. `configuration.schedule.totalSteps` is where it stops (see `scheduleLength`).
    /// Without `resume`, an output directory that already holds a checkpoint is refused (nothing is
    /// overwritten); with it, the checkpoint must exist and have been made with the same configuration
    /// (the BLAS thread count aside, which stays as saved).
    public init(model: PretrainedModel, examples: [TrainingExample], configuration: TrainingConfiguration,
                outputDirectory: String, resume: Bool) throws {
        layout = TrainingOutputLayout(directory: outputDirectory)
        baseModelName = model.baseModelName
        resumed = resume
        try Self.checkTokens(of: examples, vocabularySize: model.weights.configuration.vocabularySize)
        let statePath = layout.checkpointDirectory + "/trainer_state.json"
        let hasCheckpoint = FileManager.default.fileExists(atPath: statePath)
        if resume {
            guard hasCheckpoint else {
                throw TrainingError.checkpointMismatch("there is no checkpoint to resume at \(statePath)")
            }
            trainer = try TrainingCheckpoint.resume(from: layout.checkpointDirectory, weights: model.weights,
                                                    examples: examples)
            let differences = Self.differences(saved: trainer.configuration, requested: configuration)
            guard differences.isEmpty else {
                throw TrainingError.checkpointMismatch(
                    "it was made with other settings: " + differences.joined(separator: "; "))
            }
        } else {
            guard !hasCheckpoint else {
                throw TrainingError.invalidConfiguration(
                    "\(outputDirectory) already holds a checkpoint; resume it or choose another output directory")
            }
            trainer = try LoRATrainer(weights: model.weights, examples: examples, configuration: configuration)
        }
    }

    /// Encodes a supervision file with the model's chat template and tokenizer.
    public static func examples(supervisionPath: String, model: PretrainedModel) throws -> [TrainingExample] {
        try SupervisionFile.examples(path: supervisionPath, tokenizer: model.tokenizer, template: model.chatTemplate)
    }

    /// Optimizer steps in one pass over `examples` with this batch layout (packing depends on the
    /// shuffled order, so the stream is replayed rather than estimated).
    public static func stepsPerEpoch(examples: [TrainingExample], configuration: TrainingConfiguration) throws -> Int {
        var stream = try ExampleStream(examples: examples, seed: configuration.seed,
                                       sequenceLength: configuration.sequenceLength)
        var microBatches = 0
        while stream.epoch == 0 {
            _ = stream.nextBatch(rowCount: configuration.batchRows, sequenceLength: configuration.sequenceLength,
                                 packing: configuration.packing, paddingToken: configuration.paddingToken)
            microBatches += 1
        }
        return (microBatches + configuration.accumulationSteps - 1) / configuration.accumulationSteps
    }

    /// The number of optimizer steps for `epochs` passes, or `maximumSteps` when given.
    public static func scheduleLength(examples: [TrainingExample], configuration: TrainingConfiguration,
                                      epochs: Int, maximumSteps: Int?) throws -> Int {
        precondition(epochs > 0 && (maximumSteps ?? 1) > 0, "epochs and steps must be positive")
        if let maximumSteps { return maximumSteps }
        return epochs * (try stepsPerEpoch(examples: examples, configuration: configuration))
    }

    /// Steps until the schedule's end, saving every `saveEvery` steps (if given) and at the end.
    /// `progress` sees each step after any save it triggered; an error it throws stops the run there.
    public func run(saveEvery: Int? = nil, progress: (TrainingStepRecord) throws -> Void = { _ in }) throws {
        precondition((saveEvery ?? 1) > 0, "save interval must be positive")
        let total = trainer.configuration.schedule.totalSteps
        while trainer.completedSteps < total {
            let record = trainer.step()
            guard record.loss.isFinite else {
                throw TrainingError.invalidConfiguration(
                    "the loss became \(record.loss) at step \(record.step); lower the learning rate")
            }
            if let saveEvery, record.step % saveEvery == 0, record.step < total { try save() }
            try progress(record)
        }
        try save()
    }

    /// Writes the adapter, the checkpoint and the loss curve as they are now.
    public func save() throws {
        try trainer.adapters.writePEFT(to: layout.adapterDirectory, baseModel: baseModelName)
        try TrainingCheckpoint.save(trainer, to: layout.checkpointDirectory)
        do {
            try LossCurve(records: trainer.history).write(toPrefix: layout.lossPrefix, title: "LoRA training loss")
        } catch {
            throw ModelFileError.cannotWrite(path: layout.lossPrefix, reason: "\(error)")
        }
    }

    /// A token id the model has no embedding row for would be read out of bounds; refuse it here.
    static func checkTokens(of examples: [TrainingExample], vocabularySize: Int) throws {
        for (index, example) in examples.enumerated() {
            if let bad = example.tokens.first(where: { $0 < 0 || Int($0) >= vocabularySize }) {
                throw TrainingError.invalidConfiguration(
                    "example \(index + 1) holds token id \(bad), outside the model's vocabulary of \(vocabularySize)")
            }
        }
    }

    /// The settings that differ between a checkpoint and a request, described for the user.
    static func differences(saved: TrainingConfiguration, requested: TrainingConfiguration) -> [String] {
        var found: [String] = []
        func compare<Value: Equatable>(_ name: String, _ path: KeyPath<TrainingConfiguration, Value>) {
            if saved[keyPath: path] != requested[keyPath: path] {
                found.append("\(name) \(saved[keyPath: path]) then, \(requested[keyPath: path]) now")
            }
        }
        compare("LoRA rank", \.lora.rank)
        compare("LoRA alpha", \.lora.alpha)
        compare("LoRA dropout", \.lora.dropout)
        compare("targets", \.targetNames)
        compare("batch rows", \.batchRows)
        compare("sequence length", \.sequenceLength)
        compare("packing", \.packing)
        compare("accumulation steps", \.accumulationSteps)
        compare("peak learning rate", \.schedule.peak)
        compare("warm-up steps", \.schedule.warmupSteps)
        compare("total steps", \.schedule.totalSteps)
        compare("decay", \.schedule.decay)
        compare("weight decay", \.weightDecay)
        compare("beta1", \.beta1)
        compare("beta2", \.beta2)
        compare("epsilon", \.epsilon)
        compare("gradient clipping", \.clippingDescription)
        compare("seed", \.seed)
        compare("padding token", \.paddingToken)
        return found
    }
}

private extension TrainingConfiguration {
    var targetNames: String { lora.targets.map(\.rawValue).joined(separator: ",") }
    var clippingDescription: String { maximumGradientNorm.map { "\($0)" } ?? "off" }
}
