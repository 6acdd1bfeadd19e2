import ProgramOutcome

/// When a question's majority is trusted enough to become supervision.
///
/// A question is kept when its majority share (over all candidates) is at least `minimumShare` and
/// the majority has at least `minimumVotes` votes; optionally the majority of the chain-of-thought
/// answers must agree, and optionally (only when asked: it uses the reference answer) the gold answer.
public struct VoteRule: Sendable, Equatable, CustomStringConvertible {
    public var minimumShare: Double
    public var minimumVotes: Int
    public var requireChainOfThoughtAgreement: Bool
    public var requireGoldMatch: Bool

    public init(minimumShare: Double, minimumVotes: Int = 1, requireChainOfThoughtAgreement: Bool = false,
                requireGoldMatch: Bool = false) {
        self.minimumShare = minimumShare
        self.minimumVotes = minimumVotes
        self.requireChainOfThoughtAgreement = requireChainOfThoughtAgreement
        self.requireGoldMatch = requireGoldMatch
    }

    /// SAL's rule: keep a question when 9 of 10 programs agree (share ≥ 0.9, at least 9 votes).
    public static let nineOfTen = VoteRule(minimumShare: 0.9, minimumVotes: 9)
    /// Plain majority voting: any question with an answer is kept.
    public static let plurality = VoteRule(minimumShare: 0, minimumVotes: 1)

    /// Shares are ratios of small integers; this slack makes 9/10 pass a 0.9 threshold whatever the rounding.
    static let shareSlack = 1e-9

    public var description: String {
        var parts = ["share ≥ \(Self.format(minimumShare))", "votes ≥ \(minimumVotes)"]
        if requireChainOfThoughtAgreement { parts.append("chain-of-thought majority agrees") }
        if requireGoldMatch { parts.append("matches gold") }
        return parts.joined(separator: ", ")
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(String(format2: hundredths % 100))"
    }
}

extension String {
    /// Two digits with a leading zero.
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : String(value)
    }
}

/// The verdict on one question, with the reason in words.
public struct QuestionDecision: Sendable, Equatable {
    public var kept: Bool
    public var reason: String
    /// Whether the chain-of-thought majority agrees with the program majority; nil without CoT answers.
    public var chainOfThoughtAgrees: Bool?
    /// Whether the program majority equals the gold answer; nil without gold.
    public var goldMatches: Bool?
}

extension VoteRule {
    public func decide(_ vote: QuestionVote, chainOfThought: QuestionVote?, gold: NormalizedAnswer?,
                       normalizer: AnswerNormalizer) -> QuestionDecision {
        let cotAgrees: Bool? = chainOfThought.flatMap { cot in
            guard let cotMajority = cot.majority, cot.candidateCount > 0 else { return nil }
            return vote.majority.map { normalizer.equivalent($0, cotMajority) } ?? false
        }
        let goldMatches: Bool? = gold.map { gold in vote.majority.map { normalizer.equivalent($0, gold) } ?? false }
        func decision(_ kept: Bool, _ reason: String) -> QuestionDecision {
            QuestionDecision(kept: kept, reason: reason, chainOfThoughtAgrees: cotAgrees, goldMatches: goldMatches)
        }
        guard let majority = vote.majority else { return decision(false, "no answer: every candidate abstained") }
        let share = VoteRule.format(vote.share)
        if vote.share + Self.shareSlack < minimumShare {
            return decision(false, "share \(share) < \(VoteRule.format(minimumShare))")
        }
        if vote.majorityVotes < minimumVotes {
            return decision(false, "\(vote.majorityVotes) votes < \(minimumVotes)")
        }
        if requireChainOfThoughtAgreement {
            guard let cotAgrees else { return decision(false, "no chain-of-thought answers") }
            if !cotAgrees {
                return decision(false, "chain-of-thought majority \(chainOfThought?.majority?.description ?? "-") "
                                + "differs from \(majority)")
            }
        }
        if requireGoldMatch {
            guard let goldMatches else { return decision(false, "no gold answer") }
            if !goldMatches { return decision(false, "majority \(majority) differs from gold") }
        }
        return decision(true, "\(vote.majorityVotes) of \(vote.candidateCount) agree on \(majority) (share \(share))")
    }
}

extension AnswerNormalizer {
    /// The normalized form of a JSON answer given in the input (gold, chain-of-thought answers);
    /// nil when it would abstain (null, NaN).
    public func normalize(json value: JSONValue) -> NormalizedAnswer? {
        ballot(for: Outcome(status: .ok, answer: value)).answer
    }
}
