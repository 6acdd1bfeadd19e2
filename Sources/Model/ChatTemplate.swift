/// One turn of a conversation. `role` is free text ("system", "user", "assistant" in practice);
/// only "assistant" turns are learned from by `ChatTemplate.encode`.
public struct ChatMessage: Sendable, Hashable, Codable {
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }

    public static func system(_ content: String) -> ChatMessage { ChatMessage(role: "system", content: content) }
    public static func user(_ content: String) -> ChatMessage { ChatMessage(role: "user", content: content) }
    public static func assistant(_ content: String) -> ChatMessage { ChatMessage(role: "assistant", content: content) }
}

/// How a model wants conversations laid out as text. sal renders the ChatML family only:
/// `<|im_start|>{role}\n{content}<|im_end|>\n` per message, `<|im_start|>assistant\n` as the generation
/// prompt, and optionally a default system message put first when the conversation has none (SmolLM2, Qwen2).
/// `init(jinjaSource:)` recognises such templates; anything else is refused rather than guessed at.
public struct ChatTemplate: Sendable, Hashable {
    /// The system message inserted before the first message when that one is not a system message.
    public var defaultSystemPrompt: String?

    public init(defaultSystemPrompt: String? = nil) {
        self.defaultSystemPrompt = defaultSystemPrompt
    }

    public static let startToken = "<|im_start|>"
    public static let endToken = "<|im_end|>"

    /// The conversation as the template lays it out; with `addGenerationPrompt`, ends with the opening of
    /// an assistant turn for the model to complete. Equal to what the model's Jinja template renders.
    public func render(_ messages: [ChatMessage], addGenerationPrompt: Bool = false) -> String {
        rendering(of: messages, addGenerationPrompt: addGenerationPrompt).text
    }

    /// The rendered text plus the UTF-8 range of each assistant message's content and its closing
    /// `<|im_end|>` (not the newline after it): the part a fine-tune learns from.
    func rendering(of messages: [ChatMessage], addGenerationPrompt: Bool) -> (text: String, learnedRanges: [Range<Int>]) {
        var text = ""
        var learnedRanges: [Range<Int>] = []
        for (index, message) in messages.enumerated() {
            if index == 0, message.role != "system", let defaultSystemPrompt {
                text += Self.startToken + "system\n" + defaultSystemPrompt + Self.endToken + "\n"
            }
            text += Self.startToken + message.role + "\n"
            let contentStart = text.utf8.count
            text += message.content + Self.endToken
            if message.role == "assistant" { learnedRanges.append(contentStart..<text.utf8.count) }
            text += "\n"
        }
        if addGenerationPrompt { text += Self.startToken + "assistant\n" }
        return (text, learnedRanges)
    }
}

/// Why a chat template was refused.
public enum ChatTemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template is not in the ChatML family sal renders; the reason names the first difference.
    case unsupported(reason: String)
    /// The model file carries no chat template at all.
    case missing

    public var description: String {
        switch self {
        case .unsupported(let reason):
            "unsupported chat template (\(reason)); sal renders ChatML templates only: "
                + "<|im_start|>role\\ncontent<|im_end|>\\n per message, an optional default system prompt, "
                + "and <|im_start|>assistant\\n as the generation prompt (as in SmolLM2 and Qwen2)"
        case .missing:
            "the model carries no chat template (tokenizer.chat_template)"
        }
    }
}
