extension ChatTemplate {
    /// Recognises a ChatML Jinja template (a model's `tokenizer.chat_template`) and extracts its default
    /// system prompt. Layout, quote style, escapes, whitespace control and `message.role` vs
    /// `message['role']` may vary; the structure may not. Rendering follows Hugging Face's Jinja settings
    /// (trim_blocks, lstrip_blocks). Throws `ChatTemplateError.unsupported` naming the first difference.
    public init(jinjaSource: String) throws {
        var parser = ChatMLTemplateParser(tokens: try JinjaLexer.tokens(of: jinjaSource))
        self.init(defaultSystemPrompt: try parser.parse())
    }

    /// The template in a GGUF file's `tokenizer.chat_template`.
    public static func fromGGUFMetadata(_ metadata: [String: GGUFValue]) throws -> ChatTemplate {
        guard let source = metadata["tokenizer.chat_template"]?.stringValue else { throw ChatTemplateError.missing }
        return try ChatTemplate(jinjaSource: source)
    }
}

/// A lexical unit of a Jinja template. Text between tags is kept after whitespace control.
enum JinjaToken: Equatable {
    case text(String)
    case blockStart, blockEnd, expressionStart, expressionEnd
    case name(String)
    case string(String)
    case number(String)
    case symbol(String)
}

/// Splits a Jinja template into tokens, applying `-` whitespace control, trim_blocks (drop the newline
/// after a block tag) and lstrip_blocks (drop spaces and tabs between a line start and a block tag).
enum JinjaLexer {
    static func tokens(of source: String) throws -> [JinjaToken] {
        let scalars = Array(source.unicodeScalars)
        var tokens: [JinjaToken] = []
        var text = String.UnicodeScalarView()
        var index = 0
        var stripLeadingWhitespace = false
        var dropNewline = false

        func flushText() {
            if !text.isEmpty { tokens.append(.text(String(text))) }
            text = String.UnicodeScalarView()
        }

        while index < scalars.count {
            let opener = index + 1 < scalars.count && scalars[index] == "{" ? scalars[index + 1] : nil
            guard let opener, opener == "%" || opener == "{" || opener == "#" else {
                let scalar = scalars[index]
                index += 1
                if stripLeadingWhitespace && scalar.properties.isWhitespace { continue }
                stripLeadingWhitespace = false
                if dropNewline {
                    dropNewline = false
                    if scalar == "\n" { continue }
                }
                text.append(scalar)
                continue
            }
            stripLeadingWhitespace = false
            dropNewline = false
            let tagStart = index
            index += 2
            let modifier = index < scalars.count ? scalars[index] : nil
            if modifier == "-" || modifier == "+" { index += 1 }
            if modifier == "-" {
                while let last = text.last, last.properties.isWhitespace { text.removeLast() }
            } else if modifier != "+" && opener != "{" && startsItsLine(tagStart, in: scalars) {
                // lstrip_blocks: the blanks before a block tag that begins its line are not output.
                while let last = text.last, last == " " || last == "\t" { text.removeLast() }
            }
            flushText()
            if opener == "#" {
                guard let close = find(["#", "}"], in: scalars, from: index) else {
                    throw ChatTemplateError.unsupported(reason: "unclosed comment")
                }
                stripLeadingWhitespace = close > index && scalars[close - 1] == "-"
                dropNewline = !stripLeadingWhitespace
                index = close + 2
                continue
            }
            tokens.append(opener == "%" ? .blockStart : .expressionStart)
            let closer: Unicode.Scalar = opener == "%" ? "%" : "}"
            while true {
                while index < scalars.count && scalars[index].properties.isWhitespace { index += 1 }
                guard index < scalars.count else { throw ChatTemplateError.unsupported(reason: "unclosed tag") }
                if scalars[index] == "-", index + 2 < scalars.count, scalars[index + 1] == closer, scalars[index + 2] == "}" {
                    index += 3
                    stripLeadingWhitespace = true
                    break
                }
                if scalars[index] == closer, index + 1 < scalars.count, scalars[index + 1] == "}" {
                    index += 2
                    dropNewline = opener == "%"
                    break
                }
                tokens.append(try lexInsideTag(scalars, &index))
            }
            tokens.append(opener == "%" ? .blockEnd : .expressionEnd)
        }
        flushText()
        return tokens
    }

