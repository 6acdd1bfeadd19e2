import Foundation
import LinearAlgebra

extension LlamaWeights {
    /// Loads every weight from a GGUF file (any mix of F32, F16, BF16, Q8_0, Q4_0, Q4_1), decoding to
    /// Float32 and undoing the converter's q/k row permutation so rows are in Hugging Face order.
    public convenience init(gguf: GGUFFile) throws {
        let c = try LlamaConfiguration(gguf: gguf)
        func load(_ name: String, _ expected: [Int]) throws -> Tensor {
            let tensor = try gguf.tensor(named: name)
            guard tensor.shape == expected else {
                throw ModelFileError.shapeMismatch(tensor: name, expected: expected, found: tensor.shape)
            }
            return tensor
        }
        var layers: [LlamaLayerWeights] = []
        for index in 0..<c.layerCount {
            let prefix = "blk.\(index)."
            let query = try load(prefix + "attn_q.weight", [c.queryWidth, c.hiddenSize])
            let key = try load(prefix + "attn_k.weight", [c.keyValueWidth, c.hiddenSize])
            layers.append(LlamaLayerWeights(
                attentionNorm: try load(prefix + "attn_norm.weight", [c.hiddenSize]),
                query: RotaryPermutation.toHuggingFace(query, headCount: c.headCount),
                key: RotaryPermutation.toHuggingFace(key, headCount: c.keyValueHeadCount),
                value: try load(prefix + "attn_v.weight", [c.keyValueWidth, c.hiddenSize]),
                output: try load(prefix + "attn_output.weight", [c.hiddenSize, c.queryWidth]),
                mlpNorm: try load(prefix + "ffn_norm.weight", [c.hiddenSize]),
                gate: try load(prefix + "ffn_gate.weight", [c.intermediateSize, c.hiddenSize]),
                up: try load(prefix + "ffn_up.weight", [c.intermediateSize, c.hiddenSize]),
                down: try load(prefix + "ffn_down.weight", [c.hiddenSize, c.intermediateSize])))
        }
        try self.init(
            configuration: c,
            tokenEmbedding: try load("token_embd.weight", [c.vocabularySize, c.hiddenSize]),
            layers: layers,
            outputNorm: try load("output_norm.weight", [c.hiddenSize]),
            outputProjection: c.tiedEmbeddings ? nil : try load("output.weight", [c.vocabularySize, c.hiddenSize]))
    }

    /// Loads weights from Hugging Face safetensors files (one or several shards) with `config.json`'s
    /// configuration. A missing `lm_head.weight` is allowed only when embeddings are tied.
    public convenience init(configuration: LlamaConfiguration, safetensors files: [SafetensorsFile]) throws {
        func load(_ name: String, _ expected: [Int]) throws -> Tensor {
            guard let file = files.first(where: { $0.entries[name] != nil }) else {
                throw ModelFileError.missingTensor(name)
            }
            let tensor = try file.tensor(named: name)
            guard tensor.shape == expected else {
                throw ModelFileError.shapeMismatch(tensor: name, expected: expected, found: tensor.shape)
            }
            return tensor
        }
        let c = configuration
        var layers: [LlamaLayerWeights] = []
        for index in 0..<c.layerCount {
            let prefix = "model.layers.\(index)."
            func projection(_ target: LoRATarget) throws -> Tensor {
                let (input, output) = target.features(in: c)
                return try load(prefix + target.modulePath + ".weight", [output, input])
            }
            layers.append(LlamaLayerWeights(
                attentionNorm: try load(prefix + "input_layernorm.weight", [c.hiddenSize]),
                query: try projection(.query), key: try projection(.key), value: try projection(.value),
                output: try projection(.output),
                mlpNorm: try load(prefix + "post_attention_layernorm.weight", [c.hiddenSize]),
                gate: try projection(.gate), up: try projection(.up), down: try projection(.down)))
        }
        let hasHead = files.contains { $0.entries["lm_head.weight"] != nil }
        guard hasHead || c.tiedEmbeddings else { throw ModelFileError.missingTensor("lm_head.weight") }
        try self.init(
            configuration: c,
            tokenEmbedding: try load("model.embed_tokens.weight", [c.vocabularySize, c.hiddenSize]),
            layers: layers,
            outputNorm: try load("model.norm.weight", [c.hiddenSize]),
            outputProjection: c.tiedEmbeddings ? nil : try load("lm_head.weight", [c.vocabularySize, c.hiddenSize]))
    }

