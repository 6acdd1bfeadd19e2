import Model

/// Everything that determines a LoRA training run; saved in checkpoints so a resume cannot drift.
public struct TrainingConfiguration: Sendable, Equatable, Codable {
    public var lora: LoRAConfiguration
    /// B: rows per micro-batch.
    public var batchRows: Int
    /// T: tokens per row.
    public var sequenceLength: Int
    /// Pack several examples per row (true) or pad one example per row (false).
    public var packing: Bool
    /// Micro-batches whose gradients are summed before each optimizer step.
    public var accumulationSteps: Int
    public var schedule: LearningRateSchedule
    public var weightDecay: Float
    public var beta1: Float
    public var beta2: Float
    public var epsilon: Float
    /// Clip the global gradient norm to this value; nil disables clipping.
    public var maximumGradientNorm: Float?
    /// Seeds adapter initialization, example order and dropout masks.
    public var seed: UInt64
    /// The token placed in padding positions (never attended to by real tokens, never a target).
    public var paddingToken: Int32
    /// Threads a step uses: that many data-parallel workers (at most one per batch row), each with one
    /// BLAS thread; when that leaves a single worker, it gets all the threads as BLAS threads.
    /// Results depend on it (rounding of the split sums), so a checkpoint keeps it.
    public var threadCount: Int

    public init(lora: LoRAConfiguration = LoRAConfiguration(), batchRows: Int = 4, sequenceLength: Int = 256,
                packing: Bool = true, accumulationSteps: Int = 1,
                schedule: LearningRateSchedule = LearningRateSchedule(peak: 2e-4, warmupSteps: 10, totalSteps: 100),
                weightDecay: Float = 0, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
                maximumGradientNorm: Float? = 1, seed: UInt64 = 0, paddingToken: Int32 = 0, threadCount: Int = 1) {
        precondition(batchRows > 0 && sequenceLength > 1 && accumulationSteps > 0 && threadCount > 0,
                     "bad training shape")
        self.lora = lora
        self.batchRows = batchRows
        self.sequenceLength = sequenceLength
        self.packing = packing
        self.accumulationSteps = accumulationSteps
        self.schedule = schedule
        self.weightDecay = weightDecay
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.maximumGradientNorm = maximumGradientNorm
        self.seed = seed
        self.paddingToken = paddingToken
        self.threadCount = threadCount
    }
}

/// What one optimizer step did: the loss-curve data.
public struct TrainingStepRecord: Sendable, Equatable, Codable {
    /// 1-based optimizer step.
    public var step: Int
    /// Mean cross-entropy per supervised token over the step's micro-batches.
    public var loss: Double
    public var learningRate: Float
    /// Global gradient norm before clipping.
    public var gradientNorm: Double
    public var supervisedTokens: Int
    /// Non-padding tokens processed.
    public var tokens: Int
    public var seconds: Double
}
