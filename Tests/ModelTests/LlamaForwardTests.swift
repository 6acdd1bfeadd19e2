import Foundation
import LinearAlgebra
import Testing
@testable import Model

private func maxRelativeGap(_ actual: Tensor, _ expected: [[Double]]) -> Double {
    var worst = 0.0
    let columns = actual.columnCount
    for (row, values) in expected.enumerated() {
        let scale = max(1, values.map(abs).max()!)
        for (column, value) in values.enumerated() {
            worst = max(worst, abs(Double(actual.data[row * columns + column]) - value) / scale)
        }
    }
    return worst
}

@Test("the batched forward pass matches the Float64 reference, with padding, packing and LoRA",
      arguments: [TinyModels.tied, TinyModels.untied], [false, true])
func batchedForwardMatchesReference(configuration: LlamaConfiguration, withAdapters: Bool) throws {
    let weights = try LlamaWeights.random(configuration: configuration, seed: 1)
    let adapters = withAdapters ? TinyModels.randomAdapters(for: configuration) : nil
    let model = LlamaModel(weights: weights, adapters: adapters)
    let batch = TinyModels.batch(vocabularySize: configuration.vocabularySize)
    let workspace = ActivationWorkspace(configuration: configuration, rowCount: 2, sequenceLength: 7,
                                        lora: adapters?.configuration)
    model.forward(batch: batch, workspace: workspace)
    let logits = model.logits(rows: Array(0..<14), workspace: workspace)
    let expected = LlamaReference.logits(weights: weights, adapters: adapters, batch: batch)
    #expect(maxRelativeGap(logits, expected) < 2e-5)
}

@Test("blocked attention over long rows with packed segments matches the Float64 reference")
func longRowsMatchReference() throws {
    let configuration = TinyModels.untied
    let weights = try LlamaWeights.random(configuration: configuration, seed: 7)
    let adapters = TinyModels.randomAdapters(for: configuration)
    let model = LlamaModel(weights: weights, adapters: adapters)
    let length = 2 * LlamaKernels.attentionBlock + 22
    var batch = TokenBatch(rowCount: 2, sequenceLength: length)
    var generator = SeededGenerator(seed: 8)
    batch.tokens = (0..<(2 * length)).map { _ in Int32(generator.next() % UInt64(configuration.vocabularySize)) }
    let boundaries = [40, 130]
    for row in 0..<2 {
        for index in 0..<length {
            let start = row == 0 ? 0 : (boundaries.last { $0 <= index } ?? 0)
            batch.keyStarts[row * length + index] = Int32(start)
            batch.positions[row * length + index] = Int32(index - start)
        }
    }
    let workspace = ActivationWorkspace(configuration: configuration, rowCount: 2, sequenceLength: length,
                                        lora: adapters.configuration)
    model.forward(batch: batch, workspace: workspace)
    let logits = model.logits(rows: Array(0..<(2 * length)), workspace: workspace)
    let expected = LlamaReference.logits(weights: weights, adapters: adapters, batch: batch)
    #expect(maxRelativeGap(logits, expected) < 2e-5)
}

@Test("KV-cache decoding, prompt then token by token, equals the full forward pass")
func cachedDecodingEqualsFullForward() throws {
    for configuration in [TinyModels.tied, TinyModels.untied] {
        let weights = try LlamaWeights.random(configuration: configuration, seed: 2)
        let model = LlamaModel(weights: weights, adapters: TinyModels.randomAdapters(for: configuration))
        var generator = SeededGenerator(seed: 3)
        let tokens = (0..<(LlamaKernels.attentionBlock + 9)).map { _ in Int32(generator.next() % 37) }
        var batch = TokenBatch(rowCount: 1, sequenceLength: tokens.count)
        batch.tokens = tokens
        let workspace = ActivationWorkspace(configuration: configuration, rowCount: 1, sequenceLength: tokens.count,
                                            lora: model.adapters?.configuration)
        model.forward(batch: batch, workspace: workspace)
        let full = model.logits(rows: Array(0..<tokens.count), workspace: workspace)

        let cache = KeyValueCache(configuration: configuration, capacity: tokens.count)
        let prompt = LlamaKernels.attentionBlock + 2
        var rows: [Float] = model.decode(Array(tokens[0..<prompt]), cache: cache).toArray()
        for token in tokens[prompt...] { rows += model.decode([token], cache: cache).toArray() }
        #expect(cache.count == tokens.count)
        let incremental = Tensor(shape: full.shape, values: rows)
        #expect(incremental.maxAbsoluteDifference(to: full) < 1e-5)
    }
}

