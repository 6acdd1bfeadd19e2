import Foundation
import LinearAlgebra

/// Builds a GGUF v3 file: metadata in insertion order, then tensors encoded as the chosen type.
/// Used to write small test models and to export; tensors are given in row-major shape and
/// stored with GGUF's innermost-first dimensions.
public struct GGUFWriter {
    public var alignment: Int = 32
    private var entries: [(key: String, value: GGUFValue)] = []
    private var tensors: [(name: String, shape: [Int], type: GGMLType, bytes: [UInt8])] = []

    public init() {}

    /// Adds (or replaces) the metadata `key`.
    public mutating func set(_ key: String, _ value: GGUFValue) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
        } else {
            entries.append((key, value))
        }
        if key == "general.alignment", let alignment = value.intValue { self.alignment = alignment }
    }

    /// Adds `tensor` under `name`, encoded as `type` (F32, F16, BF16, Q8_0, Q4_0 or Q4_1).
    public mutating func add(_ name: String, _ tensor: Tensor, as type: GGMLType = .f32) {
        precondition(type.blockLayout != nil, "cannot encode \(type)")
        let bytes = GGMLDecoding.encode(UnsafeBufferPointer(tensor.buffer), as: type)
        tensors.append((name, tensor.shape, type, bytes))
    }

    /// The whole file as bytes.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        appendLittleEndian(UInt32(0x4655_4747), to: &bytes)
        appendLittleEndian(UInt32(3), to: &bytes)
        appendLittleEndian(UInt64(tensors.count), to: &bytes)
        appendLittleEndian(UInt64(entries.count), to: &bytes)
        for entry in entries {
            appendString(entry.key, to: &bytes)
            appendLittleEndian(entry.value.type.rawValue, to: &bytes)
            appendValue(entry.value, to: &bytes)
        }
        var offset = 0
        var offsets: [Int] = []
        for tensor in tensors {
            offsets.append(offset)
            offset = (offset + tensor.bytes.count + alignment - 1) / alignment * alignment
        }
        for (index, tensor) in tensors.enumerated() {
            appendString(tensor.name, to: &bytes)
            appendLittleEndian(UInt32(tensor.shape.count), to: &bytes)
            for dimension in tensor.shape.reversed() { appendLittleEndian(UInt64(dimension), to: &bytes) }
            appendLittleEndian(tensor.type.rawValue, to: &bytes)
            appendLittleEndian(UInt64(offsets[index]), to: &bytes)
        }
        padToAlignment(&bytes)
        for tensor in tensors {
            bytes.append(contentsOf: tensor.bytes)
            padToAlignment(&bytes)
        }
        return bytes
    }

    /// Writes the file to `path`.
    public func write(to path: String) throws {
        do {
            try Data(encoded()).write(to: URL(fileURLWithPath: path))
        } catch {
            throw ModelFileError.cannotWrite(path: path, reason: "\(error)")
        }
    }

    private func padToAlignment(_ bytes: inout [UInt8]) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    private func appendString(_ string: String, to bytes: inout [UInt8]) {
        let utf8 = Array(string.utf8)
        appendLittleEndian(UInt64(utf8.count), to: &bytes)
        bytes.append(contentsOf: utf8)
    }

    private func appendValue(_ value: GGUFValue, to bytes: inout [UInt8]) {
        switch value {
        case let .uint8(number): bytes.append(number)
        case let .int8(number): bytes.append(UInt8(bitPattern: number))
        case let .uint16(number): appendLittleEndian(number, to: &bytes)
        case let .int16(number): appendLittleEndian(number, to: &bytes)
        case let .uint32(number): appendLittleEndian(number, to: &bytes)
        case let .int32(number): appendLittleEndian(number, to: &bytes)
        case let .uint64(number): appendLittleEndian(number, to: &bytes)
        case let .int64(number): appendLittleEndian(number, to: &bytes)
        case let .float32(number): appendLittleEndian(number.bitPattern, to: &bytes)
        case let .float64(number): appendLittleEndian(number.bitPattern, to: &bytes)
        case let .bool(flag): bytes.append(flag ? 1 : 0)
        case let .string(text): appendString(text, to: &bytes)
        case let .array(elementType, elements):
            precondition(elements.allSatisfy { $0.type == elementType }, "mixed GGUF array")
            appendLittleEndian(elementType.rawValue, to: &bytes)
            appendLittleEndian(UInt64(elements.count), to: &bytes)
            for element in elements { appendValue(element, to: &bytes) }
        }
    }
}
