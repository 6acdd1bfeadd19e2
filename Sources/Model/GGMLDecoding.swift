/// Decoding (and, for writing test and export files, encoding) of GGML tensor blocks.
/// Q4_0: fp16 d + 16 nibble bytes, x = (q - 8)·d. Q4_1: fp16 d, fp16 m + nibbles, x = q·d + m.
/// Q8_0: fp16 d + 32 int8, x = q·d. The trap: within a block, element j < 16 is the low nibble of
/// byte j and element j + 16 is its high nibble (not interleaved pairs).
public enum GGMLDecoding {
    /// Writes `count` Float32 values decoded from `source` (of a type with a `blockLayout`).
    public static func decode(type: GGMLType, from source: UnsafeRawBufferPointer, count: Int,
                              into destination: UnsafeMutablePointer<Float>) {
        guard let base = source.baseAddress else { return }
        switch type {
        case .f32:
            for index in 0..<count {
                destination[index] = Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self)))
            }
        case .f16:
            for index in 0..<count {
                destination[index] = HalfPrecision.float(fromF16: UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * index, as: UInt16.self)))
            }
        case .bf16:
            for index in 0..<count {
                destination[index] = HalfPrecision.float(fromBF16: UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * index, as: UInt16.self)))
            }
        case .q8_0:
            for block in 0..<(count / 32) {
                let start = base + block * 34
                let scale = halfAt(start)
                let output = destination + block * 32
                for index in 0..<32 {
                    output[index] = Float(Int8(bitPattern: start.load(fromByteOffset: 2 + index, as: UInt8.self))) * scale
                }
            }
        case .q4_0:
            for block in 0..<(count / 32) {
                let start = base + block * 18
                let scale = halfAt(start)
                let output = destination + block * 32
                for index in 0..<16 {
                    let byte = start.load(fromByteOffset: 2 + index, as: UInt8.self)
                    output[index] = Float(Int(byte & 0x0F) - 8) * scale
                    output[index + 16] = Float(Int(byte >> 4) - 8) * scale
                }
            }
        case .q4_1:
            for block in 0..<(count / 32) {
                let start = base + block * 20
                let scale = halfAt(start)
                let minimum = halfAt(start + 2)
                let output = destination + block * 32
                for index in 0..<16 {
                    let byte = start.load(fromByteOffset: 4 + index, as: UInt8.self)
                    output[index] = Float(byte & 0x0F) * scale + minimum
                    output[index + 16] = Float(byte >> 4) * scale + minimum
                }
            }
        default:
            preconditionFailure("decode called for \(type), which has no block layout")
        }
    }

    /// The bytes of `values` encoded as `type` (which must have a `blockLayout`; block types need
    /// `values.count` to be a multiple of 32). Quantizers follow llama.cpp's reference rounding rules.
    public static func encode(_ values: UnsafeBufferPointer<Float>, as type: GGMLType) -> [UInt8] {
        var bytes: [UInt8] = []
        switch type {
        case .f32:
            bytes = Array(UnsafeRawBufferPointer(values))
        case .f16:
            for value in values { appendLittleEndian(HalfPrecision.f16Bits(from: value), to: &bytes) }
        case .bf16:
            for value in values { appendLittleEndian(HalfPrecision.bf16Bits(from: value), to: &bytes) }
        case .q8_0:
            precondition(values.count % 32 == 0, "Q8_0 needs whole blocks of 32")
            for block in stride(from: 0, to: values.count, by: 32) {
                let slice = values[block..<(block + 32)]
                let largest = slice.map(abs).max() ?? 0
                let scale = largest / 127
                let inverse: Float = scale == 0 ? 0 : 1 / scale
                appendLittleEndian(HalfPrecision.f16Bits(from: scale), to: &bytes)
                for value in slice { bytes.append(UInt8(bitPattern: Int8((value * inverse).rounded()))) }
            }
        case .q4_0:
            precondition(values.count % 32 == 0, "Q4_0 needs whole blocks of 32")
            for block in stride(from: 0, to: values.count, by: 32) {
                let slice = Array(values[block..<(block + 32)])
                let extreme = slice.max { abs($0) < abs($1) } ?? 0
                let scale = extreme / -8
                let inverse: Float = scale == 0 ? 0 : 1 / scale
                appendLittleEndian(HalfPrecision.f16Bits(from: scale), to: &bytes)
                for index in 0..<16 {
                    let low = UInt8(min(15, max(0, Int((slice[index] * inverse + 8.5).rounded(.down)))))
                    let high = UInt8(min(15, max(0, Int((slice[index + 16] * inverse + 8.5).rounded(.down)))))
                    bytes.append(low | (high << 4))
                }
            }
        case .q4_1:
            precondition(values.count % 32 == 0, "Q4_1 needs whole blocks of 32")
            for block in stride(from: 0, to: values.count, by: 32) {
                let slice = Array(values[block..<(block + 32)])
                let minimum = slice.min() ?? 0, maximum = slice.max() ?? 0
                let scale = (maximum - minimum) / 15
                let inverse: Float = scale == 0 ? 0 : 1 / scale
                appendLittleEndian(HalfPrecision.f16Bits(from: scale), to: &bytes)
                appendLittleEndian(HalfPrecision.f16Bits(from: minimum), to: &bytes)
                for index in 0..<16 {
                    let low = UInt8(min(15, max(0, Int(((slice[index] - minimum) * inverse + 0.5).rounded(.down)))))
                    let high = UInt8(min(15, max(0, Int(((slice[index + 16] - minimum) * inverse + 0.5).rounded(.down)))))
                    bytes.append(low | (high << 4))
                }
            }
        default:
            preconditionFailure("encode called for \(type), which has no block layout")
        }
        return bytes
    }

    @inline(__always)
    private static func halfAt(_ pointer: UnsafeRawPointer) -> Float {
        HalfPrecision.float(fromF16: UInt16(littleEndian: pointer.loadUnaligned(as: UInt16.self)))
    }
}

/// Appends the little-endian bytes of an integer.
@inline(__always)
func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
}