@Test("a model written to GGUF (q/k permuted) and to safetensors loads back to the same weights")
func modelFilesRoundTrip() throws {
    let directory = TemporaryDirectory()
    for configuration in [TinyModels.tied, TinyModels.untied] {
        var sized = configuration
        sized.hiddenSize = 32
        sized.intermediateSize = 64
        sized.headDimension = 8
        let weights = try LlamaWeights.random(configuration: sized, seed: 3)
        try weights.writeGGUF(to: directory.file("m.gguf"))
        try weights.writeHuggingFaceDirectory(to: directory.file("hf"))
        let fromGGUF = try LlamaWeights(gguf: GGUFFile(path: directory.file("m.gguf")))
        let fromSafetensors = try LlamaWeights(huggingFaceDirectory: directory.file("hf"))
        for loaded in [fromGGUF, fromSafetensors] {
            #expect(loaded.configuration == sized)
            #expect((loaded.outputProjection == nil) == sized.tiedEmbeddings)
            let original = weights.namedTensors(), reread = loaded.namedTensors()
            #expect(original.map(\.name) == reread.map(\.name))
            for (left, right) in zip(original, reread) {
                #expect(left.tensor.toArray() == right.tensor.toArray(), "\(left.name)")
            }
        }
        let raw = try GGUFFile(path: directory.file("m.gguf")).tensor(named: "blk.0.attn_q.weight")
        #expect(raw.toArray() != weights.layers[0].query.toArray(), "the GGUF file holds permuted rows")

        try weights.writeGGUF(to: directory.file("q8.gguf"), matrixType: .q8_0)
        let quantized = try LlamaWeights(gguf: GGUFFile(path: directory.file("q8.gguf")))
        #expect(quantized.layers[1].key.maxAbsoluteDifference(to: weights.layers[1].key) < 1e-3)
    }
}

@Test("interleaved RoPE on GGUF-ordered q rows equals rotate-half RoPE on the un-permuted rows")
func ggufPermutationMatchesInterleavedRotary() {
    var generator = SeededGenerator(seed: 4)
    let heads = 3, dimension = 8, width = 5, half = dimension / 2
    let huggingFace = Tensor.normal(shape: [heads * dimension, width], standardDeviation: 1, using: &generator)
    let gguf = RotaryPermutation.toGGUF(huggingFace, headCount: heads)
    #expect(RotaryPermutation.toHuggingFace(gguf, headCount: heads).toArray() == huggingFace.toArray())
    let labels = Tensor(shape: [4, 1], values: [0, 1, 2, 3])
    #expect(RotaryPermutation.toGGUF(labels, headCount: 1).toArray() == [0, 2, 1, 3])

    let x = Tensor.normal(shape: [1, width], standardDeviation: 1, using: &generator)
    let table = RotaryTable(headDimension: dimension, positionCount: 8, theta: 10_000)
    let position = 5
    let qHF = Tensor(shape: [1, heads * dimension])
    LlamaKernels.linear(x: x.data, rows: 1, inputFeatures: width, weight: huggingFace, y: qHF.data)
    [Int32(position)].withUnsafeBufferPointer {
        LlamaKernels.rotary(qHF.data, rows: 1, heads: heads, positions: $0.baseAddress!, table: table)
    }
    let qGGUF = Tensor(shape: [1, heads * dimension])
    LlamaKernels.linear(x: x.data, rows: 1, inputFeatures: width, weight: gguf, y: qGGUF.data)
    for head in 0..<heads {
        for j in 0..<half {
            let angle = Double(position) * pow(10_000, -Double(2 * j) / Double(dimension))
            let even = Double(qGGUF[head * dimension + 2 * j]), odd = Double(qGGUF[head * dimension + 2 * j + 1])
            let rotatedEven = even * cos(angle) - odd * sin(angle)
            let rotatedOdd = even * sin(angle) + odd * cos(angle)
            #expect(abs(rotatedEven - Double(qHF[head * dimension + j])) < 1e-5)
            #expect(abs(rotatedOdd - Double(qHF[head * dimension + j + half])) < 1e-5)
        }
    }
}

@Test("missing tensors and wrong shapes in model files are reported by name")
func modelFileErrors() throws {
    let directory = TemporaryDirectory()
    let weights = try LlamaWeights.random(configuration: TinyModels.untied, seed: 5)
    try weights.writeHuggingFaceDirectory(to: directory.file("hf"))
    var writer = SafetensorsWriter()
    for (name, tensor) in weights.namedTensors() where name != "lm_head.weight" { writer.add(name, tensor) }
    try writer.write(to: directory.file("hf/model.safetensors"))
    #expect(throws: ModelFileError.missingTensor("lm_head.weight")) {
        try LlamaWeights(huggingFaceDirectory: directory.file("hf"))
    }
    var wrong = SafetensorsWriter()
    for (name, tensor) in weights.namedTensors() {
        wrong.add(name, name == "model.norm.weight" ? Tensor(shape: [3]) : tensor)
    }
    try wrong.write(to: directory.file("hf/model.safetensors"))
    #expect(throws: ModelFileError.shapeMismatch(tensor: "model.norm.weight", expected: [16], found: [3])) {
        try LlamaWeights(huggingFaceDirectory: directory.file("hf"))
    }
}
