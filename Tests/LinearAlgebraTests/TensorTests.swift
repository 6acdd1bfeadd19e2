import Testing
@testable import LinearAlgebra

@Test("a tensor stores row-major values and copies independently")
func tensorStorage() {
    let tensor = Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
    #expect(tensor.count == 6)
    #expect(tensor.rowCount == 2 && tensor.columnCount == 3)
    #expect(tensor[1, 0] == 4)
    #expect(tensor.row(1)[2] == 6)
    let copy = tensor.copy()
    copy[0] = 10
    #expect(tensor[0] == 1)
    #expect(Int(bitPattern: tensor.data) % 64 == 0)
    tensor.fill(7)
    #expect(tensor.toArray() == Array(repeating: 7, count: 6))
    #expect(Tensor(shape: [4]).rowCount == 1)
    #expect(Tensor(shape: [0, 3]).count == 0)
}

@Test("a seeded generator replays its stream from a seed or from saved state")
func seededGeneratorReplays() {
    var first = SeededGenerator(seed: 42)
    var second = SeededGenerator(seed: 42)
    for _ in 0..<10 { #expect(first.next() == second.next()) }
    var resumed = SeededGenerator(state: first.state)
    for _ in 0..<10 { #expect(first.next() == resumed.next()) }
    #expect(SeededGenerator(seed: 1).state != SeededGenerator(seed: 2).state)

    var generator = SeededGenerator(seed: 7)
    var sum: Float = 0, sumOfSquares: Float = 0
    let draws = 20_000
    for _ in 0..<draws {
        let uniform = generator.nextUnitFloat()
        #expect(uniform >= 0 && uniform < 1)
        let normal = generator.nextNormal()
        sum += normal; sumOfSquares += normal * normal
    }
    #expect(abs(sum / Float(draws)) < 0.05)
    #expect(abs(sumOfSquares / Float(draws) - 1) < 0.05)
}
