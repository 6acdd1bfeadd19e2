import LinearAlgebra

/// A Llama-family decoder ready to run: frozen weights, optional (unmerged) LoRA adapters and the
/// rotary table. The batched forward pass (for training) lives here with the incremental one
/// (for generation) so both share one set of kernels.
public final class LlamaModel {
    public let configuration: LlamaConfiguration
    public let weights: LlamaWeights
    /// Adapters applied on top of the frozen weights; nil runs the base model.
    public var adapters: LoRAAdapters?
    public let rotary: RotaryTable

    public init(weights: LlamaWeights, adapters: LoRAAdapters? = nil, maximumPosition: Int? = nil) {
        if let adapters {
            precondition(adapters.modelConfiguration == weights.configuration, "adapters for another model shape")
        }
        configuration = weights.configuration
        self.weights = weights
        self.adapters = adapters
        rotary = RotaryTable(headDimension: weights.configuration.headDimension,
                             positionCount: maximumPosition ?? weights.configuration.contextLength,
                             theta: weights.configuration.ropeTheta)
    }

    /// Runs the whole batch through every layer, saving what backward needs into `workspace`,
    /// and leaves the final normalized hidden states in `workspace.finalNormalized`.
    /// `dropout` applies LoRA dropout (training only).
    public func forward(batch: TokenBatch, workspace: ActivationWorkspace, dropout: LoRADropout? = nil) {
        let c = configuration
        precondition(batch.rowCount == workspace.rowCount && batch.sequenceLength == workspace.sequenceLength,
                     "batch shape differs from the workspace")
        precondition(workspace.loraRank == (adapters?.configuration.rank ?? 0)
                     && workspace.loraSlotsPerLayer == (adapters?.configuration.targets.count ?? 0),
                     "workspace sized for other adapters")
        let n = batch.tokenCount, t = batch.sequenceLength
        let w = workspace
        batch.tokens.withUnsafeBufferPointer { tokens in
            LlamaKernels.embed(tokens: tokens.baseAddress!, rows: n, table: weights.tokenEmbedding,
                               out: w.layerInputs.data)
        }
        for (layerIndex, layer) in weights.layers.enumerated() {
            let x = w.slice(w.layerInputs, layer: layerIndex)
            let q = w.slice(w.queries, layer: layerIndex)
            let k = w.slice(w.keys, layer: layerIndex)
            let v = w.slice(w.values, layer: layerIndex)
            let attended = w.slice(w.attentionOutputs, layer: layerIndex)
            let mid = w.slice(w.mlpInputs, layer: layerIndex)
            let gate = w.slice(w.gates, layer: layerIndex)
            let up = w.slice(w.ups, layer: layerIndex)
            let next = w.slice(w.layerInputs, layer: layerIndex + 1)

            LlamaKernels.rmsNorm(x: x, weight: layer.attentionNorm.data, out: w.normalized.data,
                                 rstd: w.slice(w.attentionRstd, layer: layerIndex), rows: n, width: c.hiddenSize,
                                 epsilon: c.rmsNormEpsilon)
            project(.query, layer: layerIndex, input: w.normalized.data, rows: n, into: q, workspace: w, dropout: dropout)
            project(.key, layer: layerIndex, input: w.normalized.data, rows: n, into: k, workspace: w, dropout: dropout)
            project(.value, layer: layerIndex, input: w.normalized.data, rows: n, into: v, workspace: w, dropout: dropout)
            batch.positions.withUnsafeBufferPointer { positions in
                LlamaKernels.rotary(q, rows: n, heads: c.headCount, positions: positions.baseAddress!, table: rotary)
                LlamaKernels.rotary(k, rows: n, heads: c.keyValueHeadCount, positions: positions.baseAddress!,
                                    table: rotary)
            }
            batch.keyStarts.withUnsafeBufferPointer { starts in
                for row in 0..<batch.rowCount {
                    LlamaKernels.attention(
                        q: q + row * t * c.queryWidth, k: k + row * t * c.keyValueWidth,
                        v: v + row * t * c.keyValueWidth, out: attended + row * t * c.queryWidth,
                        queryCount: t, keyCount: t, queryOffset: 0, keyStarts: starts.baseAddress! + row * t,
                        heads: c.headCount, keyValueHeads: c.keyValueHeadCount, headDimension: c.headDimension,
                        scratch: w.attentionScratch.data)
                }
            }
            project(.output, layer: layerIndex, input: attended, rows: n, into: mid, workspace: w, dropout: dropout)
            LlamaKernels.addInPlace(mid, x, count: n * c.hiddenSize)

            LlamaKernels.rmsNorm(x: mid, weight: layer.mlpNorm.data, out: w.normalized.data,
                                 rstd: w.slice(w.mlpRstd, layer: layerIndex), rows: n, width: c.hiddenSize,
                                 epsilon: c.rmsNormEpsilon)
            project(.gate, layer: layerIndex, input: w.normalized.data, rows: n, into: gate, workspace: w, dropout: dropout)
            project(.up, layer: layerIndex, input: w.normalized.data, rows: n, into: up, workspace: w, dropout: dropout)
            LlamaKernels.swiGLU(gate: gate, up: up, out: w.mlpHidden.data, count: n * c.intermediateSize)
            project(.down, layer: layerIndex, input: w.mlpHidden.data, rows: n, into: next, workspace: w, dropout: dropout)
            LlamaKernels.addInPlace(next, mid, count: n * c.hiddenSize)
        }
        LlamaKernels.rmsNorm(x: w.slice(w.layerInputs, layer: c.layerCount), weight: weights.outputNorm.data,
                             out: w.finalNormalized.data, rstd: w.finalRstd.data, rows: n, width: c.hiddenSize,
                             epsilon: c.rmsNormEpsilon)
    }

