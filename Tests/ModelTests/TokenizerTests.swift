import Foundation
import Testing
@testable import Model

/// The files Scripts/make-tokenizer-fixture.py writes: tiny byte-level BPE tokenizers and the ids
/// Hugging Face `tokenizers` gives for tricky strings.
enum TokenizerFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tokenizer", isDirectory: true)

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func decode<Value: Decodable>(_ type: Value.Type, from name: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(contentsOf: url(name)))
    }

    static func tokenizer(_ name: String) throws -> Tokenizer {
        try Tokenizer.fromTokenizerJSON(url: url("\(name).tokenizer.json"))
    }

    struct Encodings: Decodable {
        struct Case: Decodable {
            var text: String
            var ids: [Int32]
            var decoded: String
            var decodedSkippingSpecial: String
        }
        var cases: [Case]
    }
}

@Test("Tiny tokenizers give Hugging Face's ids for every tricky string", arguments: ["tiny-smollm", "tiny-gpt2", "tiny-gpt2-prefix-space"])
func tinyTokenizerParity(name: String) throws {
    let tokenizer = try TokenizerFixtures.tokenizer(name)
    let fixture = try TokenizerFixtures.decode(TokenizerFixtures.Encodings.self, from: "\(name).encodings.json")
    #expect(fixture.cases.count >= 50)
    for testCase in fixture.cases {
        #expect(tokenizer.encode(testCase.text) == testCase.ids, "\(name): \(testCase.text.debugDescription)")
        #expect(tokenizer.decode(testCase.ids) == testCase.decoded, "\(name): \(testCase.text.debugDescription)")
        #expect(tokenizer.decode(testCase.ids, skipSpecialTokens: true) == testCase.decodedSkippingSpecial,
                "\(name): \(testCase.text.debugDescription)")
    }
}

@Test("The tiny tokenizer.json files load with the pre-tokenization they declare")
func tokenizerJSONPreTokenization() throws {
    #expect(try TokenizerFixtures.tokenizer("tiny-smollm").preTokenization == .smolLM)
    #expect(try TokenizerFixtures.tokenizer("tiny-gpt2").preTokenization == .gpt2)
    #expect(try TokenizerFixtures.tokenizer("tiny-gpt2-prefix-space").preTokenization
        == PreTokenization(isolatesDigits: false, addsPrefixSpace: true))
    let tokenizer = try TokenizerFixtures.tokenizer("tiny-smollm")
    #expect(tokenizer.vocabularySize == 701)
    #expect(tokenizer.id(forToken: "<|im_end|>") == 2)
    #expect(tokenizer.isSpecial(2))
    let plainAdded = try #require(tokenizer.id(forToken: "<extra>"))
    #expect(!tokenizer.isSpecial(plainAdded))
}

@Test("Each token's UTF-8 range covers exactly its bytes, in order, across the whole input")
func tokenOffsetsTileTheInput() throws {
    let tokenizer = try TokenizerFixtures.tokenizer("tiny-smollm")
    let fixture = try TokenizerFixtures.decode(TokenizerFixtures.Encodings.self, from: "tiny-smollm.encodings.json")
    for testCase in fixture.cases {
        let encoded = tokenizer.encodeWithOffsets(testCase.text)
        let bytes = Array(testCase.text.utf8)
        var cursor = 0
        for (id, range) in zip(encoded.ids, encoded.utf8Ranges) {
            #expect(range.lowerBound == cursor)
            #expect(Array(bytes[range]) == tokenizer.bytes(forID: id))
            cursor = range.upperBound
        }
        #expect(cursor == bytes.count, "\(testCase.text.debugDescription)")
    }
}

@Test("Special-token text is spelled out with ordinary tokens when parsing is off")
func specialTokensCanBeLeftUnparsed() throws {
    let tokenizer = try TokenizerFixtures.tokenizer("tiny-smollm")
    let text = "<|im_start|>user\nhi<|im_end|>"
    let parsed = tokenizer.encode(text)
    let literal = tokenizer.encode(text, parseSpecialTokens: false)
    #expect(parsed.first == 1 && parsed.last == 2)
    #expect(!literal.contains(1) && !literal.contains(2))
    #expect(tokenizer.decode(literal) == text)
}

@Test("The byte mapping is GPT-2's: space is Ġ, newline Ċ, printable ASCII itself, and it inverts")
func byteMappingIsGPT2s() {
    #expect(ByteLevelMapping.scalarForByte[0x20] == "Ġ")
    #expect(ByteLevelMapping.scalarForByte[0x0A] == "Ċ")
    #expect(ByteLevelMapping.scalarForByte[0x41] == "A")
    #expect(ByteLevelMapping.scalarForByte[0xAD] == "\u{143}")
    #expect(Set(ByteLevelMapping.scalarForByte).count == 256)
    let everyByte = (0...255).map(UInt8.init)
    #expect(ByteLevelMapping.bytes(ofVocabularyString: ByteLevelMapping.vocabularyString(ofBytes: everyByte)) == everyByte)
}