    private static func lexInsideTag(_ scalars: [Unicode.Scalar], _ index: inout Int) throws -> JinjaToken {
        let first = scalars[index]
        if first == "'" || first == "\"" {
            return .string(try lexString(scalars, &index, quote: first))
        }
        if first.properties.isAlphabetic || first == "_" {
            var name = String.UnicodeScalarView()
            while index < scalars.count && (scalars[index].properties.isAlphabetic || scalars[index] == "_"
                || ("0"..."9").contains(scalars[index])) {
                name.append(scalars[index])
                index += 1
            }
            return .name(String(name))
        }
        if ("0"..."9").contains(first) {
            var digits = String.UnicodeScalarView()
            while index < scalars.count && ("0"..."9").contains(scalars[index]) {
                digits.append(scalars[index])
                index += 1
            }
            return .number(String(digits))
        }
        for operatorText in ["==", "!=", "<=", ">="] {
            let operatorScalars = Array(operatorText.unicodeScalars)
            if index + 1 < scalars.count && scalars[index] == operatorScalars[0] && scalars[index + 1] == operatorScalars[1] {
                index += 2
                return .symbol(operatorText)
            }
        }
        index += 1
        return .symbol(String(first))
    }

    /// A quoted string literal with Python-style escapes resolved (a raw newline stays a newline).
    private static func lexString(_ scalars: [Unicode.Scalar], _ index: inout Int, quote: Unicode.Scalar) throws -> String {
        var value = String.UnicodeScalarView()
        index += 1
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == quote { return String(value) }
            guard scalar == "\\" else {
                value.append(scalar)
                continue
            }
            guard index < scalars.count else { break }
            let escaped = scalars[index]
            index += 1
            switch escaped {
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "r": value.append("\r")
            case "\\", "'", "\"": value.append(escaped)
            default: throw ChatTemplateError.unsupported(reason: "string escape \\\(escaped)")
            }
        }
        throw ChatTemplateError.unsupported(reason: "unterminated string literal")
    }

    /// Whether only spaces and tabs stand between the previous newline (or the start) and `index`.
    private static func startsItsLine(_ index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var before = index - 1
        while before >= 0 && (scalars[before] == " " || scalars[before] == "\t") { before -= 1 }
        return before < 0 || scalars[before] == "\n"
    }

    private static func find(_ pair: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == pair[0] && scalars[index + 1] == pair[1] { return index }
            index += 1
        }
        return nil
    }
}

/// Matches the token stream against the ChatML shape:
/// `{% for message in messages %}` [`{% if <first message is not system> %}{{ <system block> }}{% endif %}`]
/// `{{ <start> + role + "\n" + content + <end> + "\n" }}{% endfor %}`
/// `{% if add_generation_prompt %}{{ <start> + "assistant\n" }}{% endif %}`.
struct ChatMLTemplateParser {
    private var tokens: [JinjaToken]
    private var position = 0

    init(tokens: [JinjaToken]) {
        // Text that whitespace control left empty is no output at all.
        self.tokens = tokens.filter { $0 != .text("") }
    }

    /// The default system prompt, or nil when the template has none.
    mutating func parse() throws -> String? {
        try expectBlock(["for", "message", "in", "messages"])
        var defaultSystemPrompt: String?
        if peekBlock(startingWith: "if") {
            try expectFirstMessageIsNotSystemCondition()
            let block = try literalExpression()
            let prefix = ChatTemplate.startToken + "system\n"
            let suffix = ChatTemplate.endToken + "\n"
            guard block.hasPrefix(prefix), block.hasSuffix(suffix), block.count >= prefix.count + suffix.count else {
                throw ChatTemplateError.unsupported(reason: "the default system block is not <|im_start|>system\\n...<|im_end|>\\n")
            }
            defaultSystemPrompt = String(block.dropFirst(prefix.count).dropLast(suffix.count))
            try expectBlock(["endif"])
        }
        try expectMessageExpression()
        try expectBlock(["endfor"])
        try expectBlock(["if", "add_generation_prompt"])
        guard try literalExpression() == ChatTemplate.startToken + "assistant\n" else {
            throw ChatTemplateError.unsupported(reason: "the generation prompt is not <|im_start|>assistant\\n")
        }
        try expectBlock(["endif"])
        if position < tokens.count { throw unexpected("the end of the template") }
        return defaultSystemPrompt
    }

    private func unexpected(_ expected: String) -> ChatTemplateError {
        let found = position < tokens.count ? describe(tokens[position]) : "the end"
        return .unsupported(reason: "expected \(expected) but found \(found)")
    }

    private func describe(_ token: JinjaToken) -> String {
        switch token {
        case .text(let text): "output text \(text.debugDescription)"
        case .blockStart: "{%"
        case .blockEnd: "%}"
        case .expressionStart: "{{"
        case .expressionEnd: "}}"
        case .name(let name): "'\(name)'"
        case .string(let string): "string \(string.debugDescription)"
        case .number(let number): number
        case .symbol(let symbol): "'\(symbol)'"
        }
    }

