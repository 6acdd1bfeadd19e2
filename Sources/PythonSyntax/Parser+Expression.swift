extension Parser {
    /// starExpressions: starExpression (',' starExpression)* [',']   -- a tuple when a comma appears
    mutating func starExpressions() throws(Diagnostic) -> Expression {
        let start = position
        let first = try starExpression()
        guard kind == .comma else { return first }
        var elements = [first]
        while kind == .comma {
            advance()
            guard kind.canStartExpression || kind == .star else { break }
            if backtracking {
                guard let element = try attempt({ (parser: inout Parser) throws(Diagnostic) in try parser.starExpression() })
                else { break }
                elements.append(element)
            } else {
                elements.append(try starExpression())
            }
        }
        return node(.tuple(elements), from: start)
    }

    /// starExpression: '*' bitwiseOr | expression
    mutating func starExpression() throws(Diagnostic) -> Expression {
        guard kind == .star else { return try expression() }
        return try starredBitwiseOr()
    }

    /// starNamedExpression: '*' bitwiseOr | namedExpression
    mutating func starNamedExpression() throws(Diagnostic) -> Expression {
        guard kind == .star else { return try namedExpression() }
        return try starredBitwiseOr()
    }

    private mutating func starredBitwiseOr() throws(Diagnostic) -> Expression {
        let start = position
        advance()
        try enterNesting()
        defer { leaveNesting() }
        let value = try bitwiseOr()
        return node(.starred(value), from: start)
    }

    /// yieldExpression: 'yield' 'from' expression | 'yield' [starExpressions]   (parsed, then refused)
    mutating func yieldExpression() throws(Diagnostic) -> Expression {
        let start = position
        advance()
        if accept(.keywordFrom) {
            _ = try expression()
        } else if kind.canStartExpression || kind == .star {
            _ = try starExpressions()
        }
        let yieldRange = range(from: start)
        if context.functionDepth == 0 && context.lambdaDepth == 0 {
            context.deferred.compiler(.yieldOutsideFunction(yieldRange))
        }
        context.deferred.salOnly(.unsupportedYield(yieldRange))
        return Expression(.constant(.none), range: yieldRange)
    }

    /// namedExpression: NAME ':=' expression | expression !':='
    mutating func namedExpression() throws(Diagnostic) -> Expression {
        if kind == .name && peekKind(1) == .colonEqual { return try assignmentExpression() }
        let start = position
        let value = try expression()
        if kind == .colonEqual || kind == .equal { throw misplacedAssignmentAfter(value, start: start) }
        return value
    }

    /// `name := value`.
    @inline(never)
    private mutating func assignmentExpression() throws(Diagnostic) -> Expression {
        let start = position
        let target = identifier(advance())
        advance()
        let value = try expression()
        return node(.namedExpression(target: target, value: value), from: start)
    }

    /// The error for ':=' or '=' after a named expression that is not a plain name before ':='.
    @inline(never)
    private mutating func misplacedAssignmentAfter(_ value: Expression, start: Int) -> Diagnostic {
        guard kind == .colonEqual else { return misplacedAssignment(elementStart: start) ?? syntaxError() }
        // CPython's rule wants an expression after the ':='.
        do throws(Diagnostic) {
            let valueFollows = try speculate { (parser: inout Parser) throws(Diagnostic) -> Bool in
                parser.advance()
                _ = try parser.expression()
                return true
            } ?? false
            return valueFollows ? .namedExpressionTarget(Parser.describe(value), value.range) : syntaxError()
        } catch {
            return error
        }
    }

    /// `if x = 1:`, `[a + 1 = 2]`: CPython's `invalid_named_expression` for the element starting at token
    /// `elementStart`, the current token being '='. Nil when neither of its alternatives matches.
    @inline(never)
    mutating func misplacedAssignment(elementStart: Int, equalIndex: Int? = nil) -> Diagnostic? {
        do throws(Diagnostic) {
            return try misplacedAssignmentCheck(elementStart: elementStart, equalIndex: equalIndex ?? position)
        } catch {
            return error
        }
    }

    private mutating func misplacedAssignmentCheck(elementStart: Int, equalIndex: Int) throws(Diagnostic) -> Diagnostic? {
        // Both alternatives need `'=' bitwise_or !('=' | ':=')`.
        guard let valueEnd = try speculate({ (parser: inout Parser) throws(Diagnostic) -> SourceLocation? in
            parser.position = equalIndex
            parser.backtracking = true
            parser.advance()
            _ = try parser.bitwiseOr()
            if parser.kind == .equal || parser.kind == .colonEqual { return nil }
            return parser.tokens[parser.position - 1].endLocation
        }) ?? nil else { return nil }
        if elementStart == equalIndex - 1 && tokens[elementStart].kind == .name {
            return .maybeComparisonOrWalrus(SourceRange(start: tokens[elementStart].startLocation, end: valueEnd))
        }
        switch tokens[elementStart].kind {
        case .keywordTrue, .keywordFalse, .keywordNone:
            return nil
        case .leftBracket, .leftParenthesis:
            if try startsWithDisplay(at: elementStart) { return nil }
        default:
            break
        }
        guard let target = try speculate({ (parser: inout Parser) throws(Diagnostic) -> Expression? in
            parser.position = elementStart
            parser.backtracking = true
            let element = try parser.bitwiseOr()
            return parser.position == equalIndex ? element : nil
        }) ?? nil else { return nil }
        return .cannotAssignMaybeComparison(Parser.describe(target), target.range)
    }

    /// Whether a list display, a tuple or a generator expression starts at token `index`
    /// (CPython's lookahead `!(list | tuple | genexp)`).
    @inline(never)
    private mutating func startsWithDisplay(at index: Int) throws(Diagnostic) -> Bool {
        try speculate { (parser: inout Parser) throws(Diagnostic) -> Bool in
            parser.position = index
            let atom = try parser.atom()
            switch atom.kind {
            case .list: return true
            case .tuple, .generatorExpression: return atom.range.start == parser.tokens[index].startLocation
            default: return false
            }
        } ?? false
    }

    /// expression: disjunction ['if' disjunction 'else' expression] | lambdaExpression
    mutating func expression() throws(Diagnostic) -> Expression {
        if kind == .keywordLambda { return try lambdaExpression() }
        let start = position
        if (kind == .name || kind == .number) && peekKind(1).endsExpression {
            // A lone name or number (most expressions in these programs) skips the precedence levels.
            let value = try atom()
            lastDisjunction = (start, position, value.range.start)
            return value
        }
        if secondPass && kind == .name, let diagnostic = legacyStatementAtExpressionStart() { throw diagnostic }
        let body = try disjunction()
        guard kind == .keywordIf else {
            lastDisjunction = (start, position, body.range.start)
            return body
        }
        return try conditionalTail(body: body, start: start)
    }

    /// `body if test else orElse` once `if` is seen; out of line to keep `expression`'s frame small.
    @inline(never)
    private mutating func conditionalTail(body: Expression, start: Int) throws(Diagnostic) -> Expression {
        let ifIndex = position
        if backtracking {
            return try attempt { (parser: inout Parser) throws(Diagnostic) -> Expression in
                try parser.conditionalExpression(body: body, start: start)
            } ?? body
        }
        do throws(Diagnostic) {
            return try conditionalExpression(body: body, start: start)
        } catch {
            guard error.isGenericSyntaxError, let end = try testEndWithoutElse(ifIndex: ifIndex) else { throw error }
            throw Diagnostic.expectedElse(SourceRange(start: body.range.start, end: end))
        }
    }

    /// The rest of `body 'if' disjunction 'else' expression`; the current token is `if`.
    private mutating func conditionalExpression(body: Expression, start: Int) throws(Diagnostic) -> Expression {
        advance()
        let test = try disjunction()
        guard kind == .keywordElse else {
            if kind == .colon { throw syntaxError() }
            throw Diagnostic.expectedElse(SourceRange(start: body.range.start, end: test.range.end))
        }
        advance()
        try enterNesting()
        let orElse = try expression()
        leaveNesting()
        return node(.conditional(test: test, body: body, orElse: orElse), from: start)
    }

    /// When the condition after `if` fails to parse: CPython's `invalid_expression` reads the longest
    /// condition it can and, if no `else` (or ':') follows, reports "expected 'else'" up to its end.
    @inline(never)
    private mutating func testEndWithoutElse(ifIndex: Int) throws(Diagnostic) -> SourceLocation? {
        try speculate { (parser: inout Parser) throws(Diagnostic) -> SourceLocation? in
            parser.position = ifIndex + 1
            parser.backtracking = true
            _ = try parser.disjunction()
            if parser.kind == .keywordElse || parser.kind == .colon { return nil }
            return parser.tokens[parser.position - 1].endLocation
        } ?? nil
    }

    /// `print x` at the start of an expression, which CPython's second pass rejects even in valid code.
    @inline(never)
    private mutating func legacyStatementAtExpressionStart() -> Diagnostic? {
        guard tokenSpells(position, "print") || tokenSpells(position, "exec") else { return nil }
        let next = peekKind(1)
        guard next != .leftParenthesis, next.canStartExpression || next == .star else { return nil }
        let nameToken = token
        do throws(Diagnostic) {
            // A refined error inside wins: for `print print 1` CPython reports the inner `print`.
            guard let end = try speculate({ (parser: inout Parser) throws(Diagnostic) -> SourceLocation in
                parser.advance()
                try parser.enterNesting()
                _ = try parser.starExpressions()
                return parser.tokens[parser.position - 1].endLocation
            }) else { return nil }
            let name = string(Int(nameToken.start), Int(nameToken.end))
            return .missingParenthesesInCall(name, SourceRange(start: nameToken.startLocation, end: end))
        } catch {
            return error
        }
    }

    /// lambdaExpression: 'lambda' [lambdaParameters] ':' expression
    mutating func lambdaExpression() throws(Diagnostic) -> Expression {
        let start = position
        advance()
        let parameters = kind == .colon ? Parameters() : try self.parameters(forLambda: true)
        guard kind == .colon else { throw syntaxError() }
        advance()
        try enterNesting()
        context.lambdaDepth += 1
        let wasInsideAsyncFunction = context.insideAsyncFunction
        context.insideAsyncFunction = false
        let body = try expression()
        context.insideAsyncFunction = wasInsideAsyncFunction
        context.lambdaDepth -= 1
        leaveNesting()
        return node(.lambda(parameters, body: body), from: start)
    }

    /// disjunction: conjunction ('or' conjunction)*
    mutating func disjunction() throws(Diagnostic) -> Expression {
        let start = position
        let first = try conjunction()
        guard kind == .keywordOr else { return first }
        var operands = [first]
        while kind == .keywordOr,
              let next = try operand(nests: false, { (parser: inout Parser) throws(Diagnostic) in try parser.conjunction() }) {
            operands.append(next)
        }
        if operands.count == 1 { return first }
        return node(.boolean(.or, operands), from: start)
    }

    /// conjunction: inversion ('and' inversion)*
    mutating func conjunction() throws(Diagnostic) -> Expression {
        let start = position
        let first = try inversion()
        guard kind == .keywordAnd else { return first }
        var operands = [first]
        while kind == .keywordAnd,
              let next = try operand(nests: false, { (parser: inout Parser) throws(Diagnostic) in try parser.inversion() }) {
            operands.append(next)
        }
        if operands.count == 1 { return first }
        return node(.boolean(.and, operands), from: start)
    }

    /// inversion: 'not' inversion | comparison   (a run of `not`s is read in a loop)
    mutating func inversion() throws(Diagnostic) -> Expression {
        guard kind == .keywordNot else { return try comparison() }
        let first = position
        while accept(.keywordNot) { try enterNesting() }
        let count = position - first
        var result = try comparison()
        let end = tokens[position - 1].endLocation
        for index in stride(from: first + count - 1, through: first, by: -1) {
            result = Expression(.unary(.not, result), range: SourceRange(start: tokens[index].startLocation, end: end))
        }
        leaveNesting(count)
        return result
    }

    /// comparison: bitwiseOr (comparisonOperator bitwiseOr)*
    /// comparisonOperator: '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in' | 'is' | 'is' 'not'
    mutating func comparison() throws(Diagnostic) -> Expression {
        let start = position
        let left = try bitwiseOr()
        guard var op = comparisonOperator() else { return left }
        var comparisons: [Comparison] = []
        while true {
            let twoTokens = op == .notIn || op == .isNot
            guard let right = try operand(nests: false, { (parser: inout Parser) throws(Diagnostic) in
                if twoTokens { parser.advance() }
                return try parser.bitwiseOr()
            }) else { break }
            comparisons.append(Comparison(op: op, right: right))
            guard let next = comparisonOperator() else { break }
            op = next
        }
        if comparisons.isEmpty { return left }
        return node(.compare(left, comparisons), from: start)
    }

    private mutating func comparisonOperator() -> ComparisonOperator? {
        switch kind {
        case .equalEqual: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterOrEqual
        case .keywordIn: return .in
        case .keywordNot:
            if peekKind(1) == .keywordIn { return .notIn }
            lookedPastNot = position
            return nil
        case .keywordIs: return peekKind(1) == .keywordNot ? .isNot : .is
        default: return nil
        }
    }

    /// bitwiseOr: bitwiseXor ('|' bitwiseXor)*
    mutating func bitwiseOr() throws(Diagnostic) -> Expression {
        let start = position
        var left = try bitwiseXor()
        var chain = 0
        defer { leaveNesting(chain) }
        while kind == .verticalBar {
            guard let right = try operand({ (parser: inout Parser) throws(Diagnostic) in try parser.bitwiseXor() }) else {
                break
            }
            chain += 1
            left = node(.binary(.bitOr, left, right), from: start)
        }
        return left
    }

    /// bitwiseXor: bitwiseAnd ('^' bitwiseAnd)*
    mutating func bitwiseXor() throws(Diagnostic) -> Expression {
        let start = position
        var left = try bitwiseAnd()
        var chain = 0
        defer { leaveNesting(chain) }
        while kind == .circumflex {
            guard let right = try operand({ (parser: inout Parser) throws(Diagnostic) in try parser.bitwiseAnd() }) else {
                break
            }
            chain += 1
            left = node(.binary(.bitXor, left, right), from: start)
        }
        return left
    }

    /// bitwiseAnd: shiftExpression ('&' shiftExpression)*
    mutating func bitwiseAnd() throws(Diagnostic) -> Expression {
        let start = position
        var left = try shiftExpression()
        var chain = 0
        defer { leaveNesting(chain) }
        while kind == .ampersand {
            guard let right = try operand({ (parser: inout Parser) throws(Diagnostic) in try parser.shiftExpression() }) else {
                break
            }
            chain += 1
            left = node(.binary(.bitAnd, left, right), from: start)
        }
        return left
    }

    /// shiftExpression: sum (('<<' | '>>') sum)*
    mutating func shiftExpression() throws(Diagnostic) -> Expression {
        let start = position
        var left = try sum()
        var chain = 0
        defer { leaveNesting(chain) }
        while kind == .leftShift || kind == .rightShift {
            let op: BinaryOperator = kind == .leftShift ? .leftShift : .rightShift
            guard let right = try operand({ (parser: inout Parser) throws(Diagnostic) in try parser.sum() }) else {
                break
            }
            chain += 1
            left = node(.binary(op, left, right), from: start)
        }
        return left
    }

    /// sum: term (('+' | '-') term)*
    mutating func sum() throws(Diagnostic) -> Expression {
        let start = position
        var left = try term()
        var chain = 0
        defer { leaveNesting(chain) }
        while kind == .plus || kind == .minus {
            let op: BinaryOperator = kind == .plus ? .add : .subtract
            guard let right = try operand({ (parser: inout Parser) throws(Diagnostic) in try parser.term() }) else {
                break
            }
            chain += 1
            left = node(.binary(op, left, right), from: start)
        }
        return left
    }

    /// term: factor (('*' | '/' | '//' | '%' | '@') factor)*
    mutating func term() throws(Diagnostic) -> Expression {
        let start = position
        var left = try factor()
        var chain = 0
        defer { leaveNesting(chain) }
        while true {
            let op: BinaryOperator
            switch kind {
            case .star: op = .multiply
            case .slash: op = .trueDivide
            case .doubleSlash: op = .floorDivide
            case .percent: op = .modulo
            case .at: op = .matrixMultiply
            default: return left
            }
            guard let right = try operand({ (parser: inout Parser) throws(Diagnostic) in try parser.factor() }) else {
                return left
            }
            chain += 1
            left = node(.binary(op, left, right), from: start)
        }
    }

    /// factor: ('+' | '-' | '~') factor | power   (a run of prefix operators is read in a loop)
    mutating func factor() throws(Diagnostic) -> Expression {
        let first = position
        while kind == .plus || kind == .minus || kind == .tilde {
            advance()
            try enterNesting()
        }
        let count = position - first
        var result = try power()
        guard count > 0 else { return result }
        let end = tokens[position - 1].endLocation
        for index in stride(from: first + count - 1, through: first, by: -1) {
            let op: UnaryOperator = switch tokens[index].kind {
            case .plus: .plus
            case .minus: .negate
            default: .invert
            }
            result = Expression(.unary(op, result), range: SourceRange(start: tokens[index].startLocation, end: end))
        }
        leaveNesting(count)
        return result
    }

    /// power: awaitPrimary ['**' factor]
    mutating func power() throws(Diagnostic) -> Expression {
        let start = position
        let base = try awaitPrimary()
        guard kind == .doubleStar,
              let exponent = try operand({ (parser: inout Parser) throws(Diagnostic) in try parser.factor() })
        else { return base }
        leaveNesting()
        return node(.binary(.power, base, exponent), from: start)
    }

    /// awaitPrimary: 'await' primary | primary
    ///
    /// `await` is only valid inside `async def`, which sal refuses; elsewhere CPython's compiler rejects it.
    mutating func awaitPrimary() throws(Diagnostic) -> Expression {
        guard kind == .keywordAwait else { return try primary() }
        return try awaitExpression()
    }

    /// `await primary`, kept out of line: it is rare and `awaitPrimary` lies on every expression's path.
    @inline(never)
    private mutating func awaitExpression() throws(Diagnostic) -> Expression {
        let start = position
        advance()
        try enterNesting()
        defer { leaveNesting() }
        let value = try primary()
        if context.functionDepth == 0 && context.lambdaDepth == 0 {
            context.deferred.compiler(.awaitOutsideFunction(range(from: start)))
        } else if !context.insideAsyncFunction {
            context.deferred.compiler(.awaitOutsideAsyncFunction(range(from: start)))
        }
        return value
    }
}
