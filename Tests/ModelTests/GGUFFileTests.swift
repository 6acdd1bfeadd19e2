import Foundation
import LinearAlgebra
import Testing
@testable import Model

@Test("GGUF metadata of every value type, arrays included, survives a write and read")
func ggufMetadataRoundTrip() throws {
    let directory = TemporaryDirectory()
    let values: [(String, GGUFValue)] = [
        ("a.u8", .uint8(200)), ("a.i8", .int8(-5)), ("a.u16", .uint16(65000)), ("a.i16", .int16(-30000)),
        ("a.u32", .uint32(4_000_000_000)), ("a.i32", .int32(-2_000_000_000)), ("a.u64", .uint64(1 << 60)),
        ("a.i64", .int64(-(1 << 60))), ("a.f32", .float32(1.5)), ("a.f64", .float64(-2.25)),
        ("a.bool", .bool(true)), ("a.string", .string("héllo ⟨world⟩")),
        ("a.strings", .array(.string, [.string("x"), .string(""), .string("Ġthe")])),
        ("a.empty", .array(.int32, [])),
        ("a.nested", .array(.array, [.array(.uint8, [.uint8(1), .uint8(2)]), .array(.uint8, [])])),
    ]
    var writer = GGUFWriter()
    for (key, value) in values { writer.set(key, value) }
    writer.add("t", Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6]))
    try writer.write(to: directory.file("m.gguf"))

    let file = try GGUFFile(path: directory.file("m.gguf"))
    #expect(file.version == 3)
    #expect(file.metadataKeys == values.map(\.0))
    for (key, value) in values { #expect(file.metadata[key] == value, "\(key)") }
    #expect(file.metadata["a.i8"]?.intValue == -5)
    #expect(file.metadata["a.f32"]?.doubleValue == 1.5)
    let info = try #require(file.tensorInfo(named: "t"))
    #expect(info.dimensions == [3, 2])
    #expect(info.shape == [2, 3])
    #expect(try file.tensor(named: "t").toArray() == [1, 2, 3, 4, 5, 6])
}

@Test("GGUF tensors decode from F32, F16, BF16, Q8_0, Q4_0 and Q4_1 within each type's error")
func ggufTensorTypesRoundTrip() throws {
    let directory = TemporaryDirectory()
    var generator = SeededGenerator(seed: 11)
    let original = Tensor.normal(shape: [3, 64], standardDeviation: 1, using: &generator)
    let types: [(GGMLType, Float)] = [(.f32, 0), (.f16, 2e-3), (.bf16, 1.6e-2), (.q8_0, 0.02), (.q4_0, 0.4), (.q4_1, 0.3)]
    var writer = GGUFWriter()
    writer.set("general.alignment", .uint32(64))
    for (type, _) in types { writer.add("w.\(type)", original, as: type) }
    try writer.write(to: directory.file("types.gguf"))

    let file = try GGUFFile(path: directory.file("types.gguf"))
    #expect(file.alignment == 64)
    for (type, bound) in types {
        let decoded = try file.tensor(named: "w.\(type)")
        #expect(decoded.shape == [3, 64])
        #expect(decoded.maxAbsoluteDifference(to: original) <= bound, "\(type)")
    }
}

@Test("quantized blocks decode with the documented nibble order and scales")
func quantizedBlockLayout() {
    // Q4_0: d = 0.5, byte j holds element j (low nibble) and element j + 16 (high nibble).
    var q4_0: [UInt8] = []
    appendLittleEndian(HalfPrecision.f16Bits(from: 0.5), to: &q4_0)
    for j in 0..<16 { q4_0.append(UInt8(j) | UInt8(15 - j) << 4) }
    var output = [Float](repeating: 0, count: 32)
    q4_0.withUnsafeBytes { GGMLDecoding.decode(type: .q4_0, from: $0, count: 32, into: &output) }
    #expect(output[0] == -4 && output[1] == -3.5 && output[15] == 3.5)
    #expect(output[16] == 3.5 && output[31] == -4)

    // Q4_1: d = 2, m = -1: x = q·d + m.
    var q4_1: [UInt8] = []
    appendLittleEndian(HalfPrecision.f16Bits(from: 2), to: &q4_1)
    appendLittleEndian(HalfPrecision.f16Bits(from: -1), to: &q4_1)
    for j in 0..<16 { q4_1.append(UInt8(j % 16) | 0x30) }
    q4_1.withUnsafeBytes { GGMLDecoding.decode(type: .q4_1, from: $0, count: 32, into: &output) }
    #expect(output[0] == -1 && output[5] == 9 && output[16] == 5 && output[31] == 5)

    // Q8_0: d = 0.25, signed bytes.
    var q8_0: [UInt8] = []
    appendLittleEndian(HalfPrecision.f16Bits(from: 0.25), to: &q8_0)
    for j in 0..<32 { q8_0.append(UInt8(bitPattern: Int8(j - 16))) }
    q8_0.withUnsafeBytes { GGMLDecoding.decode(type: .q8_0, from: $0, count: 32, into: &output) }
    #expect(output[0] == -4 && output[16] == 0 && output[31] == 3.75)
}

@Test("an unsupported quantization type is reported by name")
func unsupportedTensorTypeIsNamed() throws {
    let directory = TemporaryDirectory()
    var writer = GGUFWriter()
    writer.add("t", Tensor(shape: [32]))
    var bytes = writer.encoded()
    // header 24 bytes, name (8 + 1), dimension count 4, one dimension 8: the type follows at 45.
    #expect(bytes[45] == 0)
    bytes[45] = 14
    try Data(bytes).write(to: URL(fileURLWithPath: directory.file("q6k.gguf")))
    let file = try GGUFFile(path: directory.file("q6k.gguf"))
    #expect(file.tensorInfos[0].type.description == "Q6_K")
    #expect(throws: ModelFileError.unsupportedTensorType(tensor: "t", type: "Q6_K")) {
        try file.tensor(named: "t")
    }
}

@Test("non-GGUF, truncated and missing files fail with clear errors")
func ggufErrors() throws {
    let directory = TemporaryDirectory()
    try Data("not a model".utf8).write(to: URL(fileURLWithPath: directory.file("text.gguf")))
    #expect(throws: ModelFileError.notGGUF(path: directory.file("text.gguf"))) {
        try GGUFFile(path: directory.file("text.gguf"))
    }
    var writer = GGUFWriter()
    writer.set("general.name", .string("tiny"))
    let bytes = writer.encoded()
    try Data(bytes.prefix(30)).write(to: URL(fileURLWithPath: directory.file("cut.gguf")))
    #expect(throws: ModelFileError.self) { try GGUFFile(path: directory.file("cut.gguf")) }
    #expect(throws: ModelFileError.self) { try GGUFFile(path: directory.file("absent.gguf")) }
    let error = ModelFileError.unsupportedTensorType(tensor: "blk.0.attn_q.weight", type: "Q6_K")
    #expect(error.description.contains("Q6_K"))
}
