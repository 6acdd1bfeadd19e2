import Synchronization

/// A byte-level byte-pair-encoding tokenizer (GPT-2 family, as in SmolLM2's GGUF and tokenizer.json):
/// special tokens are cut out first, the rest is pre-tokenized into words, each word's UTF-8 bytes
/// are merged by merge rank. Token ids are vocabulary indices. Thread-safe; words are cached.
/// The trap: ids depend on the pre-tokenization scheme, which lives outside the vocabulary.
public final class Tokenizer: Sendable {
    /// A token matched literally in input text (before pre-tokenization), like "<|im_start|>".
    public struct AddedToken: Sendable, Hashable {
        public var id: Int32
        public var content: String
        /// Special tokens are dropped by `decode(_:skipSpecialTokens: true)`.
        public var isSpecial: Bool

        public init(id: Int32, content: String, isSpecial: Bool = true) {
            self.id = id
            self.content = content
            self.isSpecial = isSpecial
        }
    }

    /// Vocabulary strings, indexed by id (byte-level form: "Ġthe" is " the").
    public let tokens: [String]
    public let addedTokens: [AddedToken]
    public let preTokenization: PreTokenization
    public let beginningOfSequenceID: Int32?
    public let endOfSequenceID: Int32?
    public let paddingID: Int32?
    /// Stands in for bytes with no single-byte token; when nil such bytes are dropped (as Hugging Face does).
    public let unknownID: Int32?

    let idForToken: [String: Int32]
    /// The bytes each id decodes to.
    let bytesForID: [[UInt8]]
    let specialIDs: Set<Int32>
    /// Id of the one-byte token for each byte value, or -1.
    let idForByte: [Int32]
    /// Merge table keyed by `left << 32 | right`.
    let merges: [UInt64: MergeRule]
    let addedTokenMatcher: AddedTokenMatcher
    let wordCache = Mutex(WordCache())

    /// Builds a tokenizer from vocabulary strings, merge rules "left right" (rank = position), and the
    /// tokens to match literally. Throws `TokenizerError` on a malformed table; ids must be `tokens` indices.
    public init(
        tokens: [String],
        merges: [String],
        addedTokens: [AddedToken],
        preTokenization: PreTokenization,
        beginningOfSequenceID: Int32? = nil,
        endOfSequenceID: Int32? = nil,
        paddingID: Int32? = nil,
        unknownID: Int32? = nil
    ) throws {
        guard tokens.count <= Int(Int32.max) else {
            throw TokenizerError.malformedVocabulary("\(tokens.count) tokens do not fit 32-bit ids")
        }
        var idForToken: [String: Int32] = [:]
        idForToken.reserveCapacity(tokens.count)
        for (id, token) in tokens.enumerated() where idForToken[token] == nil {
            idForToken[token] = Int32(id)
        }
        for optionalID in [beginningOfSequenceID, endOfSequenceID, paddingID, unknownID] {
            if let id = optionalID, !tokens.indices.contains(Int(id)) {
                throw TokenizerError.malformedVocabulary("token id \(id) is outside the vocabulary of \(tokens.count)")
            }
        }
        for added in addedTokens {
            guard tokens.indices.contains(Int(added.id)) else {
                throw TokenizerError.malformedVocabulary("added token \(added.content) has id \(added.id) outside the vocabulary")
            }
            guard !added.content.isEmpty else {
                throw TokenizerError.malformedVocabulary("added token \(added.id) is empty")
            }
        }
        for added in addedTokens { idForToken[added.content] = added.id }
        let addedContent = Dictionary(addedTokens.map { ($0.id, $0.content) }, uniquingKeysWith: { first, _ in first })
        var bytesForID: [[UInt8]] = []
        bytesForID.reserveCapacity(tokens.count)
        for (id, token) in tokens.enumerated() {
            if let content = addedContent[Int32(id)] {
                bytesForID.append(Array(content.utf8))
            } else {
                // A plain-text token outside the byte mapping decodes as its own UTF-8.
                bytesForID.append(ByteLevelMapping.bytes(ofVocabularyString: token) ?? Array(token.utf8))
            }
        }
        var idForByte = [Int32](repeating: -1, count: 256)
        for byte in 0..<256 {
            if let id = idForToken[String(ByteLevelMapping.scalarForByte[byte])] { idForByte[byte] = id }
        }
        var mergeTable: [UInt64: MergeRule] = [:]
        mergeTable.reserveCapacity(merges.count)
        for (rank, merge) in merges.enumerated() {
            let parts = merge.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2, let left = idForToken[String(parts[0])], let right = idForToken[String(parts[1])] else {
                throw TokenizerError.malformedVocabulary("merge \(rank) \"\(merge)\" does not name two vocabulary tokens")
            }
            guard let merged = idForToken[String(parts[0]) + String(parts[1])] else {
                throw TokenizerError.malformedVocabulary("merge \(rank) \"\(merge)\" produces a token missing from the vocabulary")
            }
            let key = UInt64(UInt32(left)) << 32 | UInt64(UInt32(right))
            if mergeTable[key] == nil {
                mergeTable[key] = MergeRule(rank: Int32(rank), mergedID: merged)
            }
        }
        self.tokens = tokens
        self.addedTokens = addedTokens
        self.preTokenization = preTokenization
        self.beginningOfSequenceID = beginningOfSequenceID
        self.endOfSequenceID = endOfSequenceID
        self.paddingID = paddingID
        self.unknownID = unknownID
        self.idForToken = idForToken
        self.bytesForID = bytesForID
        self.specialIDs = Set(addedTokens.filter(\.isSpecial).map(\.id))
        self.idForByte = idForByte
        self.merges = mergeTable
        self.addedTokenMatcher = AddedTokenMatcher(addedTokens)
    }

