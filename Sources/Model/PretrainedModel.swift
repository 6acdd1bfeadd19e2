import Foundation

/// A base model ready to fine-tune or sample: Float32 weights, the tokenizer and chat template that go
/// with them, and the name an exported adapter records as its base model.
/// `load(_:store:)` takes a GGUF file, a Hugging Face directory or the name of a model sal caches.
public struct PretrainedModel {
    public var weights: LlamaWeights
    public var tokenizer: Tokenizer
    public var chatTemplate: ChatTemplate
    /// What `adapter_config.json` records as `base_model_name_or_path`.
    public var baseModelName: String
    /// A short name for records and messages (the cached model's name, or the file or folder name).
    public var displayName: String

    public init(weights: LlamaWeights, tokenizer: Tokenizer, chatTemplate: ChatTemplate, baseModelName: String,
                displayName: String) throws {
        guard tokenizer.vocabularySize <= weights.configuration.vocabularySize else {
            throw ModelFileError.malformed(
                "the tokenizer has \(tokenizer.vocabularySize) tokens but the model's vocabulary has only "
                    + "\(weights.configuration.vocabularySize) rows")
        }
        self.weights = weights
        self.tokenizer = tokenizer
        self.chatTemplate = chatTemplate
        self.baseModelName = baseModelName
        self.displayName = displayName
    }

    /// Models `load` knows by name: the cached file and the Hugging Face id adapters are recorded against.
    public static let knownModels: [(descriptor: ModelDescriptor, huggingFaceID: String)] = [
        (.smolLM2_135MInstruct, "HuggingFaceTB/SmolLM2-135M-Instruct"),
    ]

    /// Loads `reference`: an existing directory is a Hugging Face model (`config.json`, `*.safetensors`,
    /// `tokenizer.json`, the chat template in `tokenizer_config.json` or `chat_template.jinja`); an existing
    /// file is GGUF; otherwise a known model name (case-insensitive) is looked up in `store`.
    /// The trap: a path wins over a name, so a folder named like a known model shadows it.
    public static func load(_ reference: String, store: ModelStore) throws -> PretrainedModel {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? try load(huggingFaceDirectory: reference) : try load(ggufPath: reference)
        }
        guard let known = knownModels.first(where: { $0.descriptor.name.lowercased() == reference.lowercased() }) else {
            let names = knownModels.map { $0.descriptor.name.lowercased() }.joined(separator: ", ")
            throw ModelFileError.cannotOpen(
                path: reference, reason: "no such file or directory, and not a known model name (\(names))")
        }
        var model = try load(ggufPath: try store.locate(known.descriptor).path)
        model.baseModelName = known.huggingFaceID
        model.displayName = known.descriptor.name
        return model
    }

    /// A llama GGUF file carrying its tokenizer (`tokenizer.ggml.*`) and chat template.
    public static func load(ggufPath path: String) throws -> PretrainedModel {
        let file = try GGUFFile(path: path)
        return try PretrainedModel(
            weights: try LlamaWeights(gguf: file), tokenizer: try Tokenizer.fromGGUFMetadata(file.metadata),
            chatTemplate: try ChatTemplate.fromGGUFMetadata(file.metadata), baseModelName: path,
            displayName: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
    }

    /// A Hugging Face model directory. BOS/EOS/padding tokens come from `tokenizer_config.json` when present.
    public static func load(huggingFaceDirectory directory: String) throws -> PretrainedModel {
        let weights = try LlamaWeights(huggingFaceDirectory: directory)
        let tokenizerConfig = try jsonObject(atPath: directory + "/tokenizer_config.json") ?? [:]
        let tokenizer = try Tokenizer.fromTokenizerJSON(
            url: URL(fileURLWithPath: directory + "/tokenizer.json"),
            beginningOfSequenceToken: tokenText(tokenizerConfig["bos_token"]),
            endOfSequenceToken: tokenText(tokenizerConfig["eos_token"]),
            paddingToken: tokenText(tokenizerConfig["pad_token"]))
        let template: ChatTemplate
        if let source = chatTemplateSource(tokenizerConfig["chat_template"]) {
            template = try ChatTemplate(jinjaSource: source)
        } else if let source = try? String(contentsOfFile: directory + "/chat_template.jinja", encoding: .utf8) {
            template = try ChatTemplate(jinjaSource: source)
        } else {
            throw ChatTemplateError.missing
        }
        let config = try jsonObject(atPath: directory + "/config.json") ?? [:]
        let name = (config["_name_or_path"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? directory
        return try PretrainedModel(weights: weights, tokenizer: tokenizer, chatTemplate: template, baseModelName: name,
                                   displayName: URL(fileURLWithPath: directory).lastPathComponent)
    }

    /// The tokens that end an assistant turn: `<|im_end|>` and the tokenizer's end-of-sequence token.
    public var stopTokens: Set<Int32> {
        Set([tokenizer.id(forToken: ChatTemplate.endToken), tokenizer.endOfSequenceID].compactMap { $0 })
    }

    private static func jsonObject(atPath path: String) throws -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ModelFileError.malformed("\(path) is not a JSON object")
        }
        return object
    }

    /// A special token in tokenizer_config.json: a string or `{"content": ...}`.
    private static func tokenText(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        return (value as? [String: Any])?["content"] as? String
    }

    /// `chat_template` is a string, or a list of `{"name", "template"}` of which "default" is the one used.
    private static func chatTemplateSource(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        let named = (value as? [[String: Any]]) ?? []
        return named.first { $0["name"] as? String == "default" }?["template"] as? String
    }
}
