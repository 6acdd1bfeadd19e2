import PythonSyntax

extension Renderer {
    /// A string literal valid where it is written (see `StringContext`).
    mutating func stringLiteral(_ text: String) -> String {
        switch stringContext {
        case .plain:
            let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
            return String(quote) + Self.escaped(text, quote: quote, doublingBraces: false) + String(quote)
        case .formattedField(let outer):
            let quote: Character = outer == "\"" ? "'" : "\""
            var pieces: [String] = []
            var run = ""
            for character in text {
                if Self.isSafeInField(character) {
                    run.append(character)
                } else {
                    if !run.isEmpty { pieces.append(String(quote) + run + String(quote)) }
                    run = ""
                    for scalar in character.unicodeScalars { pieces.append("chr(\(scalar.value))") }
                }
            }
            if !run.isEmpty || pieces.isEmpty { pieces.append(String(quote) + run + String(quote)) }
            return pieces.count == 1 ? pieces[0] : "(" + pieces.joined(separator: " + ") + ")"
        }
    }

    /// Characters a string inside an f-string field may hold literally in 3.11: no quote of either
    /// kind, no backslash, nothing that would need an escape.
    static func isSafeInField(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { scalar in
            scalar != "'" && scalar != "\"" && scalar != "\\" && scalar.value >= 0x20 && scalar.value != 0x7F
        }
    }

    /// `text` escaped for a literal delimited by `quote`; f-string literal text also doubles braces.
    static func escaped(_ text: String, quote: Character, doublingBraces: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "{" where doublingBraces: out += "{{"
            case "}" where doublingBraces: out += "}}"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    // MARK: f-strings

    mutating func formattedString(_ parts: [FormattedStringPart]) -> (String, Precedence) {
        let debugTexts = Self.debugTexts(parts)
        let usesDouble = debugTexts.contains { $0.contains("\"") }
        let usesSingle = debugTexts.contains { $0.contains("'") }
        guard stringContext == .plain, !(usesDouble && usesSingle),
              !debugTexts.contains(where: { $0.contains("\\") }) else {
            return (formatCalls(parts), .atom)
        }
        let quote: Character = usesDouble ? "'" : "\""
        return ("f" + String(quote) + formattedBody(parts, quote: quote) + String(quote), .atom)
    }

    static func debugTexts(_ parts: [FormattedStringPart]) -> [String] {
        var texts: [String] = []
        for part in parts {
            if case .replacement(_, _, let spec, let debugText) = part {
                if let debugText { texts.append(debugText) }
                if let spec { texts += debugTexts(spec) }
            }
        }
        return texts
    }

    /// The text between an f-string's quotes (also used for a field's format spec).
    mutating func formattedBody(_ parts: [FormattedStringPart], quote: Character) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal):
                text += Self.escaped(literal, quote: quote, doublingBraces: true)
            case .replacement(let value, let conversion, let spec, let debugText):
                text += "{"
                if let debugText {
                    text += debugText
                } else {
                    let saved = stringContext
                    stringContext = .formattedField(quote: quote)
                    let rendered = expression(value, minimum: .conditional)
                    stringContext = saved
                    text += rendered.hasPrefix("{") ? " " + rendered : rendered
                }
                // `{x=}` already means `{x=!r}`; the parser records the `!r` either way.
                let impliedRepr = debugText != nil && conversion == .repr && spec == nil
                if let conversion, !impliedRepr { text += "!" + String(conversion.rawValue) }
                if let spec { text += ":" + formattedBody(spec, quote: quote) }
                text += "}"
            }
        }
        return text
    }

    /// An f-string as the `format()` calls it stands for: `f"a{x!r:>5}"` is `('a' + format(repr(x), '>5'))`.
    /// Used where an f-string literal cannot be written (inside another f-string's field).
    mutating func formatCalls(_ parts: [FormattedStringPart]) -> String {
        var pieces: [String] = []
        for part in parts {
            switch part {
            case .literal(let literal):
                pieces.append(stringLiteral(literal))
            case .replacement(let value, let conversion, let spec, let debugText):
                if let debugText { pieces.append(stringLiteral(debugText)) }
                let effective = conversion ?? (debugText != nil && spec == nil ? .repr : nil)
                var argument = expression(value, minimum: .lambda)
                switch effective {
                case .repr?: argument = "repr(\(argument))"
                case .str?: argument = "str(\(argument))"
                case .ascii?: argument = "ascii(\(argument))"
                case nil: break
                }
                let specText = spec.map { formatCalls($0) } ?? stringLiteral("")
                pieces.append("format(\(argument), \(specText))")
            }
        }
        if pieces.isEmpty { return stringLiteral("") }
        return pieces.count == 1 ? pieces[0] : "(" + pieces.joined(separator: " + ") + ")"
    }
}
