import Oracle
import ProgramOutcome

/// Preamble texts and answer conventions named by input candidates (`gsm8k_votes_preambles.json`).
///
/// Shape: `{"preambles": {name: text}, "conventions": {name: "var:NAME" | "call:NAME" | "auto"}}`.
public struct PreambleCatalog: Sendable, Equatable {
    public var preambles: [String: String]
    public var conventions: [String: AnswerSpec]

    public init(preambles: [String: String] = [:], conventions: [String: AnswerSpec] = [:]) {
        self.preambles = preambles
        self.conventions = conventions
    }

    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public init(jsonText: String) throws(Problem) {
        let root: JSONValue
        do {
            root = try JSONValue(jsonText: jsonText)
        } catch {
            throw Problem(message: "preamble catalog: \(error)")
        }
        var preambles: [String: String] = [:]
        var conventions: [String: AnswerSpec] = [:]
        if case .object(let pairs)? = root.member("preambles") {
            for (name, value) in pairs {
                guard let text = value.stringPayload else { throw Problem(message: "preamble \(name) is not a string") }
                preambles[name] = text
            }
        }
        if case .object(let pairs)? = root.member("conventions") {
            for (name, value) in pairs {
                guard let text = value.stringPayload, let spec = AnswerSpec(parsing: text) else {
                    throw Problem(message: "convention \(name) is not an answer spec (var:NAME, call:NAME or auto)")
                }
                conventions[name] = spec
            }
        }
        self.init(preambles: preambles, conventions: conventions)
    }
}