@Test("Merging follows rank, leftmost first, over the whole word")
func mergeOrder() throws {
    // Byte tokens first, then merged tokens: "a a" outranks "b c", so "abc" splits as "a" + "bc" only via rank.
    let bytes = (0...255).map { ByteLevelMapping.vocabularyString(ofBytes: [UInt8($0)]) }
    let tokens = bytes + ["bc", "ab", "aa", "aaa", "abc"]
    let merges = ["b c", "a b", "a a", "aa a", "a bc"]
    let tokenizer = try Tokenizer(tokens: tokens, merges: merges, addedTokens: [], preTokenization: .gpt2)
    let id = { (token: String) in try #require(tokenizer.id(forToken: token)) }
    #expect(tokenizer.encode("abc") == [try id("abc")])  // b c (rank 0), then a bc (rank 4)
    #expect(tokenizer.encode("aaaa") == [try id("aa"), try id("aa")])  // leftmost a a twice; "aa aa" is no rule
    #expect(tokenizer.encode("aaa") == [try id("aaa")])
    #expect(tokenizer.encode("ab") == [try id("ab")])
}

@Test("A tokenizer built from GGUF-style metadata equals the one read from tokenizer.json")
func ggufMetadataAdapter() throws {
    let reference = try TokenizerFixtures.tokenizer("tiny-smollm")
    let root = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: TokenizerFixtures.url("tiny-smollm.tokenizer.json"))) as? [String: Any])
    let model = try #require(root["model"] as? [String: Any])
    let merges = try #require(model["merges"] as? [Any]).map { entry -> String in
        if let pair = entry as? [String] { return pair.joined(separator: " ") }
        return entry as? String ?? ""
    }
    let types: [GGUFValue] = reference.tokens.indices.map { id in
        .int32(reference.addedTokens.first { $0.id == id }.map { $0.isSpecial ? 3 : 4 } ?? 1)
    }
    let metadata: [String: GGUFValue] = [
        "tokenizer.ggml.model": .string("gpt2"),
        "tokenizer.ggml.pre": .string("smollm"),
        "tokenizer.ggml.tokens": .array(.string, reference.tokens.map { .string($0) }),
        "tokenizer.ggml.merges": .array(.string, merges.map { .string($0) }),
        "tokenizer.ggml.token_type": .array(.int32, types),
        "tokenizer.ggml.bos_token_id": .uint32(1),
        "tokenizer.ggml.eos_token_id": .uint32(2),
    ]
    let tokenizer = try Tokenizer.fromGGUFMetadata(metadata)
    #expect(tokenizer.beginningOfSequenceID == 1)
    #expect(tokenizer.endOfSequenceID == 2)
    let fixture = try TokenizerFixtures.decode(TokenizerFixtures.Encodings.self, from: "tiny-smollm.encodings.json")
    for testCase in fixture.cases {
        #expect(tokenizer.encode(testCase.text) == testCase.ids, "\(testCase.text.debugDescription)")
    }

    var llama = metadata
    llama["tokenizer.ggml.model"] = .string("llama")
    #expect(throws: TokenizerError.self) { try Tokenizer.fromGGUFMetadata(llama) }
    var unknownPre = metadata
    unknownPre["tokenizer.ggml.pre"] = .string("qwen2")
    #expect(throws: TokenizerError.unsupported("tokenizer.ggml.pre 'qwen2'; implemented: gpt-2, smollm, starcoder, refact")) {
        try Tokenizer.fromGGUFMetadata(unknownPre)
    }
}

@Test("tokenizer.json features sal does not implement are refused, naming the feature")
func unsupportedTokenizerJSON() throws {
    let original = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: TokenizerFixtures.url("tiny-gpt2.tokenizer.json"))) as? [String: Any])
    func load(_ change: (inout [String: Any]) -> Void) throws {
        var root = original
        change(&root)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sal-tokenizer-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try JSONSerialization.data(withJSONObject: root).write(to: url)
        _ = try Tokenizer.fromTokenizerJSON(url: url)
    }
    #expect(throws: TokenizerError.unsupported("a normalizer (only none is implemented)")) {
        try load { $0["normalizer"] = ["type": "NFC"] }
    }
    #expect(throws: TokenizerError.unsupported("pre_tokenizer Whitespace")) {
        try load { $0["pre_tokenizer"] = ["type": "Whitespace"] }
    }
    #expect(throws: TokenizerError.unsupported("model.type must be BPE")) {
        try load { root in
            var model = root["model"] as! [String: Any]
            model["type"] = "WordPiece"
            root["model"] = model
        }
    }
    #expect(throws: TokenizerError.self) {
        _ = try Tokenizer.fromTokenizerJSON(url: TokenizerFixtures.url("absent.tokenizer.json"))
    }
}

@Test("Malformed merge tables are reported with the offending rule")
func malformedMerges() {
    let bytes = (0...255).map { ByteLevelMapping.vocabularyString(ofBytes: [UInt8($0)]) }
    #expect(throws: TokenizerError.malformedVocabulary("merge 0 \"a b\" produces a token missing from the vocabulary")) {
        try Tokenizer(tokens: bytes, merges: ["a b"], addedTokens: [], preTokenization: .gpt2)
    }
    #expect(throws: TokenizerError.malformedVocabulary("merge 0 \"ab\" does not name two vocabulary tokens")) {
        try Tokenizer(tokens: bytes, merges: ["ab"], addedTokens: [], preTokenization: .gpt2)
    }
}
