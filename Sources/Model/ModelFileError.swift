/// Why a model, adapter or configuration file could not be read or written.
/// Each case names the offending file part (key, tensor, type), so the message says what to fix.
public enum ModelFileError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case notGGUF(path: String)
    case unsupportedGGUFVersion(UInt32)
    case truncated(String)
    case malformed(String)
    case unsupportedTensorType(tensor: String, type: String)
    case unsupportedArchitecture(String)
    case unsupportedFeature(String)
    case missingKey(String)
    case missingTensor(String)
    case shapeMismatch(tensor: String, expected: [Int], found: [Int])
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "cannot open \(path): \(reason)"
        case let .notGGUF(path): "\(path) is not a GGUF file (no 'GGUF' magic)"
        case let .unsupportedGGUFVersion(version): "GGUF version \(version) is not supported (only 2 and 3)"
        case let .truncated(what): "file ends inside \(what)"
        case let .malformed(what): "malformed file: \(what)"
        case let .unsupportedTensorType(tensor, type):
            "tensor \(tensor) has type \(type); supported: F32, F16, BF16, Q8_0, Q4_0, Q4_1"
        case let .unsupportedArchitecture(name): "architecture '\(name)' is not supported (only llama)"
        case let .unsupportedFeature(what): "not supported: \(what)"
        case let .missingKey(key): "missing metadata key \(key)"
        case let .missingTensor(name): "missing tensor \(name)"
        case let .shapeMismatch(tensor, expected, found): "tensor \(tensor) has shape \(found), expected \(expected)"
        case let .cannotWrite(path, reason): "cannot write \(path): \(reason)"
        }
    }
}
