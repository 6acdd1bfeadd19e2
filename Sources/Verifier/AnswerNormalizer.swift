import Foundation
import Oracle
import ProgramOutcome

/// Turns program answers into ballots and decides when two answers are the same.
///
/// Rules (each one is tested):
/// - Numbers: ints, floats and numeric strings vote together; two numbers are equivalent when they differ
///   by less than `absoluteTolerance` (1e-3) or by at most `relativeTolerance` (1e-6) of the larger.
/// - Numeric strings: surrounding whitespace and quotes are ignored; a currency sign ($ € £ ¥) before
///   or after a leading minus, thousands separators (`1,200`, only in groups of three), a trailing `%`
///   (dropped: "50%" is the number 50, not 0.5) and a simple fraction of integers (`3/4` = 0.75) are read.
///   "12 apples" stays text.
/// - Booleans: Python `True`/`False` and the strings yes/no/true/false (any case, trailing `.` or `!`)
///   are one kind; a bool never equals a number.
/// - Text: Unicode NFKC, lower case, punctuation and symbols become spaces, whitespace is collapsed and a
///   leading "a", "an" or "the" is dropped.
/// - Lists, tuples and dicts vote by their exact Python repr (their JSON text when there is no repr), so
///   `(4, 6.0)` from sal and from a recorded CPython run are the same answer, and a tuple is not a list.
/// - Errors, syntax errors, limits, oracle misses, `None`, NaN and infinities do not vote.
public struct AnswerNormalizer: Sendable, Equatable {
    public var absoluteTolerance: Double
    public var relativeTolerance: Double

    public init(absoluteTolerance: Double = 1e-3, relativeTolerance: Double = 1e-6) {
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
    }

    public func equivalent(_ a: NormalizedAnswer, _ b: NormalizedAnswer) -> Bool {
        if case .number(let x) = a, case .number(let y) = b {
            let difference = abs(x - y)
            return difference < absoluteTolerance || difference <= relativeTolerance * max(abs(x), abs(y))
        }
        return a == b
    }

    // MARK: Outcomes

    /// The ballot of a run. An outcome whose error type is `OracleMiss` abstains as an oracle miss
    /// whatever its status; an `ok` outcome with no JSON answer falls back to its repr.
    public func ballot(for outcome: Outcome) -> Ballot {
        if outcome.error?.type == HelperAnswer.missErrorType { return .abstain(.oracleMiss) }
        if outcome.error?.type == CandidateRunResult.notRunErrorType { return .abstain(.notRun) }
        switch outcome.status {
        case .error: return .abstain(.error)
        case .syntax: return .abstain(.syntax)
        case .limit: return .abstain(.limit)
        case .ok: break
        }
        guard let answer = outcome.answer else {
            return outcome.answerRepr.map(ballot(forRepr:)) ?? .abstain(.noAnswer)
        }
        switch answer {
        case .null: return .abstain(.noAnswer)
        case .bool(let flag): return .answer(.bool(flag))
        case .int(let number): return .answer(.number(Double(number)))
        case .bigInteger(let digits):
            guard let value = Double(digits), value.isFinite else { return .answer(.structured(digits)) }
            return .answer(.number(value))
        case .double(let number): return number.isFinite ? .answer(.number(number)) : .abstain(.nonFinite)
        case .string(let text):
            if outcome.answerType == "float" { return .abstain(.nonFinite) }
            return .answer(normalize(text: text))
        case .array, .object: return .answer(.structured(outcome.answerRepr ?? answer.serialized))
        }
    }

    /// The ballot of a result recorded by a reference run: the error abstains (by its type), else the
    /// float value when there is one, else the repr read as a Python literal.
    public func ballot(for recorded: RecordedRun) -> Ballot {
        if let error = recorded.error {
            return .abstain(Self.abstainReason(forRecordedError: error))
        }
        if let value = recorded.resultFloat {
            return value.isFinite ? .answer(.number(value)) : .abstain(.nonFinite)
        }
        guard let repr = recorded.resultRepr else { return .abstain(.noAnswer) }
        return ballot(forRepr: repr)
    }

