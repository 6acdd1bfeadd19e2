import Foundation
import LinearAlgebra
import Testing
@testable import Training

@Test("AdamW follows PyTorch's update rule, weight decay and bias correction included")
func adamWMatchesHandComputation() {
    let parameters = Tensor(shape: [3], values: [0.5, -1, 2])
    let optimizer = AdamW(parameterCount: 3, beta1: 0.9, beta2: 0.99, epsilon: 1e-8, weightDecay: 0.1)
    var expected: [Double] = [0.5, -1, 2]
    var m = [0.0, 0, 0], v = [0.0, 0, 0]
    let gradientSteps: [[Double]] = [[0.1, -0.2, 0.3], [0.05, 0.4, -0.1], [-0.3, 0.0, 0.2]]
    for (index, gradient) in gradientSteps.enumerated() {
        let t = Double(index + 1), rate = 0.01
        optimizer.update(parameters: parameters, gradients: Tensor(shape: [3], values: gradient.map(Float.init)),
                         learningRate: Float(rate))
        for i in 0..<3 {
            expected[i] *= 1 - rate * 0.1
            m[i] = 0.9 * m[i] + 0.1 * gradient[i]
            v[i] = 0.99 * v[i] + 0.01 * gradient[i] * gradient[i]
            let denominator = (v[i] / (1 - pow(0.99, t))).squareRoot() + 1e-8
            expected[i] -= rate / (1 - pow(0.9, t)) * m[i] / denominator
        }
    }
    for i in 0..<3 { #expect(abs(Double(parameters[i]) - expected[i]) < 1e-6) }
    #expect(optimizer.stepCount == 3)
}

@Test("warm-up then cosine or linear decay follow Hugging Face's schedules")
func learningRateSchedules() {
    let cosine = LearningRateSchedule(peak: 1, warmupSteps: 4, totalSteps: 14, decay: .cosine)
    #expect(cosine.rate(at: 0) == 0)
    #expect(cosine.rate(at: 2) == 0.5)
    #expect(cosine.rate(at: 4) == 1)
    #expect(abs(cosine.rate(at: 9) - 0.5) < 1e-6)
    #expect(cosine.rate(at: 14) < 1e-6)
    let linear = LearningRateSchedule(peak: 2, warmupSteps: 0, totalSteps: 10, decay: .linear)
    #expect(linear.rate(at: 0) == 2)
    #expect(abs(linear.rate(at: 5) - 1) < 1e-6)
    #expect(linear.rate(at: 12) == 0)
    #expect(LearningRateSchedule(peak: 3, totalSteps: 5, decay: .constant).rate(at: 4) == 3)
}

@Test("clipping scales gradients to the maximum global norm and leaves small ones alone")
func gradientClipping() {
    let large = Tensor(shape: [2], values: [3, 4])
    #expect(abs(clipGradients(large, maximumNorm: 1) - 5) < 1e-9)
    #expect(abs(globalNorm(large) - 1) < 1e-5)
    let small = Tensor(shape: [2], values: [0.3, 0.4])
    clipGradients(small, maximumNorm: 1)
    #expect(small.toArray() == [0.3, 0.4])
}
