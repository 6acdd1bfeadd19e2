/// A conversation as token ids, with the tokens a fine-tune learns from marked.
public struct EncodedChat: Sendable, Hashable {
    public var tokenIDs: [Int32]
    /// `lossMask[i]` is true when token i is a training target (predicted from the tokens before it):
    /// the tokens of assistant contents and their closing `<|im_end|>`.
    public var lossMask: [Bool]
}

extension ChatTemplate {
    /// Renders and tokenizes the whole text at once (ids equal `tokenizer.encode(render(...))`), then marks
    /// every token overlapping an assistant content or its `<|im_end|>`. The trap: a token straddling the
    /// "assistant\n" header and the content (content starting with newlines) is marked, as Hugging Face does.
    /// Special-token text inside contents becomes special tokens, as it would at inference time.
    public func encode(_ messages: [ChatMessage], with tokenizer: Tokenizer, addGenerationPrompt: Bool = false) -> EncodedChat {
        let (text, learnedRanges) = rendering(of: messages, addGenerationPrompt: addGenerationPrompt)
        let tokenized = tokenizer.encodeWithOffsets(text)
        var lossMask = [Bool](repeating: false, count: tokenized.ids.count)
        var rangeIndex = 0
        for (tokenIndex, tokenRange) in tokenized.utf8Ranges.enumerated() {
            while rangeIndex < learnedRanges.count && learnedRanges[rangeIndex].upperBound <= tokenRange.lowerBound {
                rangeIndex += 1
            }
            guard rangeIndex < learnedRanges.count else { break }
            lossMask[tokenIndex] = tokenRange.overlaps(learnedRanges[rangeIndex])
        }
        return EncodedChat(tokenIDs: tokenized.ids, lossMask: lossMask)
    }
}
