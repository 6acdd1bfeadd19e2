extension Tokenizer {
    /// The tokenizer a GGUF file carries in its `tokenizer.ggml.*` metadata (model "gpt2" only).
    /// Tokens typed CONTROL (3) become special added tokens and USER_DEFINED (4) plain added tokens,
    /// both matched literally in text; `tokenizer.ggml.pre` picks the pre-tokenization.
    public static func fromGGUFMetadata(_ metadata: [String: GGUFValue]) throws -> Tokenizer {
        let model = metadata["tokenizer.ggml.model"]?.stringValue
        guard model == "gpt2" else {
            throw TokenizerError.unsupported(
                "tokenizer.ggml.model is \(model.map { "'\($0)'" } ?? "missing"); only 'gpt2' (byte-level BPE) is implemented")
        }
        let tokens = try stringArray(metadata, "tokenizer.ggml.tokens")
        let merges = try stringArray(metadata, "tokenizer.ggml.merges")
        guard let preName = metadata["tokenizer.ggml.pre"]?.stringValue else {
            throw TokenizerError.unsupported("tokenizer.ggml.pre is missing, so the pre-tokenization is unknown")
        }
        guard let preTokenization = PreTokenization(ggufName: preName) else {
            throw TokenizerError.unsupported(
                "tokenizer.ggml.pre '\(preName)'; implemented: gpt-2, smollm, starcoder, refact")
        }
        var addedTokens: [AddedToken] = []
        if let types = metadata["tokenizer.ggml.token_type"]?.arrayValue {
            guard types.count == tokens.count else {
                throw TokenizerError.malformedVocabulary(
                    "tokenizer.ggml.token_type has \(types.count) entries for \(tokens.count) tokens")
            }
            for (id, type) in types.enumerated() {
                switch type.intValue {
                case 3: addedTokens.append(AddedToken(id: Int32(id), content: tokens[id], isSpecial: true))
                case 4: addedTokens.append(AddedToken(id: Int32(id), content: tokens[id], isSpecial: false))
                default: break
                }
            }
        }
        return try Tokenizer(
            tokens: tokens,
            merges: merges,
            addedTokens: addedTokens,
            preTokenization: preTokenization,
            beginningOfSequenceID: try tokenID(metadata, "tokenizer.ggml.bos_token_id"),
            endOfSequenceID: try tokenID(metadata, "tokenizer.ggml.eos_token_id"),
            paddingID: try tokenID(metadata, "tokenizer.ggml.padding_token_id"),
            unknownID: try tokenID(metadata, "tokenizer.ggml.unknown_token_id")
        )
    }

    private static func tokenID(_ metadata: [String: GGUFValue], _ key: String) throws -> Int32? {
        guard let value = metadata[key] else { return nil }
        guard let id = value.intValue.flatMap(Int32.init(exactly:)) else {
            throw TokenizerError.malformedVocabulary("\(key) is not a token id")
        }
        return id
    }

    private static func stringArray(_ metadata: [String: GGUFValue], _ key: String) throws -> [String] {
        guard let elements = metadata[key]?.arrayValue else {
            throw TokenizerError.malformedVocabulary("\(key) is missing or not an array")
        }
        return try elements.map { element in
            guard let string = element.stringValue else {
                throw TokenizerError.malformedVocabulary("\(key) holds a non-string value")
            }
            return string
        }
    }
}
