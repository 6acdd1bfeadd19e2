import Foundation
import LinearAlgebra

/// How the next token is chosen: temperature 0 is greedy (argmax); otherwise logits are divided by
/// the temperature, softmaxed, cut to the smallest set whose probability reaches `topP`, and sampled.
public struct SamplingSettings: Sendable, Equatable, Codable {
    public var temperature: Float
    public var topP: Float
    public var seed: UInt64

    public init(temperature: Float = 0, topP: Float = 1, seed: UInt64 = 0) {
        precondition(temperature >= 0 && topP > 0 && topP <= 1, "bad sampling settings")
        self.temperature = temperature
        self.topP = topP
        self.seed = seed
    }
}

/// Picks tokens from logits with a seeded generator, so a seed reproduces a generation exactly.
public struct Sampler: Sendable {
    public let settings: SamplingSettings
    public var generator: SeededGenerator

    public init(_ settings: SamplingSettings) {
        self.settings = settings
        generator = SeededGenerator(seed: settings.seed)
    }

    /// The next token for `count` logits.
    public mutating func sample(logits: UnsafePointer<Float>, count: Int) -> Int32 {
        precondition(count > 0, "no logits")
        if settings.temperature == 0 {
            var best = 0
            for index in 1..<count where logits[index] > logits[best] { best = index }
            return Int32(best)
        }
        var largest = -Float.infinity
        for index in 0..<count { largest = max(largest, logits[index]) }
        var weights = [Float](repeating: 0, count: count)
        var total: Double = 0
        for index in 0..<count {
            let weight = expf((logits[index] - largest) / settings.temperature)
            weights[index] = weight
            total += Double(weight)
        }
        var candidates = Array(0..<count)
        if settings.topP < 1 {
            candidates.sort { weights[$0] > weights[$1] || (weights[$0] == weights[$1] && $0 < $1) }
            var kept = 0
            var cumulative: Double = 0
            while kept < candidates.count {
                cumulative += Double(weights[candidates[kept]]) / total
                kept += 1
                if cumulative >= Double(settings.topP) { break }
            }
            candidates.removeSubrange(kept...)
        }
        let keptTotal = candidates.reduce(0.0) { $0 + Double(weights[$1]) }
        var draw = generator.nextUnitDouble() * keptTotal
        for candidate in candidates {
            draw -= Double(weights[candidate])
            if draw < 0 { return Int32(candidate) }
        }
        return Int32(candidates.last!)
    }
}
