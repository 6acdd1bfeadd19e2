/// B rows of T tokens ready for the batched forward pass, flattened row-major to N = B·T entries.
/// Padding and packing are both expressed here: `positions` restart per packed example and
/// `keyStarts` keep a token from attending to earlier examples in its row; `targets` is the next
/// token to predict, or -1 where no loss is taken (prompts, padding, the last token of an example).
public struct TokenBatch: Sendable, Equatable {
    public let rowCount: Int
    public let sequenceLength: Int
    public var tokens: [Int32]
    public var positions: [Int32]
    /// For each token, the index within its row of the first token it may attend to.
    public var keyStarts: [Int32]
    public var targets: [Int32]
    /// Tokens per row that are not padding (padding follows them); T when unknown.
    public var rowLengths: [Int]

    /// An all-padding batch (token 0, no targets) to fill in.
    public init(rowCount: Int, sequenceLength: Int, paddingToken: Int32 = 0) {
        precondition(rowCount > 0 && sequenceLength > 0, "empty batch")
        self.rowCount = rowCount
        self.sequenceLength = sequenceLength
        let count = rowCount * sequenceLength
        tokens = [Int32](repeating: paddingToken, count: count)
        positions = (0..<count).map { Int32($0 % sequenceLength) }
        keyStarts = [Int32](repeating: 0, count: count)
        targets = [Int32](repeating: -1, count: count)
        rowLengths = [Int](repeating: sequenceLength, count: rowCount)
    }

    /// N = B·T.
    public var tokenCount: Int { rowCount * sequenceLength }

    /// The number of tokens that are not padding.
    public var realTokenCount: Int { rowLengths.reduce(0, +) }

    /// The number of positions that contribute to the loss.
    public var supervisedCount: Int { targets.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }

    /// The batch made of rows `range` of this one, every per-token array sliced alike
    /// (a data-parallel worker's share; the rows are independent sequences).
    public func rows(_ range: Range<Int>) -> TokenBatch {
        precondition(!range.isEmpty && range.lowerBound >= 0 && range.upperBound <= rowCount, "rows outside the batch")
        var part = TokenBatch(rowCount: range.count, sequenceLength: sequenceLength)
        let tokenRange = (range.lowerBound * sequenceLength)..<(range.upperBound * sequenceLength)
        part.tokens = Array(tokens[tokenRange])
        part.positions = Array(positions[tokenRange])
        part.keyStarts = Array(keyStarts[tokenRange])
        part.targets = Array(targets[tokenRange])
        part.rowLengths = Array(rowLengths[range])
        return part
    }
}
