extension Parser {
    /// primary: atom ('.' NAME | '(' [callArguments] ')' | '[' slices ']')*
    mutating func primary() throws(Diagnostic) -> Expression {
        let start = position
        var value = try atom()
        var chain = 0
        defer { leaveNesting(chain) }
        while kind == .dot || kind == .leftParenthesis || kind == .leftBracket {
            if backtracking {
                guard let extended = try attempt({ (parser: inout Parser) throws(Diagnostic) -> Expression in
                    try parser.trailer(of: value, start: start)
                }) else { return value }
                value = extended
            } else {
                value = try trailer(of: value, start: start)
            }
            chain += 1
        }
        return value
    }

    /// One `.name`, call or subscript applied to `value`; takes a nesting unit.
    private mutating func trailer(of value: Expression, start: Int) throws(Diagnostic) -> Expression {
        switch kind {
        case .dot:
            advance()
            guard kind == .name else { throw syntaxError() }
            let nameToken = advance()
            let attribute = identifier(nameToken)
            if text[Int(nameToken.start)] == UInt8(ascii: "_") {
                context.deferred.salOnly(.privateAttribute(attribute, nameToken.range))
            }
            try enterNesting()
            return node(.attribute(value, name: attribute), from: start)
        case .leftParenthesis:
            let open = position
            advance()
            try enterNesting()
            bracketDepth += 1
            let arguments = try callArguments(openIndex: open)
            advance()
            bracketDepth -= 1
            return node(.call(function: value, arguments: arguments), from: start)
        default:
            advance()
            try enterNesting()
            bracketDepth += 1
            let index = try slices()
            guard kind == .rightBracket else { throw syntaxError() }
            advance()
            bracketDepth -= 1
            return node(.subscript(value, index: index), from: start)
        }
    }

    /// atom: NAME | 'True' | 'False' | 'None' | '...' | NUMBER | strings
    ///     | parenthesizedExpression | listDisplay | braceDisplay
    mutating func atom() throws(Diagnostic) -> Expression {
        let current = token
        switch current.kind {
        case .name:
            advance()
            return Expression(.name(identifier(current)), range: current.range)
        case .number:
            advance()
            return Expression(.constant(try numberConstant(current)), range: current.range)
        case .string:
            return try strings()
        case .keywordNone:
            advance()
            return Expression(.constant(.none), range: current.range)
        case .keywordTrue, .keywordFalse:
            advance()
            return Expression(.constant(.bool(current.kind == .keywordTrue)), range: current.range)
        case .ellipsis:
            advance()
            return Expression(.constant(.ellipsis), range: current.range)
        case .leftParenthesis:
            return try parenthesizedExpression()
        case .leftBracket:
            return try listDisplay()
        case .leftBrace:
            return try braceDisplay()
        default:
            throw syntaxError()
        }
    }

    /// Opens a bracketed construct: one nesting unit and one bracket level.
    private mutating func openBracket() throws(Diagnostic) {
        advance()
        try enterNesting()
        bracketDepth += 1
    }

    /// Consumes the closing bracket of a construct opened with `openBracket`.
    private mutating func closeBracket(_ closing: TokenKind) throws(Diagnostic) {
        guard kind == closing else { throw syntaxError() }
        advance()
        bracketDepth -= 1
        leaveNesting()
    }

    @inline(__always) private var atComprehension: Bool {
        kind == .keywordFor || (kind == .keywordAsync && peekKind(1) == .keywordFor)
    }

    /// parenthesizedExpression: '(' ')' | '(' yieldExpression ')' | '(' namedExpression comprehensionClauses ')'
    ///     | '(' namedExpression ')' | '(' starNamedExpression ',' [','.starNamedExpression+ [',']] ')'
    mutating func parenthesizedExpression() throws(Diagnostic) -> Expression {
        let start = position
        try openBracket()
        if kind != .rightParenthesis && kind != .keywordYield && kind != .doubleStar {
            // The common case, a group, with little on the stack: nested brackets recurse through here.
            let first = try starNamedExpression()
            if kind == .rightParenthesis, !first.isStarred {
                advance()
                bracketDepth -= 1
                leaveNesting()
                return first
            }
            return try parenthesizedRest(first: first, start: start)
        }
        return try parenthesizedRest(first: nil, start: start)
    }

