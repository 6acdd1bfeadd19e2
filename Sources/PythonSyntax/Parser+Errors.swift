extension Parser {
    /// The error for "no rule accepts the current token", refined the way CPython's second pass refines it:
    /// an unexpected INDENT or DEDENT, two expressions side by side inside brackets ("Perhaps you forgot a
    /// comma?"), or `print x`.
    ///
    /// Like CPython, the refinements parse what follows even when no hint results: that look-ahead can reach
    /// an unclosed bracket at the end of the file, which then is the error reported (see `furthest`).
    @inline(never)
    mutating func syntaxError() -> Diagnostic {
        let current = token
        switch current.kind {
        case .indent: return .unexpectedIndent(current.range)
        case .dedent: return .unexpectedUnindent(current.range)
        default: break
        }
        if let hint = juxtapositionHint() { return hint }
        if current.kind == .keywordNot && lookedPastNot == position {
            // After an operand, CPython looked past a `not` for `not in` before giving up.
            furthest = max(furthest, position + 1)
            return .invalidSyntax(tokens[position + 1].range)
        }
        return .invalidSyntax(current.range)
    }

    /// When an expression ends and another could start right after it, CPython's `invalid_expression` and
    /// `invalid_legacy_expression` may apply: "Perhaps you forgot a comma?" inside brackets, `print x`, or
    /// an error met while reading on.
    @inline(never)
    mutating func juxtapositionHint() -> Diagnostic? {
        guard lastDisjunction.end == position, lastDisjunction.start >= 0, hintDepth < Parser.maximumHintDepth,
              kind.canStartExpression || kind == .star else { return nil }
        let start = lastDisjunction.start
        let isLegacyName = start == position - 1 && (tokenSpells(start, "print") || tokenSpells(start, "exec"))
        if let diagnostic = missingCommaHint(candidateStart: start), !isLegacyName { return diagnostic }
        guard start == position - 1 && tokens[start].kind == .name && kind != .leftParenthesis else { return nil }
        switch legacyExpressionLookahead() {
        case .error(let diagnostic):
            return diagnostic
        case .parsed(let end) where isLegacyName:
            let name = string(Int(tokens[start].start), Int(tokens[start].end))
            return .missingParenthesesInCall(name, SourceRange(start: tokens[start].startLocation, end: end))
        default:
            return nil
        }
    }

    enum LegacyLookahead {
        case failed
        case parsed(end: SourceLocation)
        case error(Diagnostic)
    }

    /// CPython's `invalid_legacy_expression` after a lone NAME (`print "x"`): it parses star expressions with
    /// its error rules still on, so a refined error met there is the error. Each following juxtaposed
    /// name repeats the check, which walks through a line of prose to, say, its "if" without "else".
    @inline(never)
    private mutating func legacyExpressionLookahead() -> LegacyLookahead {
        do throws(Diagnostic) {
            let end = try speculate { (parser: inout Parser) throws(Diagnostic) -> SourceLocation in
                parser.hintDepth += 1
                parser.secondPass = true
                parser.backtracking = true
                _ = try parser.starExpressions()
                let firstEnd = parser.tokens[parser.position - 1].endLocation
                while parser.lastDisjunction.end == parser.position,
                      parser.lastDisjunction.start == parser.position - 1,
                      parser.tokens[parser.position - 1].kind == .name,
                      parser.kind.canStartExpression || parser.kind == .star, parser.kind != .leftParenthesis {
                    let before = parser.position
                    _ = try parser.starExpressions()
                    assert(parser.position > before, "a juxtaposed expression consumed no token")
                }
                return firstEnd
            }
            guard let end else { return .failed }
            return .parsed(end: end)
        } catch {
            return .error(error)
        }
    }

    /// `[a b]`: CPython's `invalid_expression` ("Perhaps you forgot a comma?"), reported only inside brackets.
    @inline(never)
    private mutating func missingCommaHint(candidateStart start: Int) -> Diagnostic? {
        if isSoftKeyword(start) { return nil }
        if tokens[start].kind == .name && start + 1 < tokens.count && tokens[start + 1].kind == .string { return nil }
        guard kind.canStartExpression else { return nil }
        let end = (try? speculate(refinedErrorsIgnored: true) { (parser: inout Parser) throws(Diagnostic) -> SourceLocation in
            parser.hintDepth += 1
            parser.secondPass = false
            parser.backtracking = true
            _ = try parser.expression()
            return parser.tokens[parser.position - 1].endLocation
        }) ?? nil
        guard let end, bracketDepth > 0 else { return nil }
        return .missingComma(SourceRange(start: lastDisjunction.location, end: end))
    }

    /// CPython's `_PyPegen_get_expr_name`: how messages name an expression.
    static func describe(_ expression: Expression) -> String {
        switch expression.kind {
        case .attribute: "attribute"
        case .subscript: "subscript"
        case .starred: "starred"
        case .name: "name"
        case .list: "list"
        case .tuple: "tuple"
        case .lambda: "lambda"
        case .call: "function call"
        case .boolean, .binary, .unary: "expression"
        case .generatorExpression: "generator expression"
        case .listComprehension: "list comprehension"
        case .setComprehension: "set comprehension"
        case .dictionaryComprehension: "dict comprehension"
        case .dictionary: "dict literal"
        case .set: "set display"
        case .formattedString: "f-string expression"
        case .constant(let constant):
            switch constant {
            case .none: "None"
            case .bool(let value): value ? "True" : "False"
            case .ellipsis: "ellipsis"
            default: "literal"
            }
        case .compare: "comparison"
        case .conditional: "conditional expression"
        case .namedExpression: "named expression"
        case .slice: "slice"
        }
    }
}
