import Foundation
import Testing
@testable import Model

/// Fixtures/tokenizer/chat-template.json: ChatML templates, conversations rendered by jinja2 with
/// Hugging Face's settings, and the ids and assistant masks `tokenizers` gives for them.
struct ChatTemplateFixture: Decodable {
    struct Template: Decodable {
        var source: String
        var defaultSystemPrompt: String?
    }
    struct Case: Decodable {
        var template: String
        var messages: [ChatMessage]
        var addGenerationPrompt: Bool
        var rendered: String
        var ids: [Int32]
        var lossMask: [Int]
    }
    var templates: [String: Template]
    var cases: [Case]

    static func load() throws -> ChatTemplateFixture {
        try TokenizerFixtures.decode(ChatTemplateFixture.self, from: "chat-template.json")
    }
}

@Test("ChatML templates are recognised with their default system prompts")
func chatTemplatesRecognised() throws {
    let fixture = try ChatTemplateFixture.load()
    #expect(fixture.templates.count == 3)
    for (name, template) in fixture.templates {
        let parsed = try ChatTemplate(jinjaSource: template.source)
        #expect(parsed.defaultSystemPrompt == template.defaultSystemPrompt, "\(name)")
    }
}

@Test("Rendering, ids and loss masks match jinja2 and tokenizers for every fixture conversation")
func chatTemplateParity() throws {
    let fixture = try ChatTemplateFixture.load()
    let tokenizer = try TokenizerFixtures.tokenizer("tiny-smollm")
    #expect(fixture.cases.count >= 40)
    for testCase in fixture.cases {
        let template = try ChatTemplate(jinjaSource: try #require(fixture.templates[testCase.template]).source)
        let label = "\(testCase.template) \(testCase.messages.map(\.role)) generation prompt: \(testCase.addGenerationPrompt)"
        #expect(template.render(testCase.messages, addGenerationPrompt: testCase.addGenerationPrompt) == testCase.rendered, "\(label)")
        let encoded = template.encode(testCase.messages, with: tokenizer, addGenerationPrompt: testCase.addGenerationPrompt)
        #expect(encoded.tokenIDs == testCase.ids, "\(label)")
        #expect(encoded.lossMask == testCase.lossMask.map { $0 != 0 }, "\(label)")
    }
}

@Test("The loss mask covers assistant text and its <|im_end|>, nothing else")
func lossMaskContents() throws {
    let tokenizer = try TokenizerFixtures.tokenizer("tiny-smollm")
    let template = ChatTemplate(defaultSystemPrompt: "Be brief.")
    let messages: [ChatMessage] = [.user("What is 6 times 7?"), .assistant("42"), .user("Thanks"), .assistant("You're welcome.")]
    let encoded = template.encode(messages, with: tokenizer)
    let learned = zip(encoded.tokenIDs, encoded.lossMask).filter(\.1).map(\.0)
    #expect(tokenizer.decode(learned) == "42<|im_end|>You're welcome.<|im_end|>")
    #expect(encoded.tokenIDs == tokenizer.encode(template.render(messages)))
    let prompt = template.encode([.user("Hi")], with: tokenizer, addGenerationPrompt: true)
    #expect(!prompt.lossMask.contains(true))
    #expect(tokenizer.decode(prompt.tokenIDs) == "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n")
}

@Test("Templates outside the ChatML family are refused with the reason", arguments: [
    // Llama 3 style headers.
    "{% for message in messages %}{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n' + message['content'] + '<|eot_id|>' }}{% endfor %}",
    // ChatML with an extra branch on the role.
    "{% for message in messages %}{% if message['role'] == 'user' %}{{ 'USER' }}{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}",
    // ChatML that trims the content.
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] | trim + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}",
    // Stray output text between messages.
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}---{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}",
    // No generation prompt.
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}",
])
func unsupportedTemplates(source: String) {
    #expect(throws: ChatTemplateError.self) { try ChatTemplate(jinjaSource: source) }
}

@Test("A refusal says what sal supports and where the template differs")
func unsupportedTemplateMessage() {
    do {
        _ = try ChatTemplate(jinjaSource: "{{ bos_token }}{% for message in messages %}{% endfor %}")
        Issue.record("an unrelated template was accepted")
    } catch {
        let message = "\(error)"
        #expect(message.contains("expected {% for message in messages %} but found {{"))
        #expect(message.contains("ChatML"))
    }
    #expect(throws: ChatTemplateError.missing) { try ChatTemplate.fromGGUFMetadata([:]) }
}
