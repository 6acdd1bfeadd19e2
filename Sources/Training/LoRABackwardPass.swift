import Foundation
import LinearAlgebra
import Model

/// The loss and backward pass of LoRA fine-tuning: cross-entropy on the supervised positions only
/// (the LM head runs on just those rows, in chunks), then every layer in reverse, accumulating
/// gradients for the LoRA A/B matrices into a flat buffer laid out like `LoRAAdapters.parameters`.
public struct LoRABackwardPass {
    public let model: LlamaModel
    public let adapters: LoRAAdapters
    public let activations: ActivationWorkspace
    public let gradientsWorkspace: GradientWorkspace

    public init(model: LlamaModel, activations: ActivationWorkspace, gradients: GradientWorkspace) {
        guard let adapters = model.adapters else { preconditionFailure("LoRA training needs adapters on the model") }
        self.model = model
        self.adapters = adapters
        self.activations = activations
        self.gradientsWorkspace = gradients
    }

    /// The summed cross-entropy over the batch's targets of the last forward pass; writes
    /// gradientScale · dLoss/d(final normalized hidden) into the workspace for `backward`.
    public func languageModelLoss(batch: TokenBatch, gradientScale: Float) -> Double {
        let c = model.configuration
        let g = gradientsWorkspace
        let head = model.weights.languageModelHead
        g.normalized.fill(0)
        let rows = batch.targets.indices.filter { batch.targets[$0] >= 0 }
        var total = 0.0
        var chunkStart = 0
        while chunkStart < rows.count {
            let chunk = Array(rows[chunkStart..<min(chunkStart + g.logitRowsPerChunk, rows.count)])
            for (index, row) in chunk.enumerated() {
                (g.gathered.data + index * c.hiddenSize).update(from: activations.finalNormalized.row(row),
                                                                count: c.hiddenSize)
            }
            // logits[m, V] = gathered[m, C] · Eᵀ
            LlamaKernels.linear(x: g.gathered.data, rows: chunk.count, inputFeatures: c.hiddenSize, weight: head,
                                y: g.logits.data)
            var rowLosses = [Double](repeating: 0, count: chunk.count)
            rowLosses.withUnsafeMutableBufferPointer { losses in
                chunk.withUnsafeBufferPointer { chunkRows in
                    ParallelLoop.chunks(count: chunkRows.count, minimumChunk: 8) { range in
                        for index in range {
                            let logits = g.logits.data + index * c.vocabularySize
                            let target = Int(batch.targets[chunkRows[index]])
                            losses[index] = Self.softmaxCrossEntropy(logits, count: c.vocabularySize, target: target,
                                                                     gradientScale: gradientScale)
                        }
                    }
                }
            }
            total += rowLosses.reduce(0, +)
            // dGathered[m, C] = dLogits[m, V] · E
            LlamaBackwardKernels.linearBackward(dy: g.logits.data, rows: chunk.count, weight: head,
                                                dx: g.gatheredGradient.data, accumulate: false)
            for (index, row) in chunk.enumerated() {
                g.normalized.row(row).update(from: g.gatheredGradient.data + index * c.hiddenSize, count: c.hiddenSize)
            }
            chunkStart += chunk.count
        }
        return total
    }

    /// Replaces logits[V] with gradientScale · (softmax − onehot(target)) and returns the row's loss.
    private static func softmaxCrossEntropy(_ logits: UnsafeMutablePointer<Float>, count: Int, target: Int,
                                            gradientScale: Float) -> Double {
        let largest = VectorMath.maximum(logits, count: count)
        let targetLogit = logits[target]
        let sum = VectorMath.exponentiate(logits, count: count, subtracting: largest)
        VectorMath.scale(logits, count: count, by: gradientScale / sum)
        logits[target] -= gradientScale
        return Double(logf(sum)) - Double(targetLogit - largest)
    }

