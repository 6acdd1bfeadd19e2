/// How many questions a share threshold keeps, and how often their majority is right.
public struct ThresholdPoint: Sendable, Equatable {
    public var threshold: Double
    public var kept: Int
    /// Kept questions over all questions.
    public var yield: Double
    /// Kept questions whose majority equals the gold answer; nil without gold.
    public var correct: Int?
    /// `correct / kept`; nil without gold or when nothing is kept.
    public var precision: Double?
}

/// Accuracy of majority voting and the yield/precision trade-off over share thresholds.
///
/// Only the share threshold varies in the sweep (no minimum votes, no chain-of-thought rule), so the
/// figures describe the data, not one rule. Gold only measures here.
public struct VoteStatistics: Sendable, Equatable {
    public var questions: Int
    public var questionsWithGold: Int
    /// Questions whose majority equals gold (no majority counts as wrong).
    public var majorityCorrect: Int
    public var points: [ThresholdPoint]

    /// `majorityCorrect / questionsWithGold`, nil without gold.
    public var accuracy: Double? {
        questionsWithGold == 0 ? nil : Double(majorityCorrect) / Double(questionsWithGold)
    }

    public static let defaultThresholds: [Double] = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0]

    /// `shares[i]` is question i's majority share; `goldMatches[i]` whether its majority equals gold
    /// (nil without gold).
    public init(shares: [Double], goldMatches: [Bool?], thresholds: [Double] = defaultThresholds) {
        precondition(shares.count == goldMatches.count, "one gold verdict per question")
        questions = shares.count
        questionsWithGold = goldMatches.compactMap { $0 }.count
        majorityCorrect = goldMatches.filter { $0 == true }.count
        let hasGold = questionsWithGold > 0
        points = thresholds.map { threshold in
            let keptIndices = shares.indices.filter { shares[$0] + VoteRule.shareSlack >= threshold }
            let correct = keptIndices.filter { goldMatches[$0] == true }.count
            return ThresholdPoint(
                threshold: threshold, kept: keptIndices.count,
                yield: shares.isEmpty ? 0 : Double(keptIndices.count) / Double(shares.count),
                correct: hasGold ? correct : nil,
                precision: hasGold && !keptIndices.isEmpty ? Double(correct) / Double(keptIndices.count) : nil)
        }
    }
}
