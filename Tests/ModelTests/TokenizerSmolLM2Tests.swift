import Foundation
import Testing
@testable import Model

/// The real SmolLM2 tokenizer, read from the cached GGUF (Scripts/setup.sh); reference ids in
/// Fixtures/tokenizer/smollm2-reference.json come from Hugging Face `tokenizers` over the same vocabulary.
enum SmolLM2Cache {
    static let store = ModelStore(environment: ProcessInfo.processInfo.environment)
    static var modelURL: URL? { try? store.locate(.smolLM2_135MInstruct) }
    static var isCached: Bool { modelURL != nil }
    static let skipMessage: Comment = "SmolLM2 is not in the model cache: run Scripts/setup.sh to enable this test"

    struct Reference: Decodable {
        struct Chat: Decodable {
            var messages: [ChatMessage]
            var rendered: String
            var ids: [Int32]
            var lossMask: [Int]
        }
        var vocabularySize: Int
        var cases: [TokenizerFixtures.Encodings.Case]
        var chat: Chat
    }
}

@Test("SmolLM2's GGUF tokenizer gives the reference ids", .enabled(if: SmolLM2Cache.isCached, SmolLM2Cache.skipMessage))
func smolLM2TokenizerParity() throws {
    let file = try GGUFFile(path: try #require(SmolLM2Cache.modelURL).path)
    let tokenizer = try Tokenizer.fromGGUFMetadata(file.metadata)
    let reference = try TokenizerFixtures.decode(SmolLM2Cache.Reference.self, from: "smollm2-reference.json")
    #expect(tokenizer.vocabularySize == reference.vocabularySize)
    #expect(tokenizer.preTokenization == .smolLM)
    #expect(tokenizer.beginningOfSequenceID == 1)
    #expect(tokenizer.endOfSequenceID == 2)
    #expect(tokenizer.tokens[1] == "<|im_start|>" && tokenizer.tokens[2] == "<|im_end|>")
    for testCase in reference.cases {
        #expect(tokenizer.encode(testCase.text) == testCase.ids, "\(testCase.text.debugDescription)")
        #expect(tokenizer.decode(testCase.ids) == testCase.decoded)
    }
    // Spot checks written out by hand, so a regenerated fixture cannot silently change them.
    #expect(tokenizer.encode("Hello world") == [19556, 905])
    #expect(tokenizer.encode("<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n")
        == [1, 4093, 198, 1780, 314, 216, 34, 27, 34, 47, 2, 198, 1, 520, 9531, 198])
}

@Test("SmolLM2's chat template renders and masks a conversation like the reference", .enabled(if: SmolLM2Cache.isCached, SmolLM2Cache.skipMessage))
func smolLM2ChatTemplate() throws {
    let file = try GGUFFile(path: try #require(SmolLM2Cache.modelURL).path)
    let tokenizer = try Tokenizer.fromGGUFMetadata(file.metadata)
    let template = try ChatTemplate.fromGGUFMetadata(file.metadata)
    #expect(template.defaultSystemPrompt == "You are a helpful AI assistant named SmolLM, trained by Hugging Face")
    let reference = try TokenizerFixtures.decode(SmolLM2Cache.Reference.self, from: "smollm2-reference.json")
    #expect(template.render(reference.chat.messages) == reference.chat.rendered)
    let encoded = template.encode(reference.chat.messages, with: tokenizer)
    #expect(encoded.tokenIDs == reference.chat.ids)
    #expect(encoded.lossMask == reference.chat.lossMask.map { $0 != 0 })
}

@Test("A missing model names the setup script; a model of the wrong size is refused")
func modelStoreErrors() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sal-model-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = ModelStore(environment: ["SAL_MODEL_DIR": directory.path, "HOME": "/nonexistent"])
    let expectedPath = directory.appendingPathComponent("SmolLM2-135M-Instruct.Q4_1.gguf").path
    #expect(store.url(of: .smolLM2_135MInstruct).path == expectedPath)
    do {
        _ = try store.locate()
        Issue.record("locate succeeded on an empty cache")
    } catch let error as ModelStoreError {
        #expect(error == .missing(model: "SmolLM2-135M-Instruct", path: expectedPath))
        #expect(error.description.contains("Scripts/setup.sh"))
    }
    try Data("short".utf8).write(to: URL(fileURLWithPath: expectedPath))
    #expect(throws: ModelStoreError.wrongSize(model: "SmolLM2-135M-Instruct", path: expectedPath, expected: 98_362_432, found: 5)) {
        try store.locate()
    }
    #expect(ModelStore(environment: ["HOME": "/home/someone"]).directory.path == "/home/someone/.cache/sal/models")
}