    /// Backpropagates the gradient left by `languageModelLoss` through every layer, adding
    /// dLoss/dA and dLoss/dB into `gradients` (same layout as the adapter parameters).
    public func backward(batch: TokenBatch, gradients: Tensor, dropout: LoRADropout?) {
        let c = model.configuration
        let a = activations, g = gradientsWorkspace
        let n = batch.tokenCount, t = batch.sequenceLength
        precondition(gradients.count == adapters.parameterCount, "gradient buffer of the wrong size")
        g.residual.fill(0)
        LlamaBackwardKernels.rmsNormBackward(
            dy: g.normalized.data, x: a.slice(a.layerInputs, layer: c.layerCount), rstd: a.finalRstd.data,
            weight: model.weights.outputNorm.data, dx: g.residual.data, rows: n, width: c.hiddenSize)

        for layerIndex in stride(from: c.layerCount - 1, through: 0, by: -1) {
            let layer = model.weights.layers[layerIndex]
            let x = a.slice(a.layerInputs, layer: layerIndex)
            let mid = a.slice(a.mlpInputs, layer: layerIndex)
            let gate = a.slice(a.gates, layer: layerIndex), up = a.slice(a.ups, layer: layerIndex)
            let q = a.slice(a.queries, layer: layerIndex), k = a.slice(a.keys, layer: layerIndex)
            let v = a.slice(a.values, layer: layerIndex), attended = a.slice(a.attentionOutputs, layer: layerIndex)

            // MLP: next = mid + down(silu(gate(m̂)) · up(m̂)), m̂ = rmsnorm(mid).
            LlamaKernels.swiGLU(gate: gate, up: up, out: a.mlpHidden.data, count: n * c.intermediateSize)
            LlamaBackwardKernels.linearBackward(dy: g.residual.data, rows: n, weight: layer.down, dx: g.hidden.data,
                                                accumulate: false)
            loraBranch(.down, layer: layerIndex, dy: g.residual.data, input: a.mlpHidden.data, rows: n,
                       inputGradient: g.hidden.data, gradients: gradients, dropout: dropout)
            LlamaBackwardKernels.swiGLUBackward(dh: g.hidden.data, gate: gate, up: up, dGate: g.gates.data,
                                                dUp: g.ups.data, count: n * c.intermediateSize)
            LlamaKernels.rmsNorm(x: mid, weight: layer.mlpNorm.data, out: a.normalized.data, rstd: nil, rows: n,
                                 width: c.hiddenSize, epsilon: c.rmsNormEpsilon)
            LlamaBackwardKernels.linearBackward(dy: g.gates.data, rows: n, weight: layer.gate, dx: g.normalized.data,
                                                accumulate: false)
            loraBranch(.gate, layer: layerIndex, dy: g.gates.data, input: a.normalized.data, rows: n,
                       inputGradient: g.normalized.data, gradients: gradients, dropout: dropout)
            LlamaBackwardKernels.linearBackward(dy: g.ups.data, rows: n, weight: layer.up, dx: g.normalized.data,
                                                accumulate: true)
            loraBranch(.up, layer: layerIndex, dy: g.ups.data, input: a.normalized.data, rows: n,
                       inputGradient: g.normalized.data, gradients: gradients, dropout: dropout)
            LlamaBackwardKernels.rmsNormBackward(
                dy: g.normalized.data, x: mid, rstd: a.slice(a.mlpRstd, layer: layerIndex),
                weight: layer.mlpNorm.data, dx: g.residual.data, rows: n, width: c.hiddenSize)

            // Attention: mid = x + o(attention(rope(q(x̂)), rope(k(x̂)), v(x̂))), x̂ = rmsnorm(x).
            LlamaBackwardKernels.linearBackward(dy: g.residual.data, rows: n, weight: layer.output,
                                                dx: g.attended.data, accumulate: false)
            loraBranch(.output, layer: layerIndex, dy: g.residual.data, input: attended, rows: n,
                       inputGradient: g.attended.data, gradients: gradients, dropout: dropout)
            g.keys.fill(0)
            g.values.fill(0)
            batch.keyStarts.withUnsafeBufferPointer { starts in
                for row in 0..<batch.rowCount {
                    let qRow = row * t * c.queryWidth, kvRow = row * t * c.keyValueWidth
                    LlamaBackwardKernels.attentionBackward(
                        q: q + qRow, k: k + kvRow, v: v + kvRow, dOut: g.attended.data + qRow,
                        dq: g.queries.data + qRow, dk: g.keys.data + kvRow, dv: g.values.data + kvRow,
                        length: t, keyStarts: starts.baseAddress! + row * t, heads: c.headCount,
                        keyValueHeads: c.keyValueHeadCount, headDimension: c.headDimension,
                        probabilities: g.probabilities.data, scratch: g.probabilityGradients.data)
                }
            }
            batch.positions.withUnsafeBufferPointer { positions in
                LlamaKernels.rotary(g.queries.data, rows: n, heads: c.headCount, positions: positions.baseAddress!,
                                    table: model.rotary, inverse: true)
                LlamaKernels.rotary(g.keys.data, rows: n, heads: c.keyValueHeadCount,
                                    positions: positions.baseAddress!, table: model.rotary, inverse: true)
            }
            LlamaKernels.rmsNorm(x: x, weight: layer.attentionNorm.data, out: a.normalized.data, rstd: nil, rows: n,
                                 width: c.hiddenSize, epsilon: c.rmsNormEpsilon)
            let projections: [(LoRATarget, Tensor, Tensor)] = [
                (.query, layer.query, g.queries), (.key, layer.key, g.keys), (.value, layer.value, g.values),
            ]
            // The embeddings are frozen, so layer 0 needs no gradient for its input: only A and B.
            let needsInputGradient = layerIndex > 0
            for (index, (target, weight, dy)) in projections.enumerated() {
                if needsInputGradient {
                    LlamaBackwardKernels.linearBackward(dy: dy.data, rows: n, weight: weight, dx: g.normalized.data,
                                                        accumulate: index > 0)
                }
                loraBranch(target, layer: layerIndex, dy: dy.data, input: a.normalized.data, rows: n,
                           inputGradient: needsInputGradient ? g.normalized.data : nil, gradients: gradients,
                           dropout: dropout)
            }
            guard needsInputGradient else { continue }
            LlamaBackwardKernels.rmsNormBackward(
                dy: g.normalized.data, x: x, rstd: a.slice(a.attentionRstd, layer: layerIndex),
                weight: layer.attentionNorm.data, dx: g.residual.data, rows: n, width: c.hiddenSize)
        }
    }

