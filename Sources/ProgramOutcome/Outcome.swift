/// The result of running one program, in the shape `sal exec` writes and the CPython reference returns.
///
/// Both engines fill the same record so that a differential test compares field by field.
/// The trap: `answer` is a JSON rendering of the value and may be lossy (tuples become arrays,
/// non-finite floats become strings); `answerRepr` is the exact comparison key.
public struct Outcome: Sendable, Equatable, Codable {
    public var status: OutcomeStatus
    /// JSON rendering of the answer value, or nil when there is none.
    public var answer: JSONValue?
    /// Python `repr()` of the answer value.
    public var answerRepr: String?
    /// Python type name of the answer value (`int`, `float`, `str`, ...).
    public var answerType: String?
    /// Everything the program printed.
    public var stdout: String
    public var error: ErrorInfo?

    public init(status: OutcomeStatus, answer: JSONValue? = nil, answerRepr: String? = nil,
                answerType: String? = nil, stdout: String = "", error: ErrorInfo? = nil) {
        self.status = status
        self.answer = answer
        self.answerRepr = answerRepr
        self.answerType = answerType
        self.stdout = stdout
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case status, answer, stdout, error
        case answerRepr = "answer_repr"
        case answerType = "answer_type"
    }
}

/// How a run ended. Only `ok` carries an answer.
public enum OutcomeStatus: String, Sendable, Codable, CaseIterable {
    /// The program ran and the answer was read.
    case ok
    /// The program raised a Python exception (or had no answer).
    case error
    /// The program did not parse, or used a construct sal rejects.
    case syntax
    /// A resource limit stopped the program; the program could not catch it.
    case limit
}

/// What went wrong, located in the program's source. Lines and columns are 1-based.
public struct ErrorInfo: Sendable, Equatable, Codable {
    /// A Python exception type name (`ZeroDivisionError`), `SyntaxError`, or for limits the limit's id
    /// (`StepLimit`, `MemoryLimit`, ...).
    public var type: String
    public var message: String
    public var line: Int?
    public var column: Int?

    public init(type: String, message: String, line: Int? = nil, column: Int? = nil) {
        self.type = type
        self.message = message
        self.line = line
        self.column = column
    }
}
