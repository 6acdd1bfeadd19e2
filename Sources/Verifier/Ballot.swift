/// An answer reduced to what voting compares.
///
/// Numbers are compared with a tolerance (see `AnswerNormalizer.equivalent`), everything else exactly.
public enum NormalizedAnswer: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case bool(Bool)
    /// Lower-cased text without punctuation or a leading article.
    case text(String)
    /// A list, tuple, dict or unreadable value, by its JSON text or Python repr.
    case structured(String)

    /// The canonical text of the answer: integral numbers without a fraction, bools as Python prints them.
    public var description: String {
        switch self {
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            return value.description
        case .bool(let flag): return flag ? "True" : "False"
        case .text(let text): return text
        case .structured(let text): return text
        }
    }
}

/// Why a candidate does not vote. Errors, limits and missing answers never count as answers.
public enum AbstainReason: String, Sendable, Hashable, CaseIterable {
    /// A Python exception (including reading a missing answer variable).
    case error
    /// The program did not parse or used a rejected construct.
    case syntax
    /// A resource limit stopped it.
    case limit
    /// A helper call had no answer (`OracleMiss`).
    case oracleMiss = "oracle-miss"
    /// It ran, but its answer is `None`.
    case noAnswer = "no-answer"
    /// Its answer is NaN or an infinity.
    case nonFinite = "non-finite"
    /// It could not be run (e.g. its preamble is unknown).
    case notRun = "not-run"
}

/// What one candidate contributes to its question's vote.
public enum Ballot: Sendable, Hashable {
    case answer(NormalizedAnswer)
    case abstain(AbstainReason)

    public var answer: NormalizedAnswer? {
        if case .answer(let value) = self { return value }
        return nil
    }
}

/// One candidate as voting sees it: the abstraction both recorded results and sal's own runs feed.
public struct CandidateResult: Sendable, Hashable {
    public var candidateID: String
    public var ballot: Ballot

    public init(candidateID: String, ballot: Ballot) {
        self.candidateID = candidateID
        self.ballot = ballot
    }
}