    /// The LoRA part of one projection's backward pass: A/B gradients, plus the branch's
    /// contribution to the input gradient (masked like the forward input when dropout is on).
    private func loraBranch(_ target: LoRATarget, layer: Int, dy: UnsafePointer<Float>, input: UnsafeMutablePointer<Float>,
                            rows: Int, inputGradient: UnsafeMutablePointer<Float>?, gradients: Tensor,
                            dropout: LoRADropout?) {
        guard let slotNumber = adapters.slotNumber(layer: layer, target: target) else { return }
        let slot = adapters.slots[slotNumber]
        let position = adapters.configuration.targets.firstIndex(of: target)!
        let g = gradientsWorkspace
        let hidden = activations.loraHidden(layer: layer, slotPosition: position)
        let rank = adapters.configuration.rank, scale = adapters.configuration.scale
        if let dropout, dropout.rate > 0 {
            let count = rows * slot.inputFeatures
            dropout.apply(input, to: g.dropoutInput.data, rows: rows, width: slot.inputFeatures, slotNumber: slotNumber)
            LlamaBackwardKernels.loraBackward(
                dy: dy, x: g.dropoutInput.data, hidden: hidden, rows: rows, slot: slot, rank: rank, scale: scale,
                parameters: adapters.parameters.data, gradients: gradients.data, hiddenGradient: g.loraHidden.data,
                inputGradient: inputGradient == nil ? nil : g.loraInputGradient.data, accumulateInput: false)
            guard let inputGradient else { return }
            dropout.apply(g.loraInputGradient.data, to: g.loraInputGradient.data, rows: rows,
                          width: slot.inputFeatures, slotNumber: slotNumber)
            LlamaKernels.addInPlace(inputGradient, g.loraInputGradient.data, count: count)
        } else {
            LlamaBackwardKernels.loraBackward(
                dy: dy, x: input, hidden: hidden, rows: rows, slot: slot, rank: rank, scale: scale,
                parameters: adapters.parameters.data, gradients: gradients.data, hiddenGradient: g.loraHidden.data,
                inputGradient: inputGradient, accumulateInput: true)
        }
    }
}