    /// logits[R, V] for the given rows (indices into the batch's N tokens) of the last forward pass.
    public func logits(rows: [Int], workspace: ActivationWorkspace) -> Tensor {
        let c = configuration
        let gathered = Tensor(shape: [rows.count, c.hiddenSize])
        for (index, row) in rows.enumerated() {
            (gathered.data + index * c.hiddenSize).update(from: workspace.finalNormalized.row(row), count: c.hiddenSize)
        }
        let result = Tensor(shape: [rows.count, c.vocabularySize])
        LlamaKernels.linear(x: gathered.data, rows: rows.count, inputFeatures: c.hiddenSize,
                            weight: weights.languageModelHead, y: result.data)
        return result
    }

    /// y = input · Wᵀ plus the LoRA branch when `target` is adapted, saving the branch's hidden values.
    private func project(_ target: LoRATarget, layer: Int, input: UnsafeMutablePointer<Float>, rows: Int,
                         into y: UnsafeMutablePointer<Float>, workspace: ActivationWorkspace, dropout: LoRADropout?) {
        let weight = weights.layers[layer].projection(target)
        LlamaKernels.linear(x: input, rows: rows, inputFeatures: weight.columnCount, weight: weight, y: y)
        guard let adapters, let slotNumber = adapters.slotNumber(layer: layer, target: target) else { return }
        let slot = adapters.slots[slotNumber]
        let position = adapters.configuration.targets.firstIndex(of: target)!
        var loraInput = UnsafePointer(input)
        if let dropout, dropout.rate > 0 {
            dropout.apply(input, to: workspace.dropoutInput.data, rows: rows, width: slot.inputFeatures,
                          slotNumber: slotNumber)
            loraInput = UnsafePointer(workspace.dropoutInput.data)
        }
        LlamaKernels.loraForward(x: loraInput, rows: rows, slot: slot, rank: adapters.configuration.rank,
                                 scale: adapters.configuration.scale, parameters: adapters.parameters.data,
                                 hidden: workspace.loraHidden(layer: layer, slotPosition: position), y: y)
    }
}