    private mutating func expect(_ token: JinjaToken, _ what: String) throws {
        guard position < tokens.count, tokens[position] == token else { throw unexpected(what) }
        position += 1
    }

    private func peekBlock(startingWith name: String) -> Bool {
        position + 1 < tokens.count && tokens[position] == .blockStart && tokens[position + 1] == .name(name)
    }

    private mutating func expectBlock(_ words: [String]) throws {
        let what = "{% \(words.joined(separator: " ")) %}"
        try expect(.blockStart, what)
        for word in words { try expect(.name(word), what) }
        try expect(.blockEnd, what)
    }

    /// `{% if loop.first and messages[0]['role'] != 'system' %}` (or `loop.index0 == 0`, or `.role`).
    private mutating func expectFirstMessageIsNotSystemCondition() throws {
        let what = "{% if loop.first and messages[0]['role'] != 'system' %}"
        try expect(.blockStart, what)
        try expect(.name("if"), what)
        try expect(.name("loop"), what)
        try expect(.symbol("."), what)
        if position < tokens.count && tokens[position] == .name("index0") {
            position += 1
            try expect(.symbol("=="), what)
            try expect(.number("0"), what)
        } else {
            try expect(.name("first"), what)
        }
        try expect(.name("and"), what)
        try expect(.name("messages"), what)
        try expect(.symbol("["), what)
        try expect(.number("0"), what)
        try expect(.symbol("]"), what)
        try expectField("role", what)
        try expect(.symbol("!="), what)
        try expect(.string("system"), what)
        try expect(.blockEnd, what)
    }

    /// `['name']` or `.name`.
    private mutating func expectField(_ name: String, _ what: String) throws {
        if position < tokens.count && tokens[position] == .symbol(".") {
            position += 1
            try expect(.name(name), what)
        } else {
            try expect(.symbol("["), what)
            try expect(.string(name), what)
            try expect(.symbol("]"), what)
        }
    }

    /// `{{ 'a' + 'b' }}` as one string.
    private mutating func literalExpression() throws -> String {
        let parts = try concatenation()
        var value = ""
        for part in parts {
            guard case .literal(let text) = part else { throw ChatTemplateError.unsupported(reason: "a variable where only text was expected") }
            value += text
        }
        return value
    }

    /// `{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}`, with the
    /// literals split or joined in any way.
    private mutating func expectMessageExpression() throws {
        let parts = try concatenation()
        var merged: [ExpressionPart] = []
        for part in parts {
            if case .literal(let text) = part, case .literal(let previous)? = merged.last {
                merged[merged.count - 1] = .literal(previous + text)
            } else {
                merged.append(part)
            }
        }
        let expected: [ExpressionPart] = [
            .literal(ChatTemplate.startToken), .field("role"), .literal("\n"), .field("content"),
            .literal(ChatTemplate.endToken + "\n"),
        ]
        guard merged == expected else {
            throw ChatTemplateError.unsupported(
                reason: "the message line is not <|im_start|>{role}\\n{content}<|im_end|>\\n")
        }
    }

    private enum ExpressionPart: Equatable {
        case literal(String)
        case field(String)
    }

    /// `{{ part (+ part)* }}` where a part is a string literal or `message.role` / `message['content']`.
    private mutating func concatenation() throws -> [ExpressionPart] {
        let what = "{{ ... }} joining strings and message fields with +"
        try expect(.expressionStart, what)
        var parts: [ExpressionPart] = []
        while true {
            guard position < tokens.count else { throw unexpected(what) }
            switch tokens[position] {
            case .string(let text):
                position += 1
                parts.append(.literal(text))
            case .name("message"):
                position += 1
                let field: String
                if position + 1 < tokens.count, tokens[position] == .symbol("."), case .name(let name) = tokens[position + 1] {
                    field = name
                    position += 2
                } else if position + 2 < tokens.count, tokens[position] == .symbol("["),
                          case .string(let name) = tokens[position + 1], tokens[position + 2] == .symbol("]") {
                    field = name
                    position += 3
                } else {
                    throw unexpected("message.role or message['content']")
                }
                guard field == "role" || field == "content" else { throw unexpected("message.role or message.content") }
                parts.append(.field(field))
            default:
                throw unexpected(what)
            }
            guard position < tokens.count else { throw unexpected(what) }
            if tokens[position] == .symbol("+") {
                position += 1
                continue
            }
            try expect(.expressionEnd, what)
            return parts
        }
    }
}
