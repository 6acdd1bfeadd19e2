import LinearAlgebra
import Model

/// The gradient buffers of one backward pass, allocated once for a fixed B×T and reused for every
/// layer and step (the backward pass walks layers one at a time, so one set suffices).
public final class GradientWorkspace {
    public let logitRowsPerChunk: Int
    /// [N, C]: the gradient of the residual stream at the current layer boundary.
    let residual: Tensor
    /// [N, C]: the gradient of a normalized input.
    let normalized: Tensor
    /// [N, H·D]
    let queries: Tensor
    /// [N, K·D]
    let keys: Tensor
    /// [N, K·D]
    let values: Tensor
    /// [N, H·D]
    let attended: Tensor
    /// [N, F]
    let gates: Tensor
    /// [N, F]
    let ups: Tensor
    /// [N, F]
    let hidden: Tensor
    /// [T, T] recomputed attention probabilities and [T, T] their gradient.
    let probabilities: Tensor
    let probabilityGradients: Tensor
    /// [N, r]
    let loraHidden: Tensor
    /// [N, max in] for dropout: the masked input and the branch's input gradient.
    let dropoutInput: Tensor
    let loraInputGradient: Tensor
    /// [chunk, V], [chunk, C], [chunk, C]: the LM head on a chunk of supervised rows.
    let logits: Tensor
    let gathered: Tensor
    let gatheredGradient: Tensor

    public init(configuration c: LlamaConfiguration, rowCount: Int, sequenceLength: Int, lora: LoRAConfiguration,
                logitRowsPerChunk: Int = 128) {
        let n = rowCount * sequenceLength
        self.logitRowsPerChunk = logitRowsPerChunk
        residual = Tensor(shape: [n, c.hiddenSize])
        normalized = Tensor(shape: [n, c.hiddenSize])
        queries = Tensor(shape: [n, c.queryWidth])
        keys = Tensor(shape: [n, c.keyValueWidth])
        values = Tensor(shape: [n, c.keyValueWidth])
        attended = Tensor(shape: [n, c.queryWidth])
        gates = Tensor(shape: [n, c.intermediateSize])
        ups = Tensor(shape: [n, c.intermediateSize])
        hidden = Tensor(shape: [n, c.intermediateSize])
        probabilities = Tensor(shape: [sequenceLength, sequenceLength])
        probabilityGradients = Tensor(shape: [sequenceLength, sequenceLength])
        loraHidden = Tensor(shape: [n, lora.rank])
        let widest = max(c.hiddenSize, c.intermediateSize, c.queryWidth)
        let dropoutRows = lora.dropout > 0 ? n : 1
        dropoutInput = Tensor(shape: [dropoutRows, widest])
        loraInputGradient = Tensor(shape: [dropoutRows, widest])
        logits = Tensor(shape: [logitRowsPerChunk, c.vocabularySize])
        gathered = Tensor(shape: [logitRowsPerChunk, c.hiddenSize])
        gatheredGradient = Tensor(shape: [logitRowsPerChunk, c.hiddenSize])
    }

    /// The bytes held by this workspace.
    public var byteCount: Int {
        [residual, normalized, queries, keys, values, attended, gates, ups, hidden, probabilities,
         probabilityGradients, loraHidden, dropoutInput, loraInputGradient, logits, gathered, gatheredGradient]
            .reduce(0) { $0 + $1.count * 4 }
    }
}
