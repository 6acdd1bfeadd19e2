import LinearAlgebra

/// The frozen weights of one decoder layer, in Hugging Face layout: projections are [out, in].
public final class LlamaLayerWeights {
    public let attentionNorm: Tensor
    public let query: Tensor
    public let key: Tensor
    public let value: Tensor
    public let output: Tensor
    public let mlpNorm: Tensor
    public let gate: Tensor
    public let up: Tensor
    public let down: Tensor

    public init(attentionNorm: Tensor, query: Tensor, key: Tensor, value: Tensor, output: Tensor,
                mlpNorm: Tensor, gate: Tensor, up: Tensor, down: Tensor) {
        self.attentionNorm = attentionNorm
        self.query = query
        self.key = key
        self.value = value
        self.output = output
        self.mlpNorm = mlpNorm
        self.gate = gate
        self.up = up
        self.down = down
    }

    /// The [out, in] matrix of a projection.
    public func projection(_ target: LoRATarget) -> Tensor {
        switch target {
        case .query: query
        case .key: key
        case .value: value
        case .output: output
        case .gate: gate
        case .up: up
        case .down: down
        }
    }
}

/// All weights of a Llama-family model as Float32 in Hugging Face row order (GGUF q/k rows
/// are un-permuted on load). With tied embeddings the LM head is the token embedding.
public final class LlamaWeights {
    public let configuration: LlamaConfiguration
    /// [vocabulary, hidden]
    public let tokenEmbedding: Tensor
    public let layers: [LlamaLayerWeights]
    /// [hidden]
    public let outputNorm: Tensor
    /// [vocabulary, hidden]; nil when tied to `tokenEmbedding`.
    public let outputProjection: Tensor?

    /// The [vocabulary, hidden] matrix the LM head multiplies by.
    public var languageModelHead: Tensor { outputProjection ?? tokenEmbedding }

    public init(configuration: LlamaConfiguration, tokenEmbedding: Tensor, layers: [LlamaLayerWeights],
                outputNorm: Tensor, outputProjection: Tensor?) throws {
        try configuration.validate()
        self.configuration = configuration
        self.tokenEmbedding = tokenEmbedding
        self.layers = layers
        self.outputNorm = outputNorm
        self.outputProjection = outputProjection
        try checkShapes()
    }

    /// Random weights of the given shape (normal, std 0.02; norms near 1): for tests and benchmarks.
    public static func random(configuration: LlamaConfiguration, seed: UInt64) throws -> LlamaWeights {
        var generator = SeededGenerator(seed: seed)
        let c = configuration
        func matrix(_ rows: Int, _ columns: Int) -> Tensor {
            Tensor.normal(shape: [rows, columns], standardDeviation: 0.02, using: &generator)
        }
        func norm() -> Tensor {
            let tensor = Tensor(shape: [c.hiddenSize])
            for index in 0..<c.hiddenSize { tensor.data[index] = 1 + 0.1 * generator.nextNormal() }
            return tensor
        }
        let embedding = Tensor.normal(shape: [c.vocabularySize, c.hiddenSize], standardDeviation: 0.5,
                                      using: &generator)
        var layers: [LlamaLayerWeights] = []
        for _ in 0..<c.layerCount {
            layers.append(LlamaLayerWeights(
                attentionNorm: norm(), query: matrix(c.queryWidth, c.hiddenSize),
                key: matrix(c.keyValueWidth, c.hiddenSize), value: matrix(c.keyValueWidth, c.hiddenSize),
                output: matrix(c.hiddenSize, c.queryWidth), mlpNorm: norm(),
                gate: matrix(c.intermediateSize, c.hiddenSize), up: matrix(c.intermediateSize, c.hiddenSize),
                down: matrix(c.hiddenSize, c.intermediateSize)))
        }
        let head = c.tiedEmbeddings ? nil : matrix(c.vocabularySize, c.hiddenSize)
        return try LlamaWeights(configuration: c, tokenEmbedding: embedding, layers: layers,
                                outputNorm: norm(), outputProjection: head)
    }

    /// The Hugging Face tensor names and expected shapes, in file order.
    func namedTensors() -> [(name: String, tensor: Tensor)] {
        var result: [(String, Tensor)] = [("model.embed_tokens.weight", tokenEmbedding)]
        for (index, layer) in layers.enumerated() {
            let prefix = "model.layers.\(index)."
            result.append((prefix + "input_layernorm.weight", layer.attentionNorm))
            for target in LoRATarget.allCases {
                result.append((prefix + target.modulePath + ".weight", layer.projection(target)))
            }
            result.append((prefix + "post_attention_layernorm.weight", layer.mlpNorm))
        }
        result.append(("model.norm.weight", outputNorm))
        if let outputProjection { result.append(("lm_head.weight", outputProjection)) }
        return result
    }

    private func checkShapes() throws {
        let c = configuration
        guard layers.count == c.layerCount else {
            throw ModelFileError.malformed("\(layers.count) layers, configuration says \(c.layerCount)")
        }
        func check(_ name: String, _ tensor: Tensor, _ expected: [Int]) throws {
            guard tensor.shape == expected else {
                throw ModelFileError.shapeMismatch(tensor: name, expected: expected, found: tensor.shape)
            }
        }
        try check("token embedding", tokenEmbedding, [c.vocabularySize, c.hiddenSize])
        try check("output norm", outputNorm, [c.hiddenSize])
        if let outputProjection { try check("output projection", outputProjection, [c.vocabularySize, c.hiddenSize]) }
        for (index, layer) in layers.enumerated() {
            try check("layer \(index) attention norm", layer.attentionNorm, [c.hiddenSize])
            try check("layer \(index) mlp norm", layer.mlpNorm, [c.hiddenSize])
            for target in LoRATarget.allCases {
                let (input, output) = target.features(in: c)
                try check("layer \(index) \(target.rawValue)", layer.projection(target), [output, input])
            }
        }
    }
}
