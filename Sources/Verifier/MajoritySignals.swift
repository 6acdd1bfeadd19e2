import Oracle
import ProgramOutcome

/// What else is known about a question's majority beyond its share: how varied the agreeing programs
/// are and how many candidates failed.
///
/// Agreement among programs that share a writer or a template is weaker evidence than agreement among
/// independent ones. `sources` counts the distinct values of a metadata field (the writing model, by
/// default) among the agreeing candidates; `structures` counts their distinct structural signatures.
/// The trap: a question whose candidates carry no such field has one source, so coverage is 1 there and
/// the source condition of a rule never rejects it.
public struct MajoritySignals: Sendable, Equatable {
    /// Majority votes over all candidates (as `QuestionVote.share`).
    public var share: Double
    /// Candidates that abstained (errors, limits, oracle misses, no answer), over all candidates.
    public var failureShare: Double
    /// The second-largest answer group's votes over all candidates (0 when there is none).
    public var runnerUpShare: Double
    /// Distinct structural signatures among agreeing candidates (exact program text where none parsed).
    public var structures: Int
    /// Distinct source values among agreeing candidates.
    public var sources: Int
    /// Distinct source values among all candidates of the question.
    public var sourcesOverall: Int
    /// The largest behaviour cluster's agreeing members over all agreeing probed candidates: 1 when every
    /// agreeing program behaves alike under perturbed numbers (or none was probed), lower when the
    /// agreement splits into programs that compute different things.
    public var behaviourAgreement: Double

    public init(share: Double, failureShare: Double, runnerUpShare: Double, structures: Int, sources: Int,
                sourcesOverall: Int, behaviourAgreement: Double = 1) {
        self.share = share
        self.failureShare = failureShare
        self.runnerUpShare = runnerUpShare
        self.structures = structures
        self.sources = sources
        self.sourcesOverall = sourcesOverall
        self.behaviourAgreement = behaviourAgreement
    }

    /// Agreeing sources over all sources of the question (0 without a majority).
    public var sourceCoverage: Double { sourcesOverall == 0 ? 0 : Double(sources) / Double(sourcesOverall) }

    /// The signals of one question. `structure[i]` names candidate i's structure, `source[i]` its source.
    public init(vote: QuestionVote, ballots: [Ballot], structure: [String], source: [String],
                behaviourAgreement: Double = 1) {
        precondition(ballots.count == structure.count && ballots.count == source.count, "one entry per candidate")
        let count = max(1, ballots.count)
        let agreeing = ballots.indices.filter { vote.agreesWithMajority($0) == true }
        let abstaining = ballots.filter { $0.answer == nil }.count
        let runnerUp = vote.tally.groups.indices.filter { $0 != vote.winner }.map { vote.tally.groups[$0].votes }.max() ?? 0
        self.init(share: vote.share, failureShare: Double(abstaining) / Double(count),
                  runnerUpShare: Double(runnerUp) / Double(count),
                  structures: Set(agreeing.map { structure[$0] }).count,
                  sources: Set(agreeing.map { source[$0] }).count,
                  sourcesOverall: Set(source).count, behaviourAgreement: behaviourAgreement)
    }

    /// The candidate's value of `field` in its metadata, as text ("" when absent).
    public static func source(of candidate: CandidateInput, field: String) -> String {
        switch candidate.metadata.member(field) {
        case .string(let text)?: text
        case nil, .null?: ""
        case let other?: other.serialized
        }
    }
}
