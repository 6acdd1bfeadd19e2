import Foundation

/// The learning rate at each optimizer step, with Hugging Face's conventions: linear warm-up from 0
/// over `warmupSteps` (step 0 has rate 0 when warming up), then cosine or linear decay to 0 at
/// `totalSteps`, or constant.
public struct LearningRateSchedule: Sendable, Equatable, Codable {
    public enum Decay: String, Sendable, Equatable, Codable {
        case cosine, linear, constant
    }

    public var peak: Float
    public var warmupSteps: Int
    public var totalSteps: Int
    public var decay: Decay

    public init(peak: Float, warmupSteps: Int = 0, totalSteps: Int, decay: Decay = .cosine) {
        precondition(peak >= 0 && warmupSteps >= 0 && totalSteps > 0, "bad learning-rate schedule")
        self.peak = peak
        self.warmupSteps = warmupSteps
        self.totalSteps = totalSteps
        self.decay = decay
    }

    /// The rate for the update at (0-based) `step`.
    public func rate(at step: Int) -> Float {
        if step < warmupSteps { return peak * Float(step) / Float(max(1, warmupSteps)) }
        let progress = Double(step - warmupSteps) / Double(max(1, totalSteps - warmupSteps))
        switch decay {
        case .constant: return peak
        case .linear: return peak * Float(max(0, 1 - progress))
        case .cosine: return peak * Float(max(0, 0.5 * (1 + cos(Double.pi * progress))))
        }
    }
}
