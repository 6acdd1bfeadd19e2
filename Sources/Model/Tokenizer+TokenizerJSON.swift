import Foundation

extension Tokenizer {
    /// Reads a Hugging Face `tokenizer.json` holding a byte-level BPE model: no normalizer, and a
    /// pre-tokenizer that is `ByteLevel` (regex on) alone or after `Digits(individual_digits: true)`.
    /// Anything else throws `TokenizerError.unsupported` naming the part. BOS/EOS live in
    /// tokenizer_config.json, not here: pass their token strings if wanted. The post-processor is ignored.
    public static func fromTokenizerJSON(
        url: URL,
        beginningOfSequenceToken: String? = nil,
        endOfSequenceToken: String? = nil,
        paddingToken: String? = nil
    ) throws -> Tokenizer {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TokenizerError.unreadableFile(path: url.path, reason: "\(error)")
        }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw TokenizerError.unreadableFile(path: url.path, reason: "not a JSON object")
        }
        guard let model = root["model"] as? [String: Any], model["type"] as? String == "BPE" else {
            throw TokenizerError.unsupported("model.type must be BPE")
        }
        try requireAbsent(model, "dropout", "model.dropout (BPE dropout)")
        try requireAbsent(model, "continuing_subword_prefix", "model.continuing_subword_prefix")
        try requireAbsent(model, "end_of_word_suffix", "model.end_of_word_suffix")
        if model["byte_fallback"] as? Bool == true { throw TokenizerError.unsupported("model.byte_fallback") }
        if model["ignore_merges"] as? Bool == true { throw TokenizerError.unsupported("model.ignore_merges") }
        if !(root["normalizer"] is NSNull || root["normalizer"] == nil) {
            throw TokenizerError.unsupported("a normalizer (only none is implemented)")
        }
        let preTokenization = try preTokenization(from: root["pre_tokenizer"])

        guard let vocabulary = model["vocab"] as? [String: Any] else {
            throw TokenizerError.malformedVocabulary("model.vocab is missing")
        }
        var idForString: [String: Int] = [:]
        for (token, value) in vocabulary {
            guard let id = integer(value) else { throw TokenizerError.malformedVocabulary("vocab entry \(token) has no integer id") }
            idForString[token] = id
        }
        var addedTokens: [AddedToken] = []
        for entry in root["added_tokens"] as? [[String: Any]] ?? [] {
            guard let id = integer(entry["id"] as Any), let content = entry["content"] as? String else {
                throw TokenizerError.malformedVocabulary("an added token lacks id or content")
            }
            for flag in ["lstrip", "rstrip", "single_word"] where entry[flag] as? Bool == true {
                throw TokenizerError.unsupported("added token \(content) sets \(flag)")
            }
            guard let id32 = Int32(exactly: id), id32 >= 0 else { throw TokenizerError.malformedVocabulary("added token id \(id)") }
            addedTokens.append(AddedToken(id: id32, content: content, isSpecial: entry["special"] as? Bool ?? false))
            if idForString[content] == nil { idForString[content] = id }
        }
        let count = (idForString.values.max() ?? -1) + 1
        guard count <= 1 << 24 else { throw TokenizerError.malformedVocabulary("token id \(count - 1) is implausibly large") }
        var tokens = [String?](repeating: nil, count: count)
        for (token, id) in idForString {
            guard id >= 0 else { throw TokenizerError.malformedVocabulary("negative id \(id)") }
            if tokens[id] == nil { tokens[id] = token }
        }
        for added in addedTokens { tokens[Int(added.id)] = added.content }
        if let gap = tokens.firstIndex(where: { $0 == nil }) {
            throw TokenizerError.malformedVocabulary("no token has id \(gap)")
        }
        return try Tokenizer(
            tokens: tokens.compactMap { $0 },
            merges: try mergeStrings(model["merges"]),
            addedTokens: addedTokens,
            preTokenization: preTokenization,
            beginningOfSequenceID: try beginningOfSequenceToken.map { try lookUp($0, idForString) },
            endOfSequenceID: try endOfSequenceToken.map { try lookUp($0, idForString) },
            paddingID: try paddingToken.map { try lookUp($0, idForString) },
            unknownID: try (model["unk_token"] as? String).map { try lookUp($0, idForString) }
        )
    }

    private static func preTokenization(from value: Any?) throws -> PreTokenization {
        guard let object = value as? [String: Any], let type = object["type"] as? String else {
            throw TokenizerError.unsupported("a missing pre_tokenizer (byte-level BPE needs ByteLevel)")
        }
        switch type {
        case "ByteLevel":
            return try byteLevel(object, isolatesDigits: false)
        case "Sequence":
            let steps = object["pretokenizers"] as? [[String: Any]] ?? []
            guard steps.count == 2, steps[0]["type"] as? String == "Digits", steps[1]["type"] as? String == "ByteLevel" else {
                throw TokenizerError.unsupported("pre_tokenizer Sequence other than [Digits, ByteLevel]")
            }
            guard steps[0]["individual_digits"] as? Bool == true else {
                throw TokenizerError.unsupported("Digits pre-tokenizer without individual_digits")
            }
            return try byteLevel(steps[1], isolatesDigits: true)
        default:
            throw TokenizerError.unsupported("pre_tokenizer \(type)")
        }
    }

    private static func byteLevel(_ object: [String: Any], isolatesDigits: Bool) throws -> PreTokenization {
        guard object["use_regex"] as? Bool ?? true else {
            throw TokenizerError.unsupported("ByteLevel pre-tokenizer with use_regex false")
        }
        return PreTokenization(isolatesDigits: isolatesDigits, addsPrefixSpace: object["add_prefix_space"] as? Bool ?? false)
    }

    /// Merges come as "a b" strings (older files) or as ["a", "b"] pairs (newer files).
    private static func mergeStrings(_ value: Any?) throws -> [String] {
        guard let entries = value as? [Any] else { throw TokenizerError.malformedVocabulary("model.merges is missing") }
        return try entries.map { entry in
            if let string = entry as? String { return string }
            if let pair = entry as? [String], pair.count == 2 { return pair[0] + " " + pair[1] }
            throw TokenizerError.malformedVocabulary("a merge is neither \"a b\" nor [a, b]")
        }
    }

    private static func requireAbsent(_ object: [String: Any], _ key: String, _ name: String) throws {
        guard let value = object[key], !(value is NSNull) else { return }
        if let string = value as? String, string.isEmpty { return }
        throw TokenizerError.unsupported(name)
    }

    private static func integer(_ value: Any) -> Int? {
        if let number = value as? NSNumber { return number.intValue }
        return value as? Int
    }

    private static func lookUp(_ token: String, _ idForString: [String: Int]) throws -> Int32 {
        guard let id = idForString[token] else { throw TokenizerError.malformedVocabulary("token \(token) is not in the vocabulary") }
        return Int32(id)
    }
}
