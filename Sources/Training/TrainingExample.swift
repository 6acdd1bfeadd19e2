/// One tokenized training example: the boundary between the tokenizer/chat template and training.
/// `lossMask[i]` is true when token i is to be predicted (an assistant token); the loss at
/// position i - 1 is then taken on token i. The chat-template renderer produces exactly this.
public struct TrainingExample: Sendable, Equatable, Codable {
    public var tokens: [Int32]
    public var lossMask: [Bool]

    public init(tokens: [Int32], lossMask: [Bool]) {
        precondition(tokens.count == lossMask.count, "\(tokens.count) tokens but \(lossMask.count) mask entries")
        self.tokens = tokens
        self.lossMask = lossMask
    }

    /// The number of tokens that contribute to the loss (a masked first token cannot).
    public var supervisedCount: Int { lossMask.dropFirst().filter { $0 }.count }
}
