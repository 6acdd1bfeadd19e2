import ProgramOutcome

/// When a question's majority is trusted enough to become supervision.
///
/// A question is kept when its majority share (over all candidates) is at least `minimumShare` and
/// the majority has at least `minimumVotes` votes; optionally the agreeing programs must come from enough
/// of the question's sources (`minimumSourceCoverage`) and have enough distinct structures
/// (`minimumStructures`), at most `maximumFailureShare` of the candidates may have failed, the majority
/// of the chain-of-thought answers must agree, and (only when asked: it uses the reference answer) the
/// gold answer must.
public struct VoteRule: Sendable, Equatable, CustomStringConvertible {
    public var minimumShare: Double
    public var minimumVotes: Int
    /// Agreeing sources over all sources of the question (see `MajoritySignals`); 0 ignores sources.
    public var minimumSourceCoverage: Double
    /// Distinct structures among the agreeing programs; 1 ignores structure.
    public var minimumStructures: Int
    /// Abstaining candidates over all candidates; 1 ignores failures.
    public var maximumFailureShare: Double
    /// The share of agreeing programs that behave alike under perturbed numbers (see `MajoritySignals`);
    /// 0 ignores behaviour.
    public var minimumBehaviourAgreement: Double
    public var requireChainOfThoughtAgreement: Bool
    public var requireGoldMatch: Bool

    public init(minimumShare: Double, minimumVotes: Int = 1, minimumSourceCoverage: Double = 0,
                minimumStructures: Int = 1, maximumFailureShare: Double = 1, minimumBehaviourAgreement: Double = 0,
                requireChainOfThoughtAgreement: Bool = false, requireGoldMatch: Bool = false) {
        self.minimumShare = minimumShare
        self.minimumVotes = minimumVotes
        self.minimumSourceCoverage = minimumSourceCoverage
        self.minimumStructures = minimumStructures
        self.maximumFailureShare = maximumFailureShare
        self.minimumBehaviourAgreement = minimumBehaviourAgreement
        self.requireChainOfThoughtAgreement = requireChainOfThoughtAgreement
        self.requireGoldMatch = requireGoldMatch
    }

    /// SAL's rule: keep a question when 9 of 10 programs agree (share ≥ 0.9, at least 9 votes).
    public static let nineOfTen = VoteRule(minimumShare: 0.9, minimumVotes: 9)
    /// Plain majority voting: any question with an answer is kept.
    public static let plurality = VoteRule(minimumShare: 0, minimumVotes: 1)
    /// Agreement that is broad as well as large: a majority of all candidates (share ≥ 0.5), written by
    /// at least 80% of the question's sources (5 of 6 models in the GSM8K set), in at least 2 distinct
    /// structures, with at most 30% of the candidates failing. Tuned on `gsm8k_votes_dev.jsonl` (the
    /// README gives the figures, a held-out check and which condition does the work).
    public static let diverse = VoteRule(minimumShare: 0.5, minimumVotes: 1, minimumSourceCoverage: 0.8,
                                         minimumStructures: 2, maximumFailureShare: 0.3)

    /// Shares are ratios of small integers; this slack makes 9/10 pass a 0.9 threshold whatever the rounding.
    static let shareSlack = 1e-9

    /// Whether the rule reads `MajoritySignals` (sources, structures or failures).
    public var usesSignals: Bool {
        minimumSourceCoverage > 0 || minimumStructures > 1 || maximumFailureShare < 1 || minimumBehaviourAgreement > 0
    }

    public var description: String {
        var parts = ["share ≥ \(Self.format(minimumShare))", "votes ≥ \(minimumVotes)"]
        if minimumSourceCoverage > 0 { parts.append("source coverage ≥ \(Self.format(minimumSourceCoverage))") }
        if minimumStructures > 1 { parts.append("structures ≥ \(minimumStructures)") }
        if maximumFailureShare < 1 { parts.append("failures ≤ \(Self.format(maximumFailureShare))") }
        if minimumBehaviourAgreement > 0 { parts.append("behaviour agreement ≥ \(Self.format(minimumBehaviourAgreement))") }
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
    /// The verdict on one question; `signals` are needed only when the rule `usesSignals` (without them
    /// such a rule keeps nothing).
    public func decide(_ vote: QuestionVote, chainOfThought: QuestionVote?, gold: NormalizedAnswer?,
                       normalizer: AnswerNormalizer, signals: MajoritySignals? = nil) -> QuestionDecision {
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
        if usesSignals {
            guard let signals else { return decision(false, "no majority signals") }
            if signals.sourceCoverage + Self.shareSlack < minimumSourceCoverage {
                return decision(false, "agreeing programs come from \(signals.sources) of \(signals.sourcesOverall) "
                                + "sources (< \(Self.format(minimumSourceCoverage)))")
            }
            if signals.structures < minimumStructures {
                return decision(false, "agreeing programs have \(signals.structures) structure"
                                + "\(signals.structures == 1 ? "" : "s") (< \(minimumStructures))")
            }
            if signals.failureShare > maximumFailureShare + Self.shareSlack {
                return decision(false, "failure share \(Self.format(signals.failureShare)) > "
                                + "\(Self.format(maximumFailureShare))")
            }
            if signals.behaviourAgreement + Self.shareSlack < minimumBehaviourAgreement {
                return decision(false, "behaviour agreement \(Self.format(signals.behaviourAgreement)) < "
                                + "\(Self.format(minimumBehaviourAgreement))")
            }
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
