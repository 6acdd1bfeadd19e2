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

    /// The catalog as JSON in the shape `init(jsonText:)` reads, names sorted (stable across runs).
    public var jsonText: String {
        let preambleFields = preambles.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }
        let conventionFields = conventions.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value.description)) }
        return JSONValue.object([("preambles", .object(preambleFields)), ("conventions", .object(conventionFields))]).serialized
    }

    public init(jsonText: String) throws(Problem) {
        let root: JSONValue
        do {
            root = try JSONValue.parse(jsonText)
        } catch {
            throw Problem(message: "preamble catalog: \(error)")
        }
        var preambles: [String: String] = [:]
        var conventions: [String: AnswerSpec] = [:]
        if case .object(let pairs)? = root.member("preambles") {
            for (name, value) in pairs {
                guard let text = value.stringValue else { throw Problem(message: "preamble \(name) is not a string") }
                preambles[name] = text
            }
        }
        if case .object(let pairs)? = root.member("conventions") {
            for (name, value) in pairs {
                guard let text = value.stringValue, let spec = AnswerSpec(parsing: text) else {
                    throw Problem(message: "convention \(name) is not an answer spec (var:NAME, call:NAME or auto)")
                }
                conventions[name] = spec
            }
        }
        self.init(preambles: preambles, conventions: conventions)
    }
}
