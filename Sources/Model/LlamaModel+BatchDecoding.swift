import LinearAlgebra

extension LlamaModel {
    /// Feeds one new token to each of several cached sequences at once and returns logits[S, V].
    /// The projections run as one [S, C] GEMM instead of S matrix-vector products, which is where
    /// sampling many continuations gains its speed; attention still reads each sequence's own cache.
    public func decodeStep(_ tokens: [Int32], caches: [KeyValueCache]) -> Tensor {
        let c = configuration
        let n = tokens.count
        precondition(n > 0 && caches.count == n, "one token per cache")
        precondition(Set(caches.map(ObjectIdentifier.init)).count == n, "each sequence needs its own cache")
        for cache in caches {
            precondition(cache.count + 1 <= cache.capacity, "a cache is full (capacity \(cache.capacity))")
            precondition(cache.count + 1 <= rotary.positionCount, "position beyond the rotary table")
        }
        let x = Tensor(shape: [n, c.hiddenSize])
        let normalized = Tensor(shape: [n, c.hiddenSize])
        let q = Tensor(shape: [n, c.queryWidth])
        let k = Tensor(shape: [n, c.keyValueWidth])
        let v = Tensor(shape: [n, c.keyValueWidth])
        let attended = Tensor(shape: [n, c.queryWidth])
        let projected = Tensor(shape: [n, c.hiddenSize])
        let gate = Tensor(shape: [n, c.intermediateSize])
        let up = Tensor(shape: [n, c.intermediateSize])
        let scratch = Tensor(shape: [(caches.map(\.count).max() ?? 0) + 1])
        let loraHidden = Tensor(shape: [n, adapters?.configuration.rank ?? 1])
        let positions = caches.map { Int32($0.count) }

        tokens.withUnsafeBufferPointer { LlamaKernels.embed(tokens: $0.baseAddress!, rows: n, table: weights.tokenEmbedding, out: x.data) }
        for (layerIndex, layer) in weights.layers.enumerated() {
            LlamaKernels.rmsNorm(x: x.data, weight: layer.attentionNorm.data, out: normalized.data, rstd: nil,
                                 rows: n, width: c.hiddenSize, epsilon: c.rmsNormEpsilon)
            apply(.query, layer: layerIndex, input: normalized.data, rows: n, into: q.data, hidden: loraHidden)
            apply(.key, layer: layerIndex, input: normalized.data, rows: n, into: k.data, hidden: loraHidden)
            apply(.value, layer: layerIndex, input: normalized.data, rows: n, into: v.data, hidden: loraHidden)
            positions.withUnsafeBufferPointer { positions in
                LlamaKernels.rotary(q.data, rows: n, heads: c.headCount, positions: positions.baseAddress!, table: rotary)
                LlamaKernels.rotary(k.data, rows: n, heads: c.keyValueHeadCount, positions: positions.baseAddress!,
                                    table: rotary)
            }
            for (sequence, cache) in caches.enumerated() {
                let row = cache.count
                (cache.keys[layerIndex].data + row * c.keyValueWidth)
                    .update(from: k.data + sequence * c.keyValueWidth, count: c.keyValueWidth)
                (cache.values[layerIndex].data + row * c.keyValueWidth)
                    .update(from: v.data + sequence * c.keyValueWidth, count: c.keyValueWidth)
                LlamaKernels.attention(q: q.data + sequence * c.queryWidth, k: cache.keys[layerIndex].data,
                                       v: cache.values[layerIndex].data, out: attended.data + sequence * c.queryWidth,
                                       queryCount: 1, keyCount: row + 1, queryOffset: row, keyStarts: nil,
                                       heads: c.headCount, keyValueHeads: c.keyValueHeadCount,
                                       headDimension: c.headDimension, scratch: scratch.data)
            }
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
        for cache in caches { cache.advance(by: 1) }
        LlamaKernels.rmsNorm(x: x.data, weight: weights.outputNorm.data, out: normalized.data, rstd: nil,
                             rows: n, width: c.hiddenSize, epsilon: c.rmsNormEpsilon)
        let logits = Tensor(shape: [n, c.vocabularySize])
        LlamaKernels.linear(x: normalized.data, rows: n, inputFeatures: c.hiddenSize,
                            weight: weights.languageModelHead, y: logits.data)
        return logits
    }

    /// Continues every prompt by up to `maximumNewTokens` tokens, decoding the unfinished ones together.
    /// Sequence i samples with `samplers[i]` (so each is reproducible on its own) and stops after a stop
    /// token (included). Returns the new tokens of each prompt, in order.
    public func generate(prompts: [[Int32]], maximumNewTokens: Int, samplers: inout [Sampler],
                         stopTokens: Set<Int32> = []) -> [[Int32]] {
        precondition(samplers.count == prompts.count, "one sampler per prompt")
        precondition(prompts.allSatisfy { !$0.isEmpty }, "generation needs at least one prompt token")
        let caches = prompts.map {
            KeyValueCache(configuration: configuration, capacity: min($0.count + maximumNewTokens, rotary.positionCount))
        }
        var produced = [[Int32]](repeating: [], count: prompts.count)
        var active: [Int] = []
        for (index, prompt) in prompts.enumerated() where maximumNewTokens > 0 {
            let logits = decode(prompt, cache: caches[index])
            let token = samplers[index].sample(logits: logits.row(prompt.count - 1), count: configuration.vocabularySize)
            produced[index].append(token)
            if !stopTokens.contains(token) && caches[index].count < caches[index].capacity { active.append(index) }
        }
        while !active.isEmpty {
            active = active.filter { produced[$0].count < maximumNewTokens }
            if active.isEmpty { break }
            let logits = decodeStep(active.map { produced[$0].last! }, caches: active.map { caches[$0] })
            var stillActive: [Int] = []
            for (row, index) in active.enumerated() {
                let token = samplers[index].sample(logits: logits.row(row), count: configuration.vocabularySize)
                produced[index].append(token)
                if !stopTokens.contains(token) && caches[index].count < caches[index].capacity { stillActive.append(index) }
            }
            active = stillActive
        }
        return produced
    }
}
