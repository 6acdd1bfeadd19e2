import Foundation
import Testing
@testable import LinearAlgebra

@Test("vector exp is within a few ulp of the library exp across the softmax range")
func vectorExpMatchesLibrary() {
    var inputs: [Float] = []
    var value: Float = -87
    while value < 88 { inputs.append(value); value += 0.013 }
    inputs += [0, -0.0, 1e-8, -1e-8, 0.5, -0.5]
    var worst: Float = 0
    for start in stride(from: 0, to: inputs.count - 8, by: 8) {
        let lanes = VectorMath.exp(VectorMath.Vector(inputs[start..<(start + 8)]))
        for lane in 0..<8 {
            let expected = Foundation.exp(inputs[start + lane])
            worst = max(worst, abs(lanes[lane] - expected) / expected)
        }
    }
    #expect(worst < 4e-7)
    #expect(VectorMath.exp(VectorMath.Vector(repeating: -200))[0] < 1e-37)
}

@Test("vector softmax pieces and SwiGLU match scalar loops, tails included")
func vectorKernelsMatchScalar() {
    var generator = SeededGenerator(seed: 1)
    for count in [1, 7, 8, 9, 100] {
        let x = Tensor.normal(shape: [count], standardDeviation: 3, using: &generator)
        let up = Tensor.normal(shape: [count], standardDeviation: 1, using: &generator)
        let largest = VectorMath.maximum(x.data, count: count)
        #expect(largest == x.toArray().max()!)

        let exponentials = x.copy()
        let sum = VectorMath.exponentiate(exponentials.data, count: count, subtracting: largest)
        let expected = x.toArray().map { Foundation.exp($0 - largest) }
        #expect(abs(sum - expected.reduce(0, +)) < 1e-5 * Float(count))
        for index in 0..<count { #expect(abs(exponentials[index] - expected[index]) < 1e-6) }
        VectorMath.scale(exponentials.data, count: count, by: 2)
        #expect(abs(exponentials[0] - 2 * expected[0]) < 2e-6)

        let product = Tensor(shape: [count])
        VectorMath.siluProduct(gate: x.data, up: up.data, out: product.data, count: count)
        let dOut = Tensor.normal(shape: [count], standardDeviation: 1, using: &generator)
        let dGate = Tensor(shape: [count]), dUp = Tensor(shape: [count])
        VectorMath.siluProductBackward(outputGradient: dOut.data, gate: x.data, up: up.data,
                                       gateGradient: dGate.data, upGradient: dUp.data, count: count)
        for index in 0..<count {
            let g = Double(x[index]), u = Double(up[index])
            let silu = g / (1 + Foundation.exp(-g))
            #expect(abs(Double(product[index]) - silu * u) < 1e-5 * max(1, abs(silu * u)))
            let step = 1e-4
            let numeric = ((g + step) / (1 + Foundation.exp(-(g + step))) - (g - step) / (1 + Foundation.exp(-(g - step)))) / (2 * step)
            #expect(abs(Double(dGate[index]) - Double(dOut[index]) * u * numeric) < 1e-4 * max(1, abs(numeric * u)))
            #expect(abs(Double(dUp[index]) - Double(dOut[index]) * silu) < 1e-5 * max(1, abs(silu)))
        }
    }
}