    /// Loads a Hugging Face model directory: `config.json` plus `*.safetensors`.
    public convenience init(huggingFaceDirectory directory: String) throws {
        let configPath = directory + "/config.json"
        guard let data = FileManager.default.contents(atPath: configPath) else {
            throw ModelFileError.cannotOpen(path: configPath, reason: "no such file")
        }
        let configuration = try LlamaConfiguration(huggingFaceConfig: data)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let shards = try names.filter { $0.hasSuffix(".safetensors") }.sorted().map {
            try SafetensorsFile(path: directory + "/" + $0)
        }
        guard !shards.isEmpty else { throw ModelFileError.missingTensor("*.safetensors in \(directory)") }
        try self.init(configuration: configuration, safetensors: shards)
    }

    /// Writes a llama GGUF file, re-applying the converter's q/k row permutation, with every matrix
    /// encoded as `matrixType` and norms as F32 (as llama.cpp does).
    public func writeGGUF(to path: String, matrixType: GGMLType = .f32,
                          metadata: [(String, GGUFValue)] = []) throws {
        let c = configuration
        var writer = GGUFWriter()
        c.write(to: &writer)
        for (key, value) in metadata { writer.set(key, value) }
        writer.add("token_embd.weight", tokenEmbedding, as: matrixType)
        for (index, layer) in layers.enumerated() {
            let prefix = "blk.\(index)."
            writer.add(prefix + "attn_norm.weight", layer.attentionNorm)
            writer.add(prefix + "attn_q.weight", RotaryPermutation.toGGUF(layer.query, headCount: c.headCount),
                       as: matrixType)
            writer.add(prefix + "attn_k.weight", RotaryPermutation.toGGUF(layer.key, headCount: c.keyValueHeadCount),
                       as: matrixType)
            writer.add(prefix + "attn_v.weight", layer.value, as: matrixType)
            writer.add(prefix + "attn_output.weight", layer.output, as: matrixType)
            writer.add(prefix + "ffn_norm.weight", layer.mlpNorm)
            writer.add(prefix + "ffn_gate.weight", layer.gate, as: matrixType)
            writer.add(prefix + "ffn_up.weight", layer.up, as: matrixType)
            writer.add(prefix + "ffn_down.weight", layer.down, as: matrixType)
        }
        writer.add("output_norm.weight", outputNorm)
        if let outputProjection { writer.add("output.weight", outputProjection, as: matrixType) }
        try writer.write(to: path)
    }

    /// Writes a Hugging Face model directory: `config.json` and `model.safetensors`.
    public func writeHuggingFaceDirectory(to directory: String, dtype: SafetensorsDType = .f32) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try configuration.huggingFaceConfigJSON().write(to: URL(fileURLWithPath: directory + "/config.json"))
        } catch {
            throw ModelFileError.cannotWrite(path: directory, reason: "\(error)")
        }
        var writer = SafetensorsWriter()
        writer.metadata = ["format": "pt"]
        for (name, tensor) in namedTensors() { writer.add(name, tensor, as: dtype) }
        try writer.write(to: directory + "/model.safetensors")
    }
}

/// The llama.cpp converter reorders each head's q/k rows from Hugging Face's "rotate half" layout
/// (first half, second half) to interleaved pairs: GGUF row h·D + 2j + i holds HF row h·D + i·D/2 + j.
public enum RotaryPermutation {
    /// GGUF row order -> Hugging Face row order.
    public static func toHuggingFace(_ weight: Tensor, headCount: Int) -> Tensor {
        permute(weight, headCount: headCount, toGGUF: false)
    }

    /// Hugging Face row order -> GGUF row order.
    public static func toGGUF(_ weight: Tensor, headCount: Int) -> Tensor {
        permute(weight, headCount: headCount, toGGUF: true)
    }

    private static func permute(_ weight: Tensor, headCount: Int, toGGUF: Bool) -> Tensor {
        let rows = weight.rowCount, columns = weight.columnCount
        precondition(rows % (2 * headCount) == 0, "\(rows) rows do not split into \(headCount) heads of pairs")
        let headDimension = rows / headCount, half = headDimension / 2
        let result = Tensor(shape: weight.shape)
        for head in 0..<headCount {
            for i in 0..<2 {
                for j in 0..<half {
                    let huggingFaceRow = head * headDimension + i * half + j
                    let ggufRow = head * headDimension + 2 * j + i
                    let (source, destination) = toGGUF ? (huggingFaceRow, ggufRow) : (ggufRow, huggingFaceRow)
                    (result.data + destination * columns).update(from: weight.data + source * columns, count: columns)
                }
            }
        }
        return result
    }
}