    public var vocabularySize: Int { tokens.count }

    /// The id of a vocabulary string (byte-level form, or an added token's content).
    public func id(forToken token: String) -> Int32? { idForToken[token] }

    /// The raw bytes token `id` stands for; concatenate these to decode a stream piece by piece
    /// (one token may end in the middle of a UTF-8 sequence).
    public func bytes(forID id: Int32) -> [UInt8] {
        precondition(bytesForID.indices.contains(Int(id)), "token id \(id) outside vocabulary of \(bytesForID.count)")
        return bytesForID[Int(id)]
    }

    public func isSpecial(_ id: Int32) -> Bool { specialIDs.contains(id) }

    /// Text for `ids`; invalid UTF-8 (a sequence cut mid-character) becomes U+FFFD.
    public func decode(_ ids: [Int32], skipSpecialTokens: Bool = false) -> String {
        var bytes: [UInt8] = []
        for id in ids where !(skipSpecialTokens && specialIDs.contains(id)) {
            bytes.append(contentsOf: self.bytes(forID: id))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Token ids for `text`. With `parseSpecialTokens`, added tokens written in the text (e.g. "<|im_end|>")
    /// become their ids; without, they are spelled out with ordinary tokens. Adds no BOS/EOS.
    public func encode(_ text: String, parseSpecialTokens: Bool = true) -> [Int32] {
        encodeWithOffsets(text, parseSpecialTokens: parseSpecialTokens).ids
    }
}

/// Ids plus, for each id, the UTF-8 byte range of the input it came from.
public struct TokenizedText: Sendable, Hashable {
    public var ids: [Int32]
    /// `utf8Ranges[i]` is where token i's bytes sit in the input; a space added by `addsPrefixSpace`
    /// has no source, so a token made only of it gets an empty range.
    public var utf8Ranges: [Range<Int>]
}

public enum TokenizerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The vocabulary, merges or special-token table contradict one another.
    case malformedVocabulary(String)
    /// The file describes a tokenizer feature sal does not implement (named in the message).
    case unsupported(String)
    /// The file could not be read or parsed.
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .malformedVocabulary(let message): "malformed tokenizer: \(message)"
        case .unsupported(let message): "unsupported tokenizer: \(message)"
        case .unreadableFile(let path, let reason): "cannot read tokenizer file \(path): \(reason)"
        }
    }
}
