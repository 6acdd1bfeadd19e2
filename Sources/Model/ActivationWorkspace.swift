import LinearAlgebra

/// Every activation the batched forward pass saves for the backward pass, allocated once for a
/// fixed B×T and reused each step. Per-layer tensors have a leading layer dimension; `scratch`
/// buffers are overwritten freely. Normalized inputs and the SwiGLU product are recomputed in
/// backward rather than stored, and so are attention probabilities: memory over a little compute.
public final class ActivationWorkspace {
    public let configuration: LlamaConfiguration
    public let rowCount: Int
    public let sequenceLength: Int
    public let tokenCount: Int
    public let loraRank: Int
    public let loraSlotsPerLayer: Int

    /// [L + 1, N, C]: the residual stream entering each layer; the last is the final one.
    public let layerInputs: Tensor
    /// [L, N]: 1/rms of each layer's attention-norm input.
    public let attentionRstd: Tensor
    /// [L, N]: 1/rms of each layer's MLP-norm input.
    public let mlpRstd: Tensor
    /// [L, N, H·D]: queries after RoPE.
    public let queries: Tensor
    /// [L, N, K·D]: keys after RoPE.
    public let keys: Tensor
    /// [L, N, K·D]
    public let values: Tensor
    /// [L, N, H·D]: attention output before the o projection.
    public let attentionOutputs: Tensor
    /// [L, N, C]: the residual stream after attention (the MLP-norm input).
    public let mlpInputs: Tensor
    /// [L, N, F]: gate projections before SiLU.
    public let gates: Tensor
    /// [L, N, F]
    public let ups: Tensor
    /// [L, S, N, r]: each LoRA branch's x·Aᵀ (S adapted projections per layer).
    public let loraHidden: Tensor
    /// [N]: 1/rms of the final norm input.
    public let finalRstd: Tensor
    /// [N, C]: the final normalized hidden states the LM head reads.
    public let finalNormalized: Tensor

    /// [N, C] scratch: a normalized layer input.
    public let normalized: Tensor
    /// [N, F] scratch: the SwiGLU product.
    public let mlpHidden: Tensor
    /// [N, max(C, F, H·D)] scratch: a dropped-out LoRA input.
    public let dropoutInput: Tensor
    /// [T, T] scratch: one head's attention probabilities.
    public let attentionScratch: Tensor

    public init(configuration: LlamaConfiguration, rowCount: Int, sequenceLength: Int,
                lora: LoRAConfiguration?) {
        let c = configuration
        let n = rowCount * sequenceLength, layers = c.layerCount
        self.configuration = c
        self.rowCount = rowCount
        self.sequenceLength = sequenceLength
        self.tokenCount = n
        loraRank = lora?.rank ?? 0
        loraSlotsPerLayer = lora?.targets.count ?? 0
        layerInputs = Tensor(shape: [layers + 1, n, c.hiddenSize])
        attentionRstd = Tensor(shape: [layers, n])
        mlpRstd = Tensor(shape: [layers, n])
        queries = Tensor(shape: [layers, n, c.queryWidth])
        keys = Tensor(shape: [layers, n, c.keyValueWidth])
        values = Tensor(shape: [layers, n, c.keyValueWidth])
        attentionOutputs = Tensor(shape: [layers, n, c.queryWidth])
        mlpInputs = Tensor(shape: [layers, n, c.hiddenSize])
        gates = Tensor(shape: [layers, n, c.intermediateSize])
        ups = Tensor(shape: [layers, n, c.intermediateSize])
        loraHidden = Tensor(shape: [layers, max(loraSlotsPerLayer, 1), n, max(loraRank, 1)])
        finalRstd = Tensor(shape: [n])
        finalNormalized = Tensor(shape: [n, c.hiddenSize])
        normalized = Tensor(shape: [n, c.hiddenSize])
        mlpHidden = Tensor(shape: [n, c.intermediateSize])
        let widest = max(c.hiddenSize, c.intermediateSize, c.queryWidth)
        dropoutInput = Tensor(shape: [lora.map { $0.dropout > 0 ? n : 1 } ?? 1, widest])
        attentionScratch = Tensor(shape: [sequenceLength, sequenceLength])
    }

    /// The bytes held by this workspace.
    public var byteCount: Int {
        [layerInputs, attentionRstd, mlpRstd, queries, keys, values, attentionOutputs, mlpInputs, gates, ups,
         loraHidden, finalRstd, finalNormalized, normalized, mlpHidden, dropoutInput, attentionScratch]
            .reduce(0) { $0 + $1.count * 4 }
    }

    /// The start of `layer`'s slice of a per-layer tensor.
    @inline(__always)
    public func slice(_ tensor: Tensor, layer: Int) -> UnsafeMutablePointer<Float> {
        tensor.data + layer * (tensor.count / tensor.shape[0])
    }

    /// The x·Aᵀ buffer [N, r] of LoRA slot position `slotPosition` (0..<S) in `layer`.
    @inline(__always)
    public func loraHidden(layer: Int, slotPosition: Int) -> UnsafeMutablePointer<Float> {
        loraHidden.data + (layer * max(loraSlotsPerLayer, 1) + slotPosition) * tokenCount * max(loraRank, 1)
    }
}
