/// Candidates' answers grouped by equivalence, in order of first appearance.
///
/// A candidate joins the first existing group whose first answer is equivalent to its own, else starts
/// a new group. The trap: tolerance is not transitive (1.0, 1.0009, 1.0018), so grouping depends on
/// order; first appearance keeps it deterministic and is what the GSM8K reference figures used.
public struct AnswerTally: Sendable {
    public struct Group: Sendable {
        /// The first answer of the group; the group's answer.
        public var answer: NormalizedAnswer
        /// Positions (in the candidate list) of the members, ascending.
        public var members: [Int]
        public var votes: Int { members.count }
    }

    public private(set) var groups: [Group] = []
    /// For each candidate position, the index of its group, or nil when it abstained.
    public private(set) var groupOfCandidate: [Int?] = []

    public init(ballots: [Ballot], normalizer: AnswerNormalizer) {
        for (position, ballot) in ballots.enumerated() {
            guard let answer = ballot.answer else {
                groupOfCandidate.append(nil)
                continue
            }
            if let index = groups.firstIndex(where: { normalizer.equivalent($0.answer, answer) }) {
                groups[index].members.append(position)
                groupOfCandidate.append(index)
            } else {
                groups.append(Group(answer: answer, members: [position]))
                groupOfCandidate.append(groups.count - 1)
            }
        }
    }
}

/// The vote of one question: the majority answer and its share over all candidates.
///
/// The share divides by every candidate, abstentions included, so a question where most programs
/// fail cannot reach a high share. Ties go to the group that appeared first.
public struct QuestionVote: Sendable {
    public let tally: AnswerTally
    public let candidateCount: Int
    /// Index into `tally.groups` of the winner, nil when every candidate abstained.
    public let winner: Int?

    public init(ballots: [Ballot], normalizer: AnswerNormalizer) {
        tally = AnswerTally(ballots: ballots, normalizer: normalizer)
        candidateCount = ballots.count
        var best: Int? = nil
        for (index, group) in tally.groups.enumerated() where best == nil || group.votes > tally.groups[best!].votes {
            best = index
        }
        winner = best
    }

    public var majority: NormalizedAnswer? { winner.map { tally.groups[$0].answer } }
    public var majorityVotes: Int { winner.map { tally.groups[$0].votes } ?? 0 }
    public var votingCount: Int { tally.groupOfCandidate.compactMap { $0 }.count }

    /// Majority votes over all candidates (0 when there are none).
    public var share: Double { candidateCount == 0 ? 0 : Double(majorityVotes) / Double(candidateCount) }

    /// Whether another group has as many votes as the winner.
    public var isTie: Bool {
        guard let winner else { return false }
        return tally.groups.indices.contains { $0 != winner && tally.groups[$0].votes == tally.groups[winner].votes }
    }

    /// True when the candidate voted with the majority, false when it voted otherwise, nil when it abstained.
    public func agreesWithMajority(_ position: Int) -> Bool? {
        guard let group = tally.groupOfCandidate[position] else { return nil }
        return group == winner
    }
}
