import Testing
import ProgramOutcome
@testable import Verifier

@Suite struct VotingTests {
    let normalizer = AnswerNormalizer()

    func ballots(_ values: [Double?]) -> [Ballot] {
        values.map { $0.map { .answer(.number($0)) } ?? .abstain(.error) }
    }

    @Test func shareCountsAbstentionsInTheDenominator() {
        let vote = QuestionVote(ballots: ballots([5, 5, 5, nil, 6]), normalizer: normalizer)
        #expect(vote.majority == .number(5))
        #expect(vote.majorityVotes == 3 && vote.votingCount == 4 && vote.candidateCount == 5)
        #expect(vote.share == 0.6)
        #expect(vote.agreesWithMajority(0) == true && vote.agreesWithMajority(3) == nil && vote.agreesWithMajority(4) == false)
    }

    @Test func groupsFollowFirstAppearanceAndTiesGoToTheEarliest() {
        let vote = QuestionVote(ballots: ballots([7, 3, 3.0004, 7.0002]), normalizer: normalizer)
        #expect(vote.tally.groups.map(\.votes) == [2, 2])
        #expect(vote.majority == .number(7) && vote.isTie)
        let chained = QuestionVote(ballots: ballots([1.0, 1.0009, 1.0018]), normalizer: normalizer)
        #expect(chained.tally.groups.map(\.votes) == [2, 1], "tolerance does not chain")
    }

    @Test func everyoneAbstainingHasNoMajority() {
        let vote = QuestionVote(ballots: ballots([nil, nil]), normalizer: normalizer)
        #expect(vote.majority == nil && vote.share == 0)
        let decision = VoteRule.plurality.decide(vote, chainOfThought: nil, gold: nil, normalizer: normalizer)
        #expect(!decision.kept && decision.reason == "no answer: every candidate abstained")
    }

    @Test func nineOfTenRule() {
        let rule = VoteRule.nineOfTen
        let nine = QuestionVote(ballots: ballots(Array(repeating: 4, count: 9) + [nil]), normalizer: normalizer)
        let decision = rule.decide(nine, chainOfThought: nil, gold: .number(4), normalizer: normalizer)
        #expect(decision.kept && decision.goldMatches == true)
        #expect(decision.reason == "9 of 10 agree on 4 (share 0.90)")
        let eight = QuestionVote(ballots: ballots(Array(repeating: 4, count: 8) + [nil, 5]), normalizer: normalizer)
        #expect(rule.decide(eight, chainOfThought: nil, gold: nil, normalizer: normalizer).reason == "share 0.80 < 0.90")
        let small = QuestionVote(ballots: ballots([4, 4, 4]), normalizer: normalizer)
        #expect(rule.decide(small, chainOfThought: nil, gold: nil, normalizer: normalizer).reason == "3 votes < 9")
    }

    @Test func chainOfThoughtAndGoldOnlyFilterWhenAsked() {
        let vote = QuestionVote(ballots: ballots([4, 4, 4, 4]), normalizer: normalizer)
        let cot = QuestionVote(ballots: ballots([5, 5, 4]), normalizer: normalizer)
        var rule = VoteRule(minimumShare: 0.75)
        let plain = rule.decide(vote, chainOfThought: cot, gold: .number(5), normalizer: normalizer)
        #expect(plain.kept && plain.chainOfThoughtAgrees == false && plain.goldMatches == false)
        rule.requireChainOfThoughtAgreement = true
        #expect(rule.decide(vote, chainOfThought: cot, gold: nil, normalizer: normalizer).reason
            == "chain-of-thought majority 5 differs from 4")
        #expect(rule.decide(vote, chainOfThought: nil, gold: nil, normalizer: normalizer).reason == "no chain-of-thought answers")
        rule = VoteRule(minimumShare: 0.75, requireGoldMatch: true)
        #expect(rule.decide(vote, chainOfThought: nil, gold: .number(5), normalizer: normalizer).reason
            == "majority 4 differs from gold")
        #expect(rule.decide(vote, chainOfThought: nil, gold: .number(4), normalizer: normalizer).kept)
    }

    @Test func thresholdSweep() {
        let statistics = VoteStatistics(shares: [1.0, 0.9, 0.6, 0.3], goldMatches: [true, false, true, nil],
                                        thresholds: [0.5, 0.9])
        #expect(statistics.accuracy == 2.0 / 3.0)
        #expect(statistics.points[0] == ThresholdPoint(threshold: 0.5, kept: 3, yield: 0.75, correct: 2, precision: 2.0 / 3.0))
        #expect(statistics.points[1] == ThresholdPoint(threshold: 0.9, kept: 2, yield: 0.5, correct: 1, precision: 0.5))
        let noGold = VoteStatistics(shares: [1.0], goldMatches: [nil], thresholds: [0.5])
        #expect(noGold.accuracy == nil && noGold.points[0].precision == nil)
    }
}
