import Testing
@testable import Model
@testable import Training

private let first = TrainingExample(tokens: [1, 2, 3, 4], lossMask: [false, false, true, true])
private let second = TrainingExample(tokens: [5, 6, 7], lossMask: [false, true, true])
private let unsupervised = TrainingExample(tokens: [8, 9], lossMask: [false, false])

@Test("padding puts one example per row with targets only on supervised next tokens")
func paddingLayout() throws {
    var stream = try ExampleStream(examples: [first, unsupervised], seed: 1, sequenceLength: 6)
    #expect(stream.examples == [first])
    let batch = stream.nextBatch(rowCount: 2, sequenceLength: 6, packing: false, paddingToken: 0)
    #expect(batch.tokens == [1, 2, 3, 4, 0, 0, 1, 2, 3, 4, 0, 0])
    #expect(batch.targets == [-1, 3, 4, -1, -1, -1, -1, 3, 4, -1, -1, -1])
    #expect(batch.positions.prefix(4) == [0, 1, 2, 3])
    #expect(batch.keyStarts.prefix(6) == [0, 0, 0, 0, 4, 4])
    #expect(batch.rowLengths == [4, 4])
    #expect(batch.supervisedCount == 4 && batch.realTokenCount == 8)
    #expect(stream.epoch == 2)
}

@Test("packing fills rows with whole examples, restarting positions and attention at each")
func packingLayout() throws {
    var stream = try ExampleStream(examples: [first, second], seed: 1, sequenceLength: 8)
    let batch = stream.nextBatch(rowCount: 1, sequenceLength: 8, packing: true, paddingToken: 0)
    let (a, b) = batch.tokens[0] == first.tokens[0] ? (first, second) : (second, first)
    #expect(Array(batch.tokens.prefix(7)) == (a.tokens + b.tokens))
    #expect(Array(batch.positions.prefix(7)) == (0..<a.tokens.count).map(Int32.init) + (0..<b.tokens.count).map(Int32.init))
    #expect(Array(batch.keyStarts.prefix(7)) == [Int32](repeating: 0, count: a.tokens.count)
        + [Int32](repeating: Int32(a.tokens.count), count: b.tokens.count))
    #expect(batch.rowLengths == [7])
    #expect(batch.supervisedCount == 4)
    #expect(batch.targets[a.tokens.count - 1] == -1, "no target across the example boundary")
}

@Test("long examples are truncated, order is seeded per epoch, and nothing supervised is an error")
func streamOrderAndErrors() throws {
    let long = TrainingExample(tokens: Array(1...10), lossMask: [Bool](repeating: true, count: 10))
    let stream = try ExampleStream(examples: [long], seed: 0, sequenceLength: 4)
    #expect(stream.examples[0].tokens == [1, 2, 3, 4])

    let many = (0..<20).map { TrainingExample(tokens: [Int32($0), 1], lossMask: [false, true]) }
    var a = try ExampleStream(examples: many, seed: 5, sequenceLength: 4)
    var b = try ExampleStream(examples: many, seed: 5, sequenceLength: 4)
    var c = try ExampleStream(examples: many, seed: 6, sequenceLength: 4)
    let take = { (stream: inout ExampleStream) in
        (0..<25).map { _ in stream.nextBatch(rowCount: 1, sequenceLength: 4, packing: false, paddingToken: 0).tokens[0] }
    }
    let orderA = take(&a), orderB = take(&b), orderC = take(&c)
    #expect(orderA == orderB)
    #expect(orderA != orderC)
    #expect(Set(orderA.prefix(20)).count == 20, "each epoch visits every example once")
    #expect(throws: TrainingError.noSupervisedTokens) {
        try ExampleStream(examples: [unsupervised], seed: 0, sequenceLength: 4)
    }
}
