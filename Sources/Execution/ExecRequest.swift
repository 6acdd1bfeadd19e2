import ProgramOutcome

/// One program to run: a line of `sal exec`'s input (`{"id", "program", "answer"?, "preamble"?}`).
public struct ExecRequest: Sendable {
    public var id: JSONValue
    public var program: String
    public var answer: AnswerSpec
    /// Source run before the program in the same namespace.
    public var preamble: String?

    public init(id: JSONValue, program: String, answer: AnswerSpec = .auto, preamble: String? = nil) {
        self.id = id
        self.program = program
        self.answer = answer
        self.preamble = preamble
    }

    /// Parses one input line. A malformed line yields an error outcome that names the line and the problem.
    public static func parse(line: String, lineNumber: Int, defaultAnswer: AnswerSpec) -> Result<ExecRequest, InvalidInput> {
        let json: JSONValue
        do {
            json = try JSONValue.parse(line)
        } catch {
            return .failure(InvalidInput(id: .null, message: "line \(lineNumber): invalid JSON (\(error))"))
        }
        guard case .object = json else {
            return .failure(InvalidInput(id: .null, message: "line \(lineNumber): expected a JSON object"))
        }
        let id = json["id"] ?? .int(lineNumber)
        guard let program = json["program"]?.stringValue else {
            return .failure(InvalidInput(id: id, message: "line \(lineNumber): missing string field 'program'"))
        }
        var answer = defaultAnswer
        if let spec = json["answer"], spec != .null {
            guard let text = spec.stringValue, let parsed = AnswerSpec(parsing: text) else {
                return .failure(InvalidInput(id: id,
                    message: "line \(lineNumber): 'answer' must be \"var:NAME\", \"call:NAME\" or \"auto\""))
            }
            answer = parsed
        }
        return .success(ExecRequest(id: id, program: program, answer: answer, preamble: json["preamble"]?.stringValue))
    }
}

/// An input line that could not be read as a request; it still yields one output record.
public struct InvalidInput: Error, Sendable {
    public var id: JSONValue
    public var message: String

    public var outcome: Outcome {
        Outcome(status: .error, error: ErrorInfo(type: "InvalidInput", message: message))
    }
}
