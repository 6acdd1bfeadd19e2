import LinearAlgebra

/// The global L2 norm of a gradient vector, accumulated in Double.
public func globalNorm(_ gradients: Tensor) -> Double {
    var sum = 0.0
    for index in 0..<gradients.count {
        let value = Double(gradients.data[index])
        sum += value * value
    }
    return sum.squareRoot()
}

/// Scales gradients so their global norm is at most `maximum` (PyTorch's clip_grad_norm_ rule:
/// factor maximum / (norm + 1e-6), applied only when below 1). Returns the norm before clipping.
@discardableResult
public func clipGradients(_ gradients: Tensor, maximumNorm maximum: Float) -> Double {
    let norm = globalNorm(gradients)
    let factor = Double(maximum) / (norm + 1e-6)
    if factor < 1 { BLAS.sscal(count: gradients.count, alpha: Float(factor), x: gradients.data) }
    return norm
}
