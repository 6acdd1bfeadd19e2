import Foundation
import LinearAlgebra
import Testing
@testable import Model

@Test("safetensors round-trips F32 exactly and F16/BF16 within rounding, with metadata")
func safetensorsRoundTrip() throws {
    let directory = TemporaryDirectory()
    var generator = SeededGenerator(seed: 3)
    let a = Tensor.normal(shape: [4, 5], standardDeviation: 1, using: &generator)
    let b = Tensor.normal(shape: [7], standardDeviation: 1, using: &generator)
    var writer = SafetensorsWriter()
    writer.add("layer.a", a)
    writer.add("layer.b.half", b, as: .f16)
    writer.add("layer.b.brain", b, as: .bf16)
    writer.metadata = ["format": "pt", "note": "quote \" and\nnewline"]
    try writer.write(to: directory.file("t.safetensors"))

    let file = try SafetensorsFile(path: directory.file("t.safetensors"))
    #expect(file.tensorNames == ["layer.a", "layer.b.brain", "layer.b.half"])
    #expect(file.metadata == writer.metadata)
    #expect(file.entries["layer.b.half"]?.dtype == .f16)
    #expect(try file.tensor(named: "layer.a").toArray() == a.toArray())
    #expect(try file.tensor(named: "layer.b.half").maxAbsoluteDifference(to: b) < 2e-3)
    #expect(try file.tensor(named: "layer.b.brain").maxAbsoluteDifference(to: b) < 2e-2)

    let bytes = try Data(contentsOf: URL(fileURLWithPath: directory.file("t.safetensors")))
    let headerLength = bytes.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    #expect((8 + headerLength) % 8 == 0)
    #expect(throws: ModelFileError.missingTensor("nope")) { try file.tensor(named: "nope") }
}

@Test("a safetensors dtype sal does not read is named in the error")
func safetensorsUnsupportedDType() throws {
    let directory = TemporaryDirectory()
    let header = Array(#"{"ids":{"dtype":"I64","shape":[2],"data_offsets":[0,16]}}"#.utf8)
    var bytes: [UInt8] = []
    appendLittleEndian(UInt64(header.count), to: &bytes)
    bytes += header + [UInt8](repeating: 0, count: 16)
    try Data(bytes).write(to: URL(fileURLWithPath: directory.file("i64.safetensors")))
    #expect(throws: ModelFileError.unsupportedTensorType(tensor: "ids", type: "I64")) {
        try SafetensorsFile(path: directory.file("i64.safetensors"))
    }
}

@Test("a Llama configuration reads from config.json and from GGUF metadata alike")
func configurationSources() throws {
    let smol = LlamaConfiguration.smolLM2_135M
    let fromJSON = try LlamaConfiguration(huggingFaceConfig: smol.huggingFaceConfigJSON())
    #expect(fromJSON == smol)

    let directory = TemporaryDirectory()
    var writer = GGUFWriter()
    var tiny = smol
    tiny.vocabularySize = 64
    tiny.write(to: &writer)
    writer.add("token_embd.weight", Tensor(shape: [64, smol.hiddenSize]))
    try writer.write(to: directory.file("c.gguf"))
    let fromGGUF = try LlamaConfiguration(gguf: GGUFFile(path: directory.file("c.gguf")))
    #expect(fromGGUF == tiny)

    let mistral = Data(#"{"model_type": "mistral", "hidden_size": 8}"#.utf8)
    #expect(throws: ModelFileError.unsupportedArchitecture("mistral")) {
        try LlamaConfiguration(huggingFaceConfig: mistral)
    }
    var other = GGUFWriter()
    other.set("general.architecture", .string("gpt2"))
    try other.write(to: directory.file("gpt2.gguf"))
    #expect(throws: ModelFileError.unsupportedArchitecture("gpt2")) {
        try LlamaConfiguration(gguf: GGUFFile(path: directory.file("gpt2.gguf")))
    }
}
