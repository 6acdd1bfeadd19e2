import Foundation

/// The shape of a Llama-family decoder: what the weights, the forward pass and the adapters need.
/// Read from GGUF metadata (`llama.*` keys) or a Hugging Face `config.json`; `validate()` rejects
/// shapes the forward pass cannot run (heads not dividing, odd head dimension).
public struct LlamaConfiguration: Sendable, Equatable, Codable {
    public var vocabularySize: Int
    public var hiddenSize: Int
    public var intermediateSize: Int
    public var layerCount: Int
    public var headCount: Int
    public var keyValueHeadCount: Int
    public var headDimension: Int
    public var contextLength: Int
    public var rmsNormEpsilon: Float
    public var ropeTheta: Float
    public var tiedEmbeddings: Bool

    public init(vocabularySize: Int, hiddenSize: Int, intermediateSize: Int, layerCount: Int,
                headCount: Int, keyValueHeadCount: Int, headDimension: Int? = nil, contextLength: Int,
                rmsNormEpsilon: Float = 1e-5, ropeTheta: Float = 10_000, tiedEmbeddings: Bool = true) {
        self.vocabularySize = vocabularySize
        self.hiddenSize = hiddenSize
        self.intermediateSize = intermediateSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.keyValueHeadCount = keyValueHeadCount
        self.headDimension = headDimension ?? hiddenSize / max(headCount, 1)
        self.contextLength = contextLength
        self.rmsNormEpsilon = rmsNormEpsilon
        self.ropeTheta = ropeTheta
        self.tiedEmbeddings = tiedEmbeddings
    }

    /// SmolLM2-135M's shape (the benchmark and sizing reference).
    public static let smolLM2_135M = LlamaConfiguration(
        vocabularySize: 49152, hiddenSize: 576, intermediateSize: 1536, layerCount: 30, headCount: 9,
        keyValueHeadCount: 3, headDimension: 64, contextLength: 8192, rmsNormEpsilon: 1e-5,
        ropeTheta: 100_000, tiedEmbeddings: true)

    /// Width of the query projection output: heads × head dimension.
    public var queryWidth: Int { headCount * headDimension }
    /// Width of the key and value projection outputs: KV heads × head dimension.
    public var keyValueWidth: Int { keyValueHeadCount * headDimension }

    /// Throws when the forward pass cannot run this shape.
    public func validate() throws {
        let positive = [vocabularySize, hiddenSize, intermediateSize, layerCount, headCount, keyValueHeadCount,
                        headDimension, contextLength]
        guard positive.allSatisfy({ $0 > 0 }) else {
            throw ModelFileError.malformed("non-positive dimension in \(self)")
        }
        guard headCount % keyValueHeadCount == 0 else {
            throw ModelFileError.malformed("\(headCount) heads are not a multiple of \(keyValueHeadCount) KV heads")
        }
        guard headDimension % 2 == 0 else {
            throw ModelFileError.malformed("head dimension \(headDimension) is odd; RoPE needs pairs")
        }
        guard rmsNormEpsilon > 0, ropeTheta > 0 else {
            throw ModelFileError.malformed("rms epsilon \(rmsNormEpsilon) and rope theta \(ropeTheta) must be positive")
        }
    }
}

extension LlamaConfiguration {
    /// The configuration in a GGUF file's `llama.*` metadata. Ties embeddings when there is no
    /// `output.weight` tensor; takes the vocabulary size from `token_embd.weight` when not stated.
    public init(gguf: GGUFFile) throws {
        let architecture = try gguf.string("general.architecture")
        guard architecture == "llama" else { throw ModelFileError.unsupportedArchitecture(architecture) }
        if let scaling = gguf.metadata["llama.rope.scaling.type"]?.stringValue, scaling != "none" {
            throw ModelFileError.unsupportedFeature("RoPE scaling '\(scaling)'")
        }
        let hidden = try gguf.integer("llama.embedding_length")
        let heads = try gguf.integer("llama.attention.head_count")
        guard let embedding = gguf.tensorInfo(named: "token_embd.weight") else {
            throw ModelFileError.missingTensor("token_embd.weight")
        }
        let vocabulary = gguf.metadata["llama.vocab_size"]?.intValue ?? embedding.shape[0]
        self.init(
            vocabularySize: vocabulary,
            hiddenSize: hidden,
            intermediateSize: try gguf.integer("llama.feed_forward_length"),
            layerCount: try gguf.integer("llama.block_count"),
            headCount: heads,
            keyValueHeadCount: gguf.metadata["llama.attention.head_count_kv"]?.intValue ?? heads,
            headDimension: gguf.metadata["llama.attention.key_length"]?.intValue ?? hidden / max(heads, 1),
            contextLength: gguf.metadata["llama.context_length"]?.intValue ?? 2048,
            rmsNormEpsilon: Float(gguf.metadata["llama.attention.layer_norm_rms_epsilon"]?.doubleValue ?? 1e-5),
            ropeTheta: Float(gguf.metadata["llama.rope.freq_base"]?.doubleValue ?? 10_000),
            tiedEmbeddings: gguf.tensorInfo(named: "output.weight") == nil)
        try validate()
    }

