import ProgramOutcome

/// A field of an outcome that the two engines must agree on.
///
/// The order is the order of importance: a divergence is named after its first differing field.
/// The error column and the JSON rendering of the answer are not compared (the repr is exact).
public enum OutcomeField: String, CaseIterable, Sendable, Comparable {
    case status
    case errorType = "exception type"
    case answerType = "type"
    case answerRepr = "answer"
    case errorMessage = "exception message"
    case errorLine = "error line"
    case stdout

    public static func < (a: OutcomeField, b: OutcomeField) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One field on which sal and CPython disagree, with both values as display text.
public struct FieldDifference: Sendable, Equatable {
    public var field: OutcomeField
    public var sal: String
    public var reference: String
}

/// What makes two divergences "the same bug" for the shrinker and for grouping reports: the first
/// differing field, both statuses and both exception types; for two syntax errors that differ in
/// their message, both messages too (they hold no values, and each pair is its own parser bug).
public struct DivergenceKind: Hashable, Sendable, CustomStringConvertible {
    public var field: OutcomeField
    public var salStatus: OutcomeStatus
    public var referenceStatus: OutcomeStatus
    public var salErrorType: String?
    public var referenceErrorType: String?
    public var salSyntaxMessage: String? = nil
    public var referenceSyntaxMessage: String? = nil

    public var description: String {
        func side(_ status: OutcomeStatus, _ type: String?) -> String {
            type.map { "\(status.rawValue) \($0)" } ?? status.rawValue
        }
        var text = "\(field.rawValue) differs (sal \(side(salStatus, salErrorType)), CPython \(side(referenceStatus, referenceErrorType)))"
        if let salSyntaxMessage, let referenceSyntaxMessage {
            text += ": \"\(salSyntaxMessage)\" vs \"\(referenceSyntaxMessage)\""
        }
        return text
    }
}

/// sal's outcome and CPython's differ where they should not.
public struct Divergence: Sendable, Equatable {
    public var differences: [FieldDifference]
    public var kind: DivergenceKind
}

/// Why a difference between the engines is by design and not reported as a divergence.
public enum SkipReason: Hashable, Sendable, CustomStringConvertible {
    /// A corpus file marked `# sal-only: reason` (limits, sandbox refusals, host functions).
    case salOnly(String)
    /// sal rejects a construct CPython accepts (`class`, `with`, `yield`, ...).
    case unsupportedSyntax
    /// A resource limit ended one of the runs (sal's step, time or memory limit; CPython's
    /// time or memory limit, or its MemoryError).
    case resourceLimit
    /// A module one engine provides and the other does not (sal: only math and statistics; the
    /// embedded CPython: no numpy or sympy unless site-packages are added).
    case moduleUnavailable(String)
    /// A builtin sal leaves out of its sandbox (`open`, `eval`, `input`, ...).
    case sandboxedBuiltin(String)
    /// Where the embedded CPython (Debian's 3.11.2) and 3.11.7 (which sal follows, and which blessed
    /// the corpus) differ; `ReferencePatchLevel` lists the cases.
    case referencePatchLevel(String)

    /// The reason without its detail, for the summary line.
    public var category: String {
        switch self {
        case .salOnly: "sal-only"
        case .unsupportedSyntax: "unsupported syntax"
        case .resourceLimit: "resource limit"
        case .moduleUnavailable: "module unavailable"
        case .sandboxedBuiltin: "sandboxed builtin"
        case .referencePatchLevel: "CPython 3.11.2 vs 3.11.7"
        }
    }

    public var description: String {
        switch self {
        case .salOnly(let reason): "sal-only (\(reason))"
        case .unsupportedSyntax: "unsupported syntax"
        case .resourceLimit: "resource limit"
        case .moduleUnavailable(let name): "module unavailable (\(name))"
        case .sandboxedBuiltin(let name): "sandboxed builtin (\(name))"
        case .referencePatchLevel(let difference): "CPython 3.11.2 vs 3.11.7 (\(difference))"
        }
    }
}

/// The verdict on one program.
public enum Verdict: Sendable, Equatable {
    case agreed
    case skipped(SkipReason)
    case diverged(Divergence)
}

/// Compares sal's outcome with CPython's, field by field, after classifying the differences that
/// are by design.
public enum OutcomeComparison {
    /// Builtins sal does not define (sandbox), as listed in Documentation/differences.md.
    public static let sandboxedBuiltins: Set<String> = ["open", "eval", "exec", "compile", "input", "globals", "locals",
                                                         "breakpoint", "help", "vars", "memoryview", "bytearray", "bytes"]