    /// The rest of a parenthesized expression other than a plain group.
    @inline(never)
    private mutating func parenthesizedRest(first: Expression?, start: Int) throws(Diagnostic) -> Expression {
        if let first { return try parenthesizedAfterFirst(first, start: start) }
        if kind == .rightParenthesis {
            try closeBracket(.rightParenthesis)
            return node(.tuple([]), from: start)
        }
        if kind == .keywordYield {
            let value = try yieldExpression()
            try closeBracket(.rightParenthesis)
            return value
        }
        if kind == .doubleStar {
            let doubleStar = token
            let closes = try speculate { (parser: inout Parser) throws(Diagnostic) -> Bool in
                parser.advance()
                _ = try parser.expression()
                return parser.kind == .rightParenthesis
            } ?? false
            if closes { throw Diagnostic.doubleStarredInGroup(doubleStar.range) }
            throw syntaxError()
        }
        return try parenthesizedAfterFirst(try starNamedExpression(), start: start)
    }

    private mutating func parenthesizedAfterFirst(_ first: Expression, start: Int) throws(Diagnostic) -> Expression {
        if atComprehension {
            if case .starred = first.kind { throw Diagnostic.unpackingInComprehension(first.range) }
            let generators = try comprehensionClauses()
            try closeBracket(.rightParenthesis)
            return node(.generatorExpression(element: first, generators: generators), from: start)
        }
        if kind == .rightParenthesis {
            if case .starred = first.kind { throw Diagnostic.starredInGroup(first.range) }
            try closeBracket(.rightParenthesis)
            return first
        }
        guard kind == .comma else { throw syntaxError() }
        var elements = [first]
        while accept(.comma) {
            if kind == .rightParenthesis { break }
            elements.append(try starNamedExpression())
        }
        try closeBracket(.rightParenthesis)
        return node(.tuple(elements), from: start)
    }

    /// listDisplay: '[' [','.starNamedExpression+ [',']] ']' | '[' namedExpression comprehensionClauses ']'
    mutating func listDisplay() throws(Diagnostic) -> Expression {
        let start = position
        try openBracket()
        if kind == .rightBracket {
            try closeBracket(.rightBracket)
            return node(.list([]), from: start)
        }
        let first = try starNamedExpression()
        if atComprehension {
            if case .starred = first.kind { throw Diagnostic.unpackingInComprehension(first.range) }
            let generators = try comprehensionClauses()
            try closeBracket(.rightBracket)
            return node(.listComprehension(element: first, generators: generators), from: start)
        }
        let elements = try displayElements(first: first, closing: .rightBracket)
        try closeBracket(.rightBracket)
        return node(.list(elements), from: start)
    }

    /// The elements of a list or set display after the first; stops before the closing bracket.
    private mutating func displayElements(first: Expression, closing: TokenKind) throws(Diagnostic) -> [Expression] {
        var elements = [first]
        while kind == .comma {
            let comma = advance()
            if kind == closing { break }
            if atComprehension { throw unparenthesizedComprehensionTarget(first.range.start, comma.endLocation) }
            elements.append(try starNamedExpression())
            if atComprehension {
                throw unparenthesizedComprehensionTarget(first.range.start, elements[elements.count - 1].range.end)
            }
        }
        return elements
    }

    /// `[x, y for x, y in z]`: CPython's message, given only when comprehension clauses do follow.
    @inline(never)
    private mutating func unparenthesizedComprehensionTarget(_ start: SourceLocation, _ end: SourceLocation) -> Diagnostic {
        do throws(Diagnostic) {
            let clausesFollow = try speculate { (parser: inout Parser) throws(Diagnostic) -> Bool in
                _ = try parser.comprehensionClauses()
                return true
            } ?? false
            guard clausesFollow else { return syntaxError() }
            return .comprehensionTargetParentheses(SourceRange(start: start, end: end))
        } catch {
            return error
        }
    }

    /// braceDisplay: '{' '}' | '{' dictionaryItems '}' | '{' expression ':' expression comprehensionClauses '}'
    ///     | '{' ','.starNamedExpression+ [','] '}' | '{' namedExpression comprehensionClauses '}'
    mutating func braceDisplay() throws(Diagnostic) -> Expression {
        let start = position
        try openBracket()
        if kind == .rightBrace {
            try closeBracket(.rightBrace)
            return node(.dictionary([]), from: start)
        }
        if kind == .doubleStar {
            let doubleStar = advance()
            let mapping = try bitwiseOr()
            if atComprehension { throw Diagnostic.dictionaryUnpackingInComprehension(doubleStar.range) }
            return try dictionaryItems(start: start, first: .unpack(mapping))
        }
        let first = try starNamedExpression()
        if kind == .colon {
            if case .namedExpression = first.kind { throw syntaxError() }
            if case .starred = first.kind { throw syntaxError() }
            let value = try dictionaryValue()
            if atComprehension {
                let generators = try comprehensionClauses()
                try closeBracket(.rightBrace)
                return node(.dictionaryComprehension(key: first, value: value, generators: generators), from: start)
            }
            return try dictionaryItems(start: start, first: .pair(key: first, value: value))
        }
        if atComprehension {
            if case .starred = first.kind { throw Diagnostic.unpackingInComprehension(first.range) }
            let generators = try comprehensionClauses()
            try closeBracket(.rightBrace)
            return node(.setComprehension(element: first, generators: generators), from: start)
        }
        let elements = try displayElements(first: first, closing: .rightBrace)
        try closeBracket(.rightBrace)
        return node(.set(elements), from: start)
    }

