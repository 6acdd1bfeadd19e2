import LinearAlgebra
import Model

/// One data-parallel share of a training step: a fixed range of every micro-batch's rows, run through
/// forward, loss and backward on this worker's own activations, backward buffers and gradient sum.
/// Workers run concurrently with BLAS at one thread each, so they must never write shared memory:
/// the model, weights and adapters are only read during a step (AdamW runs after all workers finish).
final class TrainingWorker {
    /// The rows of each micro-batch this worker computes.
    let rows: Range<Int>
    let activations: ActivationWorkspace
    let gradientWorkspace: GradientWorkspace
    /// dLoss/dA and dLoss/dB summed over this worker's rows, laid out like the adapter parameters.
    let gradients: Tensor
    /// The summed cross-entropy of this worker's supervised positions in the last step.
    private(set) var lossSum = 0.0

    init(rows: Range<Int>, model: LlamaConfiguration, sequenceLength: Int, lora: LoRAConfiguration,
         parameterCount: Int) {
        self.rows = rows
        activations = ActivationWorkspace(configuration: model, rowCount: rows.count, sequenceLength: sequenceLength,
                                          lora: lora)
        gradientWorkspace = GradientWorkspace(configuration: model, rowCount: rows.count,
                                              sequenceLength: sequenceLength, lora: lora)
        gradients = Tensor(shape: [parameterCount])
    }

    /// The row ranges of `workerCount` workers sharing `rowCount` rows as evenly as possible, in order.
    static func rowRanges(rowCount: Int, workerCount: Int) -> [Range<Int>] {
        (0..<workerCount).map { (rowCount * $0 / workerCount)..<(rowCount * ($0 + 1) / workerCount) }
    }

    /// Bytes of this worker's buffers.
    var byteCount: Int { activations.byteCount + gradientWorkspace.byteCount + gradients.count * 4 }

    /// Zeroes the gradient sum, then runs this worker's rows of every micro-batch (with that micro-batch's
    /// dropout, shifted to the worker's first token) and adds their gradients, scaled by `gradientScale`.
    func run(model: LlamaModel, batches: [TokenBatch], dropouts: [LoRADropout?], gradientScale: Float) {
        let pass = LoRABackwardPass(model: model, activations: activations, gradients: gradientWorkspace)
        gradients.fill(0)
        lossSum = 0
        for (batch, dropout) in zip(batches, dropouts) {
            let share = rows.count == batch.rowCount ? batch : batch.rows(rows)
            let shifted = dropout?.startingAt(token: rows.lowerBound * batch.sequenceLength)
            model.forward(batch: share, workspace: activations, dropout: shifted)
            lossSum += pass.languageModelLoss(batch: share, gradientScale: gradientScale)
            pass.backward(batch: share, gradients: gradients, dropout: shifted)
        }
    }
}