    /// The configuration in a Hugging Face `config.json` (model_type "llama").
    public init(huggingFaceConfig data: Data) throws {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ModelFileError.malformed("config.json is not a JSON object")
        }
        let modelType = object["model_type"] as? String ?? "unknown"
        guard modelType == "llama" else { throw ModelFileError.unsupportedArchitecture(modelType) }
        if let scaling = object["rope_scaling"], !(scaling is NSNull) {
            throw ModelFileError.unsupportedFeature("RoPE scaling \(scaling)")
        }
        for flag in ["attention_bias", "mlp_bias"] where (object[flag] as? Bool) == true {
            throw ModelFileError.unsupportedFeature("\(flag) = true")
        }
        func integer(_ key: String) throws -> Int {
            guard let value = (object[key] as? NSNumber)?.intValue else { throw ModelFileError.missingKey(key) }
            return value
        }
        func optionalNumber(_ key: String) -> NSNumber? { object[key] as? NSNumber }
        let heads = try integer("num_attention_heads")
        let hidden = try integer("hidden_size")
        self.init(
            vocabularySize: try integer("vocab_size"),
            hiddenSize: hidden,
            intermediateSize: try integer("intermediate_size"),
            layerCount: try integer("num_hidden_layers"),
            headCount: heads,
            keyValueHeadCount: optionalNumber("num_key_value_heads")?.intValue ?? heads,
            headDimension: optionalNumber("head_dim")?.intValue ?? hidden / max(heads, 1),
            contextLength: optionalNumber("max_position_embeddings")?.intValue ?? 2048,
            rmsNormEpsilon: optionalNumber("rms_norm_eps")?.floatValue ?? 1e-6,
            ropeTheta: optionalNumber("rope_theta")?.floatValue ?? 10_000,
            tiedEmbeddings: object["tie_word_embeddings"] as? Bool ?? false)
        try validate()
    }

    /// Writes the GGUF `llama.*` keys describing this configuration.
    public func write(to writer: inout GGUFWriter) {
        writer.set("general.architecture", .string("llama"))
        writer.set("llama.vocab_size", .uint32(UInt32(vocabularySize)))
        writer.set("llama.context_length", .uint32(UInt32(contextLength)))
        writer.set("llama.embedding_length", .uint32(UInt32(hiddenSize)))
        writer.set("llama.feed_forward_length", .uint32(UInt32(intermediateSize)))
        writer.set("llama.block_count", .uint32(UInt32(layerCount)))
        writer.set("llama.attention.head_count", .uint32(UInt32(headCount)))
        writer.set("llama.attention.head_count_kv", .uint32(UInt32(keyValueHeadCount)))
        writer.set("llama.attention.key_length", .uint32(UInt32(headDimension)))
        writer.set("llama.rope.dimension_count", .uint32(UInt32(headDimension)))
        writer.set("llama.attention.layer_norm_rms_epsilon", .float32(rmsNormEpsilon))
        writer.set("llama.rope.freq_base", .float32(ropeTheta))
    }

    /// The Hugging Face `config.json` for this configuration.
    public func huggingFaceConfigJSON() -> Data {
        let object: [String: Any] = [
            "architectures": ["LlamaForCausalLM"], "model_type": "llama",
            "vocab_size": vocabularySize, "hidden_size": hiddenSize, "intermediate_size": intermediateSize,
            "num_hidden_layers": layerCount, "num_attention_heads": headCount,
            "num_key_value_heads": keyValueHeadCount, "head_dim": headDimension,
            "max_position_embeddings": contextLength, "rms_norm_eps": Double(rmsNormEpsilon),
            "rope_theta": Double(ropeTheta), "tie_word_embeddings": tiedEmbeddings,
            "hidden_act": "silu", "rope_scaling": NSNull(), "attention_bias": false, "mlp_bias": false,
            "torch_dtype": "float32",
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
    }
}