    /// ':' expression after a dictionary key, with CPython's messages for what cannot follow.
    private mutating func dictionaryValue() throws(Diagnostic) -> Expression {
        let colon = advance()
        if kind == .rightBrace || kind == .comma { throw Diagnostic.dictionaryKeyWithoutValue(colon.range) }
        if kind == .star { throw Diagnostic.starredDictionaryValue(token.range) }
        return try expression()
    }

    /// dictionaryItems: ','.(expression ':' expression | '**' bitwiseOr)+ [',']   (the first already read)
    private mutating func dictionaryItems(start: Int, first: DictionaryItem) throws(Diagnostic) -> Expression {
        var items = [first]
        while accept(.comma) {
            if kind == .rightBrace { break }
            if accept(.doubleStar) {
                items.append(.unpack(try bitwiseOr()))
                continue
            }
            let key = try expression()
            guard kind == .colon else {
                // CPython points at the last character of the key.
                let column = max(key.range.start.column, key.range.end.column - 1)
                let location = SourceLocation(line: key.range.start.line, column: column)
                throw Diagnostic.dictionaryKeyWithoutColon(SourceRange(start: location, end: key.range.end))
            }
            items.append(.pair(key: key, value: try dictionaryValue()))
        }
        try closeBracket(.rightBrace)
        return node(.dictionary(items), from: start)
    }

    /// comprehensionClauses: ('for' starTargets 'in' disjunction ('if' disjunction)*)+
    mutating func comprehensionClauses() throws(Diagnostic) -> [Comprehension] {
        var generators: [Comprehension] = []
        while atComprehension {
            if kind == .keywordAsync { context.deferred.salOnly(.unsupportedAsync(advance().range)) }
            advance()
            let target = try loopTarget()
            let iterable = try disjunction()
            var conditions: [Expression] = []
            while accept(.keywordIf) { conditions.append(try disjunction()) }
            checkStarredTargets(target)
            generators.append(Comprehension(target: target, iterable: iterable, conditions: conditions))
        }
        return generators
    }

    /// The target of a `for` loop or comprehension clause, and the `in` after it.
    ///
    /// When either is wrong, CPython's `invalid_for_target` re-reads the target as star expressions (with its
    /// error rules on, so a missing comma or a misplaced `print` is found there) and names an invalid target.
    mutating func loopTarget() throws(Diagnostic) -> Expression {
        let targetStart = position
        var target: Expression?
        var failure: Diagnostic?
        do throws(Diagnostic) {
            target = try starTargets()
        } catch {
            guard error.isGenericSyntaxError else { throw error }
            failure = error
        }
        if let target, kind == .keywordIn, Parser.invalidTarget(in: target, .loop) == nil {
            advance()
            return target
        }
        let failurePosition = position
        let reread = try speculate { (parser: inout Parser) throws(Diagnostic) -> Expression in
            parser.position = targetStart
            parser.secondPass = true
            parser.backtracking = true
            let expressions = try parser.starExpressions()
            if let hint = parser.juxtapositionHint() { throw hint }
            return expressions
        }
        if let reread, let invalid = Parser.invalidTarget(in: reread, .loop) {
            throw Diagnostic.cannotAssign(Parser.describe(invalid), invalid.range)
        }
        assert(position == failurePosition)
        throw failure ?? syntaxError()
    }

    /// starTargets: starTarget (',' starTarget)* [',']   (loop and comprehension targets; stops before 'in')
    mutating func starTargets() throws(Diagnostic) -> Expression {
        let start = position
        let first = try starTarget()
        guard kind == .comma else { return first }
        var elements = [first]
        while accept(.comma) {
            guard kind != .keywordIn, kind.canStartExpression || kind == .star else { break }
            elements.append(try starTarget())
        }
        return node(.tuple(elements), from: start)
    }

    /// starTarget: '*' starTarget | primary   (checked afterwards to be assignable)
    mutating func starTarget() throws(Diagnostic) -> Expression {
        guard kind == .star else { return try primary() }
        let start = position
        advance()
        try enterNesting()
        defer { leaveNesting() }
        let value = try starTarget()
        return node(.starred(value), from: start)
    }

