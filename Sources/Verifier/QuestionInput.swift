import Oracle
import ProgramOutcome

/// One question with every candidate program written for it, as read from the input.
public struct QuestionInput: Sendable, Equatable {
    public var id: String
    /// Position among the input's questions (order of first appearance); outputs follow it.
    public var index: Int
    public var question: String
    public var candidates: [CandidateInput]
    /// Answers of chain-of-thought samples for the same question, if the input has them.
    public var chainOfThoughtAnswers: [JSONValue]
    /// The reference answer, used to measure (and to filter only when the rule asks).
    public var gold: JSONValue?
    /// 1-based input line where the question first appeared.
    public var line: Int

    public init(id: String, index: Int, question: String, candidates: [CandidateInput],
                chainOfThoughtAnswers: [JSONValue] = [], gold: JSONValue? = nil, line: Int = 0) {
        self.id = id
        self.index = index
        self.question = question
        self.candidates = candidates
        self.chainOfThoughtAnswers = chainOfThoughtAnswers
        self.gold = gold
        self.line = line
    }
}

/// One candidate program and how to run it.
public struct CandidateInput: Sendable, Equatable {
    /// Unique within its question (`cid` in the GSM8K file, else `<question id>#<n>`).
    public var id: String
    public var program: String
    /// Name of the preamble (`fcot`, `pot`), when the input names one.
    public var preambleName: String?
    /// Text executed before the program in the same globals; empty when none, nil when the input named a
    /// preamble the catalog does not know (such a candidate cannot be run, only replayed).
    public var preamble: String?
    public var answerSpec: AnswerSpec
    /// Every other field of the input candidate (model, prompt style, ...), kept for the outputs.
    public var metadata: JSONValue
    /// What a reference run recorded for this candidate, when the input carries it.
    public var recorded: RecordedRun?

    public init(id: String, program: String, preambleName: String? = nil, preamble: String? = "",
                answerSpec: AnswerSpec = .auto, metadata: JSONValue = .object([]), recorded: RecordedRun? = nil) {
        self.id = id
        self.program = program
        self.preambleName = preambleName
        self.preamble = preamble
        self.answerSpec = answerSpec
        self.metadata = metadata
        self.recorded = recorded
    }
}

/// The result a reference run recorded in the input (the GSM8K file's CPython fields).
public struct RecordedRun: Sendable, Equatable {
    /// `repr()` of the answer (`cpython_result`), nil on error.
    public var resultRepr: String?
    /// `float(answer)` when finite and not a bool (`result_float`).
    public var resultFloat: Double?
    /// `"<Type>: <message>"` (`cpython_error`), nil when the program ran.
    public var error: String?

    public init(resultRepr: String?, resultFloat: Double?, error: String?) {
        self.resultRepr = resultRepr
        self.resultFloat = resultFloat
        self.error = error
    }
}

/// An input line (or one candidate in it) that could not be used; kept and reported, never dropped.
public struct InputProblem: Sendable, Equatable {
    /// 1-based line number.
    public var line: Int
    public var message: String
    /// The start of the offending line (at most 300 characters).
    public var excerpt: String

    public init(line: Int, message: String, excerpt: String) {
        self.line = line
        self.message = message
        self.excerpt = excerpt
    }
}

/// Everything read from one input file, with the text and catalog it was read from (a run store keeps
/// both, so its outputs can be rebuilt without the original files).
public struct VerifyInput: Sendable, Equatable {
    public var questions: [QuestionInput]
    public var problems: [InputProblem]
    /// A hash of the input text: a resumed run or a merge refuses stores made from other input.
    public var fingerprint: String
    public var text: String
    public var catalog: PreambleCatalog

    public init(questions: [QuestionInput], problems: [InputProblem], fingerprint: String, text: String,
                catalog: PreambleCatalog) {
        self.questions = questions
        self.problems = problems
        self.fingerprint = fingerprint
        self.text = text
        self.catalog = catalog
    }

    public var candidateCount: Int { questions.reduce(0) { $0 + $1.candidates.count } }
}
