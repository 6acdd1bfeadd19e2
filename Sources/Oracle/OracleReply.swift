import Foundation
import ProgramOutcome

/// Turns a model's chat reply into the typed answer of a helper call.
///
/// Rules, in order: take the first non-blank line (after removing a ``` fence); drop a leading
/// `Answer:`; drop wrapping quotes, backticks or `**`; drop one trailing `.`. Then `yes`/`true` and
/// `no`/`false` (any case, alone or followed by `,` `.` `!`) are bools; an integer or decimal (optional
/// sign, optional exponent, `,` only as a thousands separator) is an int, or a float when it has a
/// fraction or exponent; anything else is the string. The trap: a reply of the wrong type for the helper
/// (`compare` answered "maybe") is a miss, not a guess.
public enum OracleReply {
    public static func typedAnswer(from reply: String, for call: HelperCall) -> HelperAnswer {
        let text = cleaned(reply)
        guard !text.isEmpty else { return .miss("empty reply") }
        let value = typedValue(text)
        if let helper = call.helper, !helper.accepts(value) {
            return .miss("reply \(value.serialized) is not a valid \(call.function) answer")
        }
        return .value(value)
    }

    static func cleaned(_ reply: String) -> String {
        var lines = reply.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        lines.removeAll { $0.isEmpty || $0.hasPrefix("```") }
        guard var text = lines.first else { return "" }
        for prefix in ["answer:", "a:"] where text.lowercased().hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        for wrapper in ["**", "\"", "'", "`"] where text.count >= 2 * wrapper.count
            && text.hasPrefix(wrapper) && text.hasSuffix(wrapper) {
            text = String(text.dropFirst(wrapper.count).dropLast(wrapper.count)).trimmingCharacters(in: .whitespaces)
        }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func typedValue(_ text: String) -> JSONValue {
        if let flag = leadingYesNo(text) { return .bool(flag) }
        if let number = number(text) { return number }
        return .string(text)
    }

    static func leadingYesNo(_ text: String) -> Bool? {
        let lowered = text.lowercased()
        for (word, flag) in [("yes", true), ("true", true), ("no", false), ("false", false)] {
            guard lowered.hasPrefix(word) else { continue }
            let rest = lowered.dropFirst(word.count)
            if rest.isEmpty || [",", ".", "!"].contains(rest.first!) { return flag }
        }
        return nil
    }

    /// An integer or decimal literal (optional sign and exponent; commas only between groups of three
    /// digits) as `.int`, `.bigInteger` or `.double`; nil for anything else, including non-finite values.
    public static func number(_ text: String) -> JSONValue? {
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        let mantissaEnd = body.firstIndex(where: { $0 == "e" || $0 == "E" }) ?? body.endIndex
        let mantissa = body[..<mantissaEnd]
        let exponent = body[mantissaEnd...]
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholePart = parts.first, !wholePart.isEmpty else { return nil }
        let groups = wholePart.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let whole = groups.joined()
        var fraction: Substring? = nil
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigitCharacter) else { return nil }
            fraction = parts[1]
        }
        if !exponent.isEmpty {
            var digits = exponent.dropFirst()
            if let first = digits.first, first == "+" || first == "-" { digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        }
        if fraction == nil && exponent.isEmpty {
            let literal = sign + whole
            if let integer = Int(literal) { return .int(integer) }
            let trimmed = whole.drop(while: { $0 == "0" })
            return .bigInteger(sign + (trimmed.isEmpty ? "0" : String(trimmed)))
        }
        let literal = sign + whole + (fraction.map { "." + $0 } ?? "") + exponent
        guard let value = Double(literal), value.isFinite else { return nil }
        return .double(value)
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