    /// The verdict on two outcomes of `program` (the text is needed to recognize some differences
    /// between CPython patch levels; without it they are reported).
    public static func verdict(sal: Outcome, reference: Outcome, program: String? = nil) -> Verdict {
        let differences = self.differences(sal: sal, reference: reference)
        if differences.isEmpty { return .agreed }
        if let reason = designDifference(sal: sal, reference: reference, program: program) { return .skipped(reason) }
        var kind = DivergenceKind(field: differences[0].field, salStatus: sal.status, referenceStatus: reference.status,
                                  salErrorType: sal.error?.type, referenceErrorType: reference.error?.type)
        if kind.field == .errorMessage, sal.status == .syntax, reference.status == .syntax {
            kind.salSyntaxMessage = sal.error?.message
            kind.referenceSyntaxMessage = reference.error?.message
        }
        return .diverged(Divergence(differences: differences, kind: kind))
    }

    /// Answer reprs longer than this are compared by length and digest (see `condensed`).
    public static let longReprBytes = 1 << 20

    /// `outcome` with an answer repr over `longReprBytes` replaced by its length and FNV-1a digest, so
    /// that a program returning a 200 MB string costs neither a 200 MB transfer from the worker nor a
    /// 200 MB report line. Equal reprs give equal digests; different ones almost surely do not.
    public static func condensed(_ outcome: Outcome) -> Outcome {
        guard let repr = outcome.answerRepr, repr.utf8.count > longReprBytes else { return outcome }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in repr.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var copy = outcome
        copy.answerRepr = "<repr of \(repr.utf8.count) bytes, FNV-1a \(String(hash, radix: 16))>"
        copy.answer = nil
        return copy
    }

    /// The differing fields, most important first. Addresses in CPython's reprs (`at 0x7f...`) are
    /// removed first: sal prints none.
    public static func differences(sal: Outcome, reference: Outcome) -> [FieldDifference] {
        var out: [FieldDifference] = []
        func check(_ field: OutcomeField, _ a: String?, _ b: String?) {
            let b = b.map(withoutAddresses)
            if a != b { out.append(FieldDifference(field: field, sal: display(a), reference: display(b))) }
        }
        check(.status, sal.status.rawValue, reference.status.rawValue)
        check(.errorType, sal.error?.type, reference.error?.type)
        check(.answerType, sal.answerType, reference.answerType)
        check(.answerRepr, sal.answerRepr, reference.answerRepr)
        check(.errorMessage, sal.error?.message, reference.error?.message)
        check(.errorLine, sal.error?.line.map(String.init), reference.error?.line.map(String.init))
        check(.stdout, sal.stdout, reference.stdout)
        return out
    }

    static func display(_ value: String?) -> String {
        guard let value else { return "none" }
        return JSONValue.string(value).serialized
    }

    /// `text` without the ` at 0x...` of object reprs.
    static func withoutAddresses(_ text: String) -> String {
        guard text.contains(" at 0x") else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: " at 0x") {
            out += rest[..<range.lowerBound]
            var end = range.upperBound
            while end < rest.endIndex, rest[end].isHexDigit { end = rest.index(after: end) }
            if end < rest.endIndex, rest[end] == ">" {
                rest = rest[end...]
            } else {
                out += rest[range]
                rest = rest[range.upperBound...]
            }
        }
        return out + rest
    }

    /// The design difference that explains why the outcomes differ, if there is one.
    static func designDifference(sal: Outcome, reference: Outcome, program: String?) -> SkipReason? {
        if sal.status == .syntax, sal.error?.type == "UnsupportedSyntax", reference.status != .syntax {
            return .unsupportedSyntax
        }
        if sal.status == .limit || reference.status == .limit || reference.error?.type == "MemoryError" {
            return .resourceLimit
        }
        for outcome in [sal, reference] {
            if let error = outcome.error, error.type == "ModuleNotFoundError" || error.type == "ImportError" {
                return .moduleUnavailable(quotedName(in: error.message) ?? "?")
            }
        }
        if let error = sal.error, error.type == "NameError", let name = quotedName(in: error.message),
           sandboxedBuiltins.contains(name) {
            return .sandboxedBuiltin(name)
        }
        if let difference = ReferencePatchLevel.difference(sal: sal, reference: reference, program: program) {
            return .referencePatchLevel(difference)
        }
        return nil
    }

    /// The first `'...'`-quoted word of a message (`No module named 'numpy'` -> `numpy`).
    static func quotedName(in message: String) -> String? {
        guard let open = message.firstIndex(of: "'") else { return nil }
        let rest = message[message.index(after: open)...]
        guard let close = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<close]).split(separator: ".").first.map(String.init)
    }
}