    /// slices: slice !',' | ','.(slice | starExpression)+ [',']
    mutating func slices() throws(Diagnostic) -> Expression {
        let start = position
        let first = kind == .star ? try starExpression() : try slice()
        guard kind == .comma else {
            if case .starred = first.kind { return node(.tuple([first]), from: start) }
            return first
        }
        var elements = [first]
        while accept(.comma) {
            if kind == .rightBracket { break }
            elements.append(kind == .star ? try starExpression() : try slice())
        }
        return node(.tuple(elements), from: start)
    }

    /// slice: [expression] ':' [expression] [':' [expression]] | namedExpression
    mutating func slice() throws(Diagnostic) -> Expression {
        let start = position
        var lower: Expression?
        if kind != .colon {
            let value = try namedExpression()
            guard kind == .colon else { return value }
            lower = value
        }
        advance()
        let upper = sliceBoundFollows ? try expression() : nil
        var step: Expression?
        if accept(.colon), sliceBoundFollows { step = try expression() }
        return node(.slice(lower: lower, upper: upper, step: step), from: start)
    }

    private var sliceBoundFollows: Bool {
        kind != .colon && kind != .comma && kind != .rightBracket
    }

    /// callArguments: ','.argument+ [','] | namedExpression comprehensionClauses   (stops before ')')
    /// argument: '*' expression | '**' expression | NAME '=' expression | namedExpression
    ///
    /// A generator expression as sole argument takes the call's parentheses as its own range.
    mutating func callArguments(openIndex: Int) throws(Diagnostic) -> [Argument] {
        var arguments: [Argument] = []
        var sawKeyword = false
        var sawKeywordUnpacking = false
        var misplacedPositional: Diagnostic?
        var keywords: [String] = []
        while kind != .rightParenthesis {
            let argumentStart = position
            switch kind {
            case .star:
                let star = advance()
                let value = try expression()
                if sawKeywordUnpacking { throw Diagnostic.iterableUnpackingAfterKeywordUnpacking(star.range) }
                arguments.append(.starred(value))
            case .doubleStar:
                advance()
                arguments.append(.doubleStarred(try expression()))
                sawKeywordUnpacking = true
            case .name where peekKind(1) == .equal:
                let nameToken = advance()
                let keyword = identifier(nameToken)
                let equal = advance()
                let value = try expression()
                if atComprehension {
                    throw Diagnostic.maybeComparisonOrWalrus(SourceRange(start: nameToken.startLocation,
                                                                         end: equal.endLocation))
                }
                if keywords.contains(keyword) {
                    context.deferred.compiler(.keywordArgumentRepeated(keyword, range(from: argumentStart)))
                }
                keywords.append(keyword)
                arguments.append(.keyword(name: keyword, value: value))
                sawKeyword = true
            case .keywordTrue where peekKind(1) == .equal, .keywordFalse where peekKind(1) == .equal,
                 .keywordNone where peekKind(1) == .equal:
                let constant = token
                let spelling = constant.kind == .keywordTrue ? "True" : constant.kind == .keywordFalse ? "False" : "None"
                throw Diagnostic.cannotAssign(spelling, SourceRange(start: constant.startLocation,
                                                                    end: tokens[position + 1].endLocation))
            default:
                let value: Expression
                if kind == .name && peekKind(1) == .colonEqual {
                    value = try namedExpression()
                } else {
                    value = try expression()
                    if kind == .colonEqual { throw Diagnostic.namedExpressionTarget(Parser.describe(value), value.range) }
                }
                if atComprehension {
                    let generators = try comprehensionClauses()
                    if arguments.isEmpty && kind == .rightParenthesis {
                        let range = SourceRange(start: tokens[openIndex].startLocation, end: token.endLocation)
                        return [.positional(Expression(.generatorExpression(element: value, generators: generators),
                                                       range: range))]
                    }
                    let last = generators[generators.count - 1]
                    let end = (last.conditions.last ?? last.iterable).range.end
                    throw Diagnostic.unparenthesizedGenerator(SourceRange(start: value.range.start, end: end))
                }
                if kind == .equal {
                    throw Diagnostic.assignmentInArgument(SourceRange(start: value.range.start, end: token.endLocation))
                }
                if misplacedPositional == nil && (sawKeyword || sawKeywordUnpacking) {
                    // CPython reports this once the whole argument list is read, at the token after it.
                    misplacedPositional = sawKeywordUnpacking ? .positionalAfterKeywordUnpacking(value.range)
                        : .positionalAfterKeyword(value.range)
                }
                arguments.append(.positional(value))
            }
            assert(position > argumentStart, "an argument consumed no token")
            guard accept(.comma) else { break }
        }
        if var misplacedPositional {
            misplacedPositional.range = token.range
            throw misplacedPositional
        }
        guard kind == .rightParenthesis else { throw syntaxError() }
        return arguments
    }
}
