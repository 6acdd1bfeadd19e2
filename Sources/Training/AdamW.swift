import Foundation
import LinearAlgebra

/// AdamW with decoupled weight decay and bias correction, step for step like PyTorch's `AdamW`:
/// p ← p − lr·λ·p; m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; p ← p − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε).
public final class AdamW {
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    public let weightDecay: Float
    /// First and second moment estimates, laid out like the parameters.
    public let firstMoment: Tensor
    public let secondMoment: Tensor
    /// Updates taken so far (t in the bias correction).
    public internal(set) var stepCount: Int = 0

    public init(parameterCount: Int, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
                weightDecay: Float = 0) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        firstMoment = Tensor(shape: [parameterCount])
        secondMoment = Tensor(shape: [parameterCount])
    }

    /// One update of `parameters` from `gradients` at `learningRate`.
    public func update(parameters: Tensor, gradients: Tensor, learningRate: Float) {
        precondition(parameters.count == firstMoment.count && gradients.count == firstMoment.count,
                     "optimizer state does not match the parameters")
        stepCount += 1
        let correction1 = 1 - powf(beta1, Float(stepCount))
        let correction2Root = (1 - powf(beta2, Float(stepCount))).squareRoot()
        let stepSize = learningRate / correction1
        let decay = 1 - learningRate * weightDecay
        let p = parameters.data, g = gradients.data, m = firstMoment.data, v = secondMoment.data
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        for index in 0..<parameters.count {
            let gradient = g[index]
            p[index] *= decay
            m[index] = b1 * m[index] + (1 - b1) * gradient
            v[index] = b2 * v[index] + (1 - b2) * gradient * gradient
            p[index] -= stepSize * m[index] / (v[index].squareRoot() / correction2Root + eps)
        }
    }
}
