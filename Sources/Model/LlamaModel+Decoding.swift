import LinearAlgebra

/// The keys and values of every layer for one sequence, so each new token costs one row of work.
public final class KeyValueCache {
    public let capacity: Int
    /// The number of positions filled.
    public private(set) var count: Int = 0
    /// Per layer [capacity, K·D].
    let keys: [Tensor]
    /// Per layer [capacity, K·D].
    let values: [Tensor]

    public init(configuration: LlamaConfiguration, capacity: Int) {
        self.capacity = capacity
        keys = (0..<configuration.layerCount).map { _ in Tensor(shape: [capacity, configuration.keyValueWidth]) }
        values = (0..<configuration.layerCount).map { _ in Tensor(shape: [capacity, configuration.keyValueWidth]) }
    }

    /// Forgets every position (the buffers are kept).
    public func reset() { count = 0 }

    func advance(by steps: Int) { count += steps }
}

extension LlamaModel {
    /// Feeds `tokens` (the next positions of the cached sequence) and returns logits[N, V] for each.
    /// A prompt can go in whole, then one token per call; the result equals the full forward pass.
    public func decode(_ tokens: [Int32], cache: KeyValueCache) -> Tensor {
        let c = configuration
        let n = tokens.count, start = cache.count
        precondition(n > 0, "nothing to decode")
        precondition(start + n <= cache.capacity, "the cache holds \(cache.capacity) positions")
        precondition(start + n <= rotary.positionCount, "position beyond the rotary table")
        let x = Tensor(shape: [n, c.hiddenSize])
        let normalized = Tensor(shape: [n, c.hiddenSize])
        let q = Tensor(shape: [n, c.queryWidth])
        let attended = Tensor(shape: [n, c.queryWidth])
        let projected = Tensor(shape: [n, c.hiddenSize])
        let gate = Tensor(shape: [n, c.intermediateSize])
        let up = Tensor(shape: [n, c.intermediateSize])
        let scratch = Tensor(shape: [n, start + n])
        let loraHidden = Tensor(shape: [n, adapters?.configuration.rank ?? 1])
        let positions = (0..<n).map { Int32(start + $0) }

        tokens.withUnsafeBufferPointer { LlamaKernels.embed(tokens: $0.baseAddress!, rows: n, table: weights.tokenEmbedding, out: x.data) }
        for (layerIndex, layer) in weights.layers.enumerated() {
            let k = cache.keys[layerIndex].data + start * c.keyValueWidth
            let v = cache.values[layerIndex].data + start * c.keyValueWidth
            LlamaKernels.rmsNorm(x: x.data, weight: layer.attentionNorm.data, out: normalized.data, rstd: nil,
                                 rows: n, width: c.hiddenSize, epsilon: c.rmsNormEpsilon)
            apply(.query, layer: layerIndex, input: normalized.data, rows: n, into: q.data, hidden: loraHidden)
            apply(.key, layer: layerIndex, input: normalized.data, rows: n, into: k, hidden: loraHidden)
            apply(.value, layer: layerIndex, input: normalized.data, rows: n, into: v, hidden: loraHidden)
            positions.withUnsafeBufferPointer { positions in
                LlamaKernels.rotary(q.data, rows: n, heads: c.headCount, positions: positions.baseAddress!, table: rotary)
                LlamaKernels.rotary(k, rows: n, heads: c.keyValueHeadCount, positions: positions.baseAddress!, table: rotary)
            }
            LlamaKernels.attention(q: q.data, k: cache.keys[layerIndex].data, v: cache.values[layerIndex].data,
                                   out: attended.data, queryCount: n, keyCount: start + n, queryOffset: start,
                                   keyStarts: nil, heads: c.headCount, keyValueHeads: c.keyValueHeadCount,
                                   headDimension: c.headDimension, scratch: scratch.data)
            apply(.output, layer: layerIndex, input: attended.data, rows: n, into: projected.data, hidden: loraHidden)
            LlamaKernels.addInPlace(x.data, projected.data, count: n * c.hiddenSize)
            LlamaKernels.rmsNorm(x: x.data, weight: layer.mlpNorm.data, out: normalized.data, rstd: nil,
                                 rows: n, width: c.hiddenSize, epsilon: c.rmsNormEpsilon)
            apply(.gate, layer: layerIndex, input: normalized.data, rows: n, into: gate.data, hidden: loraHidden)
            apply(.up, layer: layerIndex, input: normalized.data, rows: n, into: up.data, hidden: loraHidden)
            LlamaKernels.swiGLU(gate: gate.data, up: up.data, out: gate.data, count: n * c.intermediateSize)
            apply(.down, layer: layerIndex, input: gate.data, rows: n, into: projected.data, hidden: loraHidden)
            LlamaKernels.addInPlace(x.data, projected.data, count: n * c.hiddenSize)
        }
        cache.advance(by: n)
        LlamaKernels.rmsNorm(x: x.data, weight: weights.outputNorm.data, out: normalized.data, rstd: nil,
                             rows: n, width: c.hiddenSize, epsilon: c.rmsNormEpsilon)
        let logits = Tensor(shape: [n, c.vocabularySize])
        LlamaKernels.linear(x: normalized.data, rows: n, inputFeatures: c.hiddenSize,
                            weight: weights.languageModelHead, y: logits.data)
        return logits
    }

    /// Continues `prompt` by up to `maximumNewTokens` tokens, stopping after any of `stopTokens`
    /// (which is included in the result). Returns only the new tokens.
    public func generate(prompt: [Int32], maximumNewTokens: Int, sampler: inout Sampler,
                         stopTokens: Set<Int32> = []) -> [Int32] {
        precondition(!prompt.isEmpty, "generation needs at least one prompt token")
        let capacity = min(prompt.count + maximumNewTokens, rotary.positionCount)
        let cache = KeyValueCache(configuration: configuration, capacity: capacity)
        var produced: [Int32] = []
        var logits = decode(prompt, cache: cache)
        var lastRow = prompt.count - 1
        while produced.count < maximumNewTokens {
            let token = sampler.sample(logits: logits.row(lastRow), count: configuration.vocabularySize)
            produced.append(token)
            if stopTokens.contains(token) || cache.count >= capacity { break }
            logits = decode([token], cache: cache)
            lastRow = 0
        }
        return produced
    }

    /// y = input · Wᵀ plus the LoRA branch when adapted, without saving anything (inference).
    func apply(_ target: LoRATarget, layer: Int, input: UnsafeMutablePointer<Float>, rows: Int,
                       into y: UnsafeMutablePointer<Float>, hidden: Tensor) {
        let weight = weights.layers[layer].projection(target)
        LlamaKernels.linear(x: input, rows: rows, inputFeatures: weight.columnCount, weight: weight, y: y)
        guard let adapters, let slot = adapters.slot(layer: layer, target: target) else { return }
        LlamaKernels.loraForward(x: input, rows: rows, slot: slot, rank: adapters.configuration.rank,
                                 scale: adapters.configuration.scale, parameters: adapters.parameters.data,
                                 hidden: hidden.data, y: y)
    }
}
