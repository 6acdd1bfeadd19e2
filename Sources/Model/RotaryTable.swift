import Foundation

/// cos/sin of every (position, frequency) pair for rotary embeddings, computed in Float32 the way
/// Hugging Face does (inverse frequencies theta^(-2i/D), angle = position · frequency), so logits
/// match PyTorch closely even at long positions.
public final class RotaryTable {
    public let headDimension: Int
    public let positionCount: Int
    /// [positions, D/2]
    let cosines: UnsafeMutablePointer<Float>
    /// [positions, D/2]
    let sines: UnsafeMutablePointer<Float>

    public init(headDimension: Int, positionCount: Int, theta: Float) {
        precondition(headDimension % 2 == 0 && positionCount > 0, "bad rotary table shape")
        self.headDimension = headDimension
        self.positionCount = positionCount
        let half = headDimension / 2
        cosines = .allocate(capacity: positionCount * half)
        sines = .allocate(capacity: positionCount * half)
        var inverseFrequencies = [Float](repeating: 0, count: half)
        for i in 0..<half {
            inverseFrequencies[i] = 1 / powf(theta, Float(2 * i) / Float(headDimension))
        }
        for position in 0..<positionCount {
            for i in 0..<half {
                let angle = Float(position) * inverseFrequencies[i]
                cosines[position * half + i] = cosf(angle)
                sines[position * half + i] = sinf(angle)
            }
        }
    }

    deinit {
        cosines.deallocate()
        sines.deallocate()
    }
}
