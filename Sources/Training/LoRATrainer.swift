import Foundation
import LinearAlgebra
import Model

/// LoRA fine-tuning of a frozen Llama model on tokenized examples (`TrainingExample`).
/// Each `step()` is one optimizer update: `accumulationSteps` micro-batches of forward, loss on the
/// supervised positions, backward; then gradient clipping and AdamW at the scheduled rate.
/// All buffers are allocated once here; a step allocates only its small bookkeeping.
public final class LoRATrainer {
    public let configuration: TrainingConfiguration
    public let model: LlamaModel
    public let adapters: LoRAAdapters
    public let optimizer: AdamW
    public private(set) var stream: ExampleStream
    /// Optimizer steps completed.
    public private(set) var completedSteps: Int = 0
    public private(set) var history: [TrainingStepRecord] = []

    let activations: ActivationWorkspace
    let gradientWorkspace: GradientWorkspace
    let gradients: Tensor

    /// A trainer with fresh adapters initialized as PEFT does (A uniform, B zero) from the seed.
    public convenience init(weights: LlamaWeights, examples: [TrainingExample],
                            configuration: TrainingConfiguration) throws {
        let adapters = LoRAAdapters(configuration: configuration.lora, modelConfiguration: weights.configuration)
        adapters.initializeLikePEFT(seed: mixBits(configuration.seed ^ 0x4C6F_5241))
        try self.init(weights: weights, adapters: adapters, examples: examples, configuration: configuration)
    }

    /// A trainer continuing from given adapters (optimizer state starts empty).
    public init(weights: LlamaWeights, adapters: LoRAAdapters, examples: [TrainingExample],
                configuration: TrainingConfiguration) throws {
        precondition(adapters.configuration == configuration.lora, "adapters differ from the configuration")
        guard configuration.sequenceLength <= weights.configuration.contextLength else {
            throw TrainingError.invalidConfiguration(
                "sequence length \(configuration.sequenceLength) exceeds the model's context \(weights.configuration.contextLength)")
        }
        self.configuration = configuration
        self.adapters = adapters
        model = LlamaModel(weights: weights, adapters: adapters, maximumPosition: configuration.sequenceLength)
        optimizer = AdamW(parameterCount: adapters.parameterCount, beta1: configuration.beta1,
                          beta2: configuration.beta2, epsilon: configuration.epsilon,
                          weightDecay: configuration.weightDecay)
        stream = try ExampleStream(examples: examples, seed: configuration.seed, sequenceLength: configuration.sequenceLength)
        activations = ActivationWorkspace(configuration: weights.configuration, rowCount: configuration.batchRows,
                                          sequenceLength: configuration.sequenceLength, lora: configuration.lora)
        gradientWorkspace = GradientWorkspace(configuration: weights.configuration, rowCount: configuration.batchRows,
                                              sequenceLength: configuration.sequenceLength, lora: configuration.lora)
        gradients = Tensor(shape: [adapters.parameterCount])
    }

    /// Bytes of activation and gradient buffers (weights and adapters excluded).
    public var workspaceByteCount: Int { activations.byteCount + gradientWorkspace.byteCount }

    /// Runs one optimizer step and records it.
    @discardableResult
    public func step(clock: () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }) -> TrainingStepRecord {
        let started = clock()
        BLAS.threadCount = configuration.threadCount
        let batches = (0..<configuration.accumulationSteps).map { _ in
            stream.nextBatch(rowCount: configuration.batchRows, sequenceLength: configuration.sequenceLength,
                             packing: configuration.packing, paddingToken: configuration.paddingToken)
        }
        let supervised = batches.reduce(0) { $0 + $1.supervisedCount }
        let tokens = batches.reduce(0) { $0 + $1.realTokenCount }
        let pass = LoRABackwardPass(model: model, activations: activations, gradients: gradientWorkspace)
        gradients.fill(0)
        var lossSum = 0.0
        for (micro, batch) in batches.enumerated() {
            let dropout = configuration.lora.dropout > 0
                ? LoRADropout(rate: configuration.lora.dropout,
                              seed: mixBits(configuration.seed ^ UInt64(completedSteps * configuration.accumulationSteps + micro)))
                : nil
            model.forward(batch: batch, workspace: activations, dropout: dropout)
            lossSum += pass.languageModelLoss(batch: batch, gradientScale: 1 / Float(supervised))
            pass.backward(batch: batch, gradients: gradients, dropout: dropout)
        }
        let norm = configuration.maximumGradientNorm.map { clipGradients(gradients, maximumNorm: $0) }
            ?? globalNorm(gradients)
        let rate = configuration.schedule.rate(at: completedSteps)
        optimizer.update(parameters: adapters.parameters, gradients: gradients, learningRate: rate)
        completedSteps += 1
        let record = TrainingStepRecord(step: completedSteps, loss: lossSum / Double(supervised), learningRate: rate,
                                        gradientNorm: norm, supervisedTokens: supervised, tokens: tokens,
                                        seconds: clock() - started)
        history.append(record)
        return record
    }

    /// Restores the position of a checkpoint (used by `TrainingCheckpoint.resume`).
    func restore(step: Int, epoch: Int, offset: Int, history: [TrainingStepRecord]) {
        completedSteps = step
        self.history = history
        optimizer.stepCount = step
        stream.seek(epoch: epoch, offset: offset)
    }
}
