import Foundation
import LinearAlgebra

/// The element types sal reads and writes in safetensors files.
public enum SafetensorsDType: String, Sendable, Equatable {
    case f32 = "F32", f16 = "F16", bf16 = "BF16"

    var byteWidth: Int { self == .f32 ? 4 : 2 }
    var ggmlType: GGMLType { switch self { case .f32: .f32; case .f16: .f16; case .bf16: .bf16 } }
}

/// One tensor's entry in a safetensors header: type, row-major shape and byte range in the data.
public struct SafetensorsEntry: Sendable, Equatable {
    public let dtype: SafetensorsDType
    public let shape: [Int]
    public let byteRange: Range<Int>
}

/// A memory-mapped safetensors file: u64 LE header length N, N bytes of JSON describing each
/// tensor (dtype, shape, data_offsets relative to the data), optional `__metadata__` strings, data.
public final class SafetensorsFile {
    public let entries: [String: SafetensorsEntry]
    public let metadata: [String: String]
    private let file: MappedFile
    private let dataStart: Int

    /// The tensor names, sorted.
    public var tensorNames: [String] { entries.keys.sorted() }

    public init(path: String) throws {
        file = try MappedFile(path: path)
        var cursor = ByteCursor(file.bytes)
        let headerLength = try cursor.read(UInt64.self, "the safetensors header length")
        guard headerLength <= UInt64(file.bytes.count - 8) else { throw ModelFileError.truncated("the safetensors header") }
        let header = try cursor.readBytes(Int(headerLength), "the safetensors header")
        dataStart = 8 + Int(headerLength)
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(header))
        } catch {
            throw ModelFileError.malformed("safetensors header of \(path) is not JSON")
        }
        guard let object = json as? [String: Any] else {
            throw ModelFileError.malformed("safetensors header of \(path) is not a JSON object")
        }
        var entries: [String: SafetensorsEntry] = [:]
        var metadata: [String: String] = [:]
        let dataLength = file.bytes.count - dataStart
        for (name, value) in object {
            if name == "__metadata__" {
                for (key, text) in value as? [String: Any] ?? [:] { metadata[key] = text as? String ?? "\(text)" }
                continue
            }
            guard let description = value as? [String: Any],
                  let dtypeName = description["dtype"] as? String,
                  let shape = (description["shape"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
                  let offsets = (description["data_offsets"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
                  offsets.count == 2
            else { throw ModelFileError.malformed("safetensors entry \(name)") }
            guard let dtype = SafetensorsDType(rawValue: dtypeName) else {
                throw ModelFileError.unsupportedTensorType(tensor: name, type: dtypeName)
            }
            let elementCount = shape.reduce(1, *)
            guard offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= dataLength,
                  offsets[1] - offsets[0] == elementCount * dtype.byteWidth
            else { throw ModelFileError.malformed("safetensors entry \(name) has data_offsets \(offsets) for shape \(shape)") }
            entries[name] = SafetensorsEntry(dtype: dtype, shape: shape, byteRange: offsets[0]..<offsets[1])
        }
        self.entries = entries
        self.metadata = metadata
    }

    /// The tensor called `name`, converted to Float32.
    public func tensor(named name: String) throws -> Tensor {
        guard let entry = entries[name] else { throw ModelFileError.missingTensor(name) }
        let result = Tensor(shape: entry.shape)
        let start = dataStart + entry.byteRange.lowerBound
        let bytes = UnsafeRawBufferPointer(rebasing: file.bytes[start..<(dataStart + entry.byteRange.upperBound)])
        GGMLDecoding.decode(type: entry.dtype.ggmlType, from: bytes, count: result.count, into: result.data)
        return result
    }
}

/// Builds a safetensors file. Tensors are written in name order with 8-byte-aligned header padding,
/// as the reference implementation does, so files are byte-for-byte reproducible.
public struct SafetensorsWriter {
    private var tensors: [String: (tensor: Tensor, dtype: SafetensorsDType)] = [:]
    public var metadata: [String: String] = [:]

    public init() {}

    public mutating func add(_ name: String, _ tensor: Tensor, as dtype: SafetensorsDType = .f32) {
        precondition(name != "__metadata__", "reserved tensor name")
        tensors[name] = (tensor, dtype)
    }

    public func encoded() -> [UInt8] {
        let names = tensors.keys.sorted()
        var header = "{"
        var parts: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0]!))" }
            parts.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        var payloads: [[UInt8]] = []
        for name in names {
            let (tensor, dtype) = tensors[name]!
            let payload = GGMLDecoding.encode(UnsafeBufferPointer(tensor.buffer), as: dtype.ggmlType)
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            parts.append("\(jsonString(name)):{\"dtype\":\"\(dtype.rawValue)\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(offset + payload.count)]}")
            offset += payload.count
            payloads.append(payload)
        }
        header += parts.joined(separator: ",") + "}"
        var headerBytes = Array(header.utf8)
        while (headerBytes.count + 8) % 8 != 0 { headerBytes.append(0x20) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + headerBytes.count + offset)
        appendLittleEndian(UInt64(headerBytes.count), to: &bytes)
        bytes.append(contentsOf: headerBytes)
        for payload in payloads { bytes.append(contentsOf: payload) }
        return bytes
    }

    public func write(to path: String) throws {
        do {
            try Data(encoded()).write(to: URL(fileURLWithPath: path))
        } catch {
            throw ModelFileError.cannotWrite(path: path, reason: "\(error)")
        }
    }

    private func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
