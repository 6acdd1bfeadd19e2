import Foundation
import LinearAlgebra
import Model

/// LoRA fine-tuning of a frozen Llama model on tokenized examples (`TrainingExample`).
/// Each `step()` is one optimizer update: `accumulationSteps` micro-batches of forward, loss on the
/// supervised positions, backward; then gradient clipping and AdamW at the scheduled rate.
/// With `threadCount` above one, each micro-batch's rows are split across that many `TrainingWorker`s
/// (at most one per row), each running single-threaded BLAS on its own buffers; their gradients are
/// then summed in worker order, so a run's results do not depend on thread scheduling (they do depend
/// on the thread count, through the order of floating-point sums).
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

    let workers: [TrainingWorker]
    /// The summed gradients of a step: worker 0's buffer, into which the others are added.
    var gradients: Tensor { workers[0].gradients }

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
        let workerCount = min(configuration.threadCount, configuration.batchRows)
        workers = TrainingWorker.rowRanges(rowCount: configuration.batchRows, workerCount: workerCount).map {
            TrainingWorker(rows: $0, model: weights.configuration, sequenceLength: configuration.sequenceLength,
                           lora: configuration.lora, parameterCount: adapters.parameterCount)
        }
    }

    /// Bytes of activation and gradient buffers, all workers together (weights and adapters excluded).
    public var workspaceByteCount: Int { workers.reduce(0) { $0 + $1.byteCount } }

    /// The number of data-parallel workers a step uses.
    public var workerCount: Int { workers.count }

    /// Runs one optimizer step and records it.
    @discardableResult
    public func step(clock: () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }) -> TrainingStepRecord {
        let started = clock()
        let batches = (0..<configuration.accumulationSteps).map { _ in
            stream.nextBatch(rowCount: configuration.batchRows, sequenceLength: configuration.sequenceLength,
                             packing: configuration.packing, paddingToken: configuration.paddingToken)
        }
        let supervised = batches.reduce(0) { $0 + $1.supervisedCount }
        let tokens = batches.reduce(0) { $0 + $1.realTokenCount }
        let dropouts = batches.indices.map { micro in
            configuration.lora.dropout > 0
                ? LoRADropout(rate: configuration.lora.dropout,
                              seed: mixBits(configuration.seed ^ UInt64(completedSteps * configuration.accumulationSteps + micro)))
                : nil
        }
        // Several workers each get one BLAS thread (for the whole step, and left so after it: the sums
        // after the workers are cheap); a lone worker gets them all.
        BLAS.threadCount = workers.count > 1 ? 1 : configuration.threadCount
        ParallelLoop.concurrently(workers: workers.count) { index in
            workers[index].run(model: model, batches: batches, dropouts: dropouts, gradientScale: 1 / Float(supervised))
        }
        for worker in workers.dropFirst() {
            BLAS.saxpy(count: gradients.count, alpha: 1, x: worker.gradients.data, y: gradients.data)
        }
        let lossSum = workers.reduce(0.0) { $0 + $1.lossSum }
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
