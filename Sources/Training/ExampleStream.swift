import LinearAlgebra
import Model

/// Turns tokenized examples into `TokenBatch`es in a seeded, per-epoch shuffled order.
/// Padding puts one example per row; packing fills each row with whole examples, restarting positions
/// and blocking attention across example boundaries. Examples longer than T keep their first T tokens;
/// examples with nothing to supervise are skipped. The cursor (epoch, offset) is all the state there is,
/// so a checkpoint resumes the exact same batches.
public struct ExampleStream: Sendable {
    public let examples: [TrainingExample]
    public let seed: UInt64
    public private(set) var epoch: Int = 0
    public private(set) var offset: Int = 0
    private var order: [Int]

    public init(examples: [TrainingExample], seed: UInt64, sequenceLength: Int) throws {
        let usable = examples.map { example -> TrainingExample in
            guard example.tokens.count > sequenceLength else { return example }
            return TrainingExample(tokens: Array(example.tokens.prefix(sequenceLength)),
                                   lossMask: Array(example.lossMask.prefix(sequenceLength)))
        }.filter { $0.supervisedCount > 0 }
        guard !usable.isEmpty else { throw TrainingError.noSupervisedTokens }
        self.examples = usable
        self.seed = seed
        order = Self.shuffledOrder(count: usable.count, seed: seed, epoch: 0)
    }

    /// Moves the cursor to a saved position.
    public mutating func seek(epoch: Int, offset: Int) {
        precondition(epoch >= 0 && offset >= 0 && offset <= examples.count, "bad stream position")
        self.epoch = epoch
        self.offset = offset
        order = Self.shuffledOrder(count: examples.count, seed: seed, epoch: epoch)
    }

    /// The next batch of `rowCount` × `sequenceLength` tokens.
    public mutating func nextBatch(rowCount: Int, sequenceLength: Int, packing: Bool,
                                   paddingToken: Int32) -> TokenBatch {
        var batch = TokenBatch(rowCount: rowCount, sequenceLength: sequenceLength, paddingToken: paddingToken)
        for row in 0..<rowCount {
            var used = 0
            while true {
                let example = peek()
                guard used == 0 || (packing && used + example.tokens.count <= sequenceLength) else { break }
                place(example, in: &batch, row: row, at: used)
                used += example.tokens.count
                advance()
                if !packing { break }
            }
            batch.rowLengths[row] = used
            let padStart = row * sequenceLength + used
            for index in padStart..<((row + 1) * sequenceLength) { batch.keyStarts[index] = Int32(used) }
        }
        return batch
    }

    private func peek() -> TrainingExample { examples[order[offset]] }

    private mutating func advance() {
        offset += 1
        if offset == examples.count { seek(epoch: epoch + 1, offset: 0) }
    }

    private func place(_ example: TrainingExample, in batch: inout TokenBatch, row: Int, at start: Int) {
        let base = row * batch.sequenceLength + start
        let length = example.tokens.count
        for index in 0..<length {
            batch.tokens[base + index] = example.tokens[index]
            batch.positions[base + index] = Int32(index)
            batch.keyStarts[base + index] = Int32(start)
            let predictsNext = index + 1 < length && example.lossMask[index + 1]
            batch.targets[base + index] = predictsNext ? example.tokens[index + 1] : -1
        }
    }

    private static func shuffledOrder(count: Int, seed: UInt64, epoch: Int) -> [Int] {
        var generator = SeededGenerator(seed: mixBits(seed ^ (UInt64(epoch) &* 0xA24B_AED4_963E_E407)))
        var order = Array(0..<count)
        for index in stride(from: count - 1, to: 0, by: -1) {
            let other = Int(generator.next() % UInt64(index + 1))
            order.swapAt(index, other)
        }
        return order
    }
}
