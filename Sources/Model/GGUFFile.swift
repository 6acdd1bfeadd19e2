import LinearAlgebra

/// A GGUF v2/v3 file, memory-mapped: all metadata parsed up front, tensors decoded on request.
/// `tensor(named:)` returns Float32 in row-major order (the reverse of GGUF's dimension order);
/// it does not undo the llama.cpp q/k row permutation — `LlamaWeights` does that.
public final class GGUFFile {
    public let version: UInt32
    /// Metadata in file order.
    public let metadataKeys: [String]
    public let metadata: [String: GGUFValue]
    /// Tensor descriptions in file order.
    public let tensorInfos: [GGUFTensorInfo]
    /// The `general.alignment` value (32 when absent).
    public let alignment: Int

    private let file: MappedFile
    private let dataStart: Int
    private let infoIndex: [String: Int]

    public convenience init(path: String) throws {
        try self.init(file: MappedFile(path: path))
    }

    init(file: MappedFile) throws {
        self.file = file
        var cursor = ByteCursor(file.bytes)
        let magic = try cursor.read(UInt32.self, "the GGUF magic")
        guard magic == 0x4655_4747 else { throw ModelFileError.notGGUF(path: file.path) }
        version = try cursor.read(UInt32.self, "the GGUF version")
        guard version == 2 || version == 3 else { throw ModelFileError.unsupportedGGUFVersion(version) }
        let tensorCount = try cursor.read(UInt64.self, "the tensor count")
        let keyCount = try cursor.read(UInt64.self, "the metadata count")
        guard tensorCount < 1 << 24, keyCount < 1 << 24 else {
            throw ModelFileError.malformed("implausible counts \(tensorCount) tensors, \(keyCount) keys")
        }

        var keys: [String] = []
        var values: [String: GGUFValue] = [:]
        for _ in 0..<keyCount {
            let key = try Self.readString(&cursor, "a metadata key")
            let rawType = try cursor.read(UInt32.self, "the type of \(key)")
            guard let type = GGUFValueType(rawValue: rawType) else {
                throw ModelFileError.malformed("metadata \(key) has unknown value type \(rawType)")
            }
            values[key] = try Self.readValue(&cursor, type: type, key: key)
            keys.append(key)
        }
        metadataKeys = keys
        metadata = values

        var infos: [GGUFTensorInfo] = []
        var index: [String: Int] = [:]
        for _ in 0..<tensorCount {
            let name = try Self.readString(&cursor, "a tensor name")
            let dimensionCount = try cursor.read(UInt32.self, "the dimension count of \(name)")
            guard dimensionCount <= 8 else { throw ModelFileError.malformed("tensor \(name) has \(dimensionCount) dims") }
            var dimensions: [Int] = []
            for _ in 0..<dimensionCount {
                let dimension = try cursor.read(UInt64.self, "the dimensions of \(name)")
                guard dimension < 1 << 40 else { throw ModelFileError.malformed("tensor \(name) dimension \(dimension)") }
                dimensions.append(Int(dimension))
            }
            let type = GGMLType(rawValue: try cursor.read(UInt32.self, "the type of \(name)"))
            let offset = try cursor.read(UInt64.self, "the offset of \(name)")
            index[name] = infos.count
            infos.append(GGUFTensorInfo(name: name, dimensions: dimensions, type: type, offset: Int(offset)))
        }
        tensorInfos = infos
        infoIndex = index

        let alignment = values["general.alignment"]?.intValue ?? 32
        guard alignment > 0 else { throw ModelFileError.malformed("general.alignment \(alignment)") }
        self.alignment = alignment
        dataStart = (cursor.position + alignment - 1) / alignment * alignment
    }

    /// The description of the tensor called `name`, if present.
    public func tensorInfo(named name: String) -> GGUFTensorInfo? {
        infoIndex[name].map { tensorInfos[$0] }
    }

    /// The stored bytes of a tensor (quantized blocks as they are in the file).
    public func rawBytes(of info: GGUFTensorInfo) throws -> UnsafeRawBufferPointer {
        guard let byteCount = info.byteCount else {
            throw ModelFileError.unsupportedTensorType(tensor: info.name, type: info.type.description)
        }
        let start = dataStart + info.offset
        guard start + byteCount <= file.bytes.count else { throw ModelFileError.truncated("tensor \(info.name)") }
        return UnsafeRawBufferPointer(rebasing: file.bytes[start..<(start + byteCount)])
    }

    /// The tensor called `name`, decoded to Float32, with the row-major shape.
    public func tensor(named name: String) throws -> Tensor {
        guard let info = tensorInfo(named: name) else { throw ModelFileError.missingTensor(name) }
        guard let layout = info.type.blockLayout else {
            throw ModelFileError.unsupportedTensorType(tensor: name, type: info.type.description)
        }
        guard info.dimensions.first.map({ $0 % layout.elements == 0 }) ?? true else {
            throw ModelFileError.malformed("tensor \(name): rows of \(info.dimensions[0]) are not whole \(info.type) blocks")
        }
        let source = try rawBytes(of: info)
        let result = Tensor(shape: info.shape)
        GGMLDecoding.decode(type: info.type, from: source, count: info.elementCount, into: result.data)
        return result
    }

    /// The string metadata `key`, or a `missingKey` error.
    public func string(_ key: String) throws -> String {
        guard let value = metadata[key]?.stringValue else { throw ModelFileError.missingKey(key) }
        return value
    }

    /// The integer metadata `key`, or a `missingKey` error.
    public func integer(_ key: String) throws -> Int {
        guard let value = metadata[key]?.intValue else { throw ModelFileError.missingKey(key) }
        return value
    }

    private static func readString(_ cursor: inout ByteCursor, _ what: String) throws -> String {
        let length = try cursor.read(UInt64.self, what)
        guard length < 1 << 32 else { throw ModelFileError.malformed("string of length \(length) in \(what)") }
        let bytes = try cursor.readBytes(Int(length), what)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func readValue(_ cursor: inout ByteCursor, type: GGUFValueType, key: String) throws -> GGUFValue {
        let what = "metadata \(key)"
        switch type {
        case .uint8: return .uint8(try cursor.read(UInt8.self, what))
        case .int8: return .int8(try cursor.read(Int8.self, what))
        case .uint16: return .uint16(try cursor.read(UInt16.self, what))
        case .int16: return .int16(try cursor.read(Int16.self, what))
        case .uint32: return .uint32(try cursor.read(UInt32.self, what))
        case .int32: return .int32(try cursor.read(Int32.self, what))
        case .uint64: return .uint64(try cursor.read(UInt64.self, what))
        case .int64: return .int64(try cursor.read(Int64.self, what))
        case .float32: return .float32(Float(bitPattern: try cursor.read(UInt32.self, what)))
        case .float64: return .float64(Double(bitPattern: try cursor.read(UInt64.self, what)))
        case .bool: return .bool(try cursor.read(UInt8.self, what) != 0)
        case .string: return .string(try readString(&cursor, what))
        case .array:
            let rawElementType = try cursor.read(UInt32.self, what)
            guard let elementType = GGUFValueType(rawValue: rawElementType) else {
                throw ModelFileError.malformed("\(what) has arrays of unknown type \(rawElementType)")
            }
            let count = try cursor.read(UInt64.self, what)
            guard count <= UInt64(cursor.bytes.count - cursor.position) else {
                throw ModelFileError.truncated(what)
            }
            var elements: [GGUFValue] = []
            elements.reserveCapacity(Int(count))
            for _ in 0..<count { elements.append(try readValue(&cursor, type: elementType, key: key)) }
            return .array(elementType, elements)
        }
    }
}