    static func abstainReason(forRecordedError error: String) -> AbstainReason {
        let type = error.prefix(while: { $0 != ":" })
        switch type {
        case "SyntaxError", "IndentationError", "TabError": return .syntax
        case "Timeout", "MemoryError", "RecursionError": return .limit
        case Substring(HelperAnswer.missErrorType): return .oracleMiss
        default: return .error
        }
    }

    /// Reads a Python repr: `True`/`False`, `None`, a quoted string, `nan`/`inf`, a number, else structured.
    public func ballot(forRepr repr: String) -> Ballot {
        switch repr {
        case "True": return .answer(.bool(true))
        case "False": return .answer(.bool(false))
        case "None": return .abstain(.noAnswer)
        case "nan", "inf", "-inf": return .abstain(.nonFinite)
        default: break
        }
        if let text = Self.pythonStringLiteral(repr) { return .answer(normalize(text: text)) }
        if let number = OracleReply.number(repr)?.numberPayload, number.isFinite { return .answer(.number(number)) }
        return .answer(.structured(repr))
    }

    /// The value of a single- or double-quoted Python string repr, with the escapes repr produces.
    static func pythonStringLiteral(_ repr: String) -> String? {
        guard repr.count >= 2, let quote = repr.first, quote == "'" || quote == "\"", repr.last == quote else {
            return nil
        }
        var result = ""
        var escaping = false
        for character in repr.dropFirst().dropLast() {
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    // MARK: Text

    /// Normalizes a string answer: a number, a bool, or cleaned text (rules in the type's comment).
    public func normalize(text raw: String) -> NormalizedAnswer {
        var text = raw.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        if let stripped = Self.pythonStringLiteral(text) {
            text = stripped.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let number = Self.numericValue(text) { return .number(number) }
        var lowered = text.lowercased()
        while let last = lowered.last, last == "." || last == "!" { lowered.removeLast() }
        switch lowered {
        case "yes", "true": return .bool(true)
        case "no", "false": return .bool(false)
        default: break
        }
        return .text(Self.cleanText(text))
    }

    static let currencySigns: Set<Character> = ["$", "€", "£", "¥"]

    /// The number a numeric string denotes, or nil (rules in the type's comment).
    static func numericValue(_ text: String) -> Double? {
        var body = Substring(text)
        var negative = false
        func takeSign() {
            if body.first == "-" || body.first == "−" {
                negative.toggle()
                body = body.dropFirst()
            } else if body.first == "+" {
                body = body.dropFirst()
            }
        }
        takeSign()
        if let first = body.first, currencySigns.contains(first) {
            body = body.dropFirst().drop(while: { $0 == " " })
            takeSign()
        }
        if body.last == "%" {
            body = body.dropLast()
            while body.last == " " { body = body.dropLast() }
        }
        guard !body.isEmpty else { return nil }
        let value: Double
        let parts = body.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let numerator = OracleReply.number(String(parts[0])).flatMap(\.intPayload),
                  let denominator = OracleReply.number(String(parts[1])).flatMap(\.intPayload), denominator != 0
            else { return nil }
            value = Double(numerator) / Double(denominator)
        } else {
            guard let parsed = OracleReply.number(String(body))?.numberPayload, !body.hasPrefix("-"),
                  !body.hasPrefix("+") else { return nil }
            value = parsed
        }
        guard value.isFinite else { return nil }
        return negative ? -value : value
    }

    static func cleanText(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                 .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                scalars.append(" ")
            default:
                scalars.append(scalar.properties.isWhitespace ? " " : scalar)
            }
        }
        var words = String(scalars).split(separator: " ").map(String.init)
        if words.count > 1, ["a", "an", "the"].contains(words[0]) { words.removeFirst() }
        return words.joined(separator: " ")
    }
}
