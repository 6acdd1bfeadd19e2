extension Parser {
    /// parameters: ','.parameterItem+ [',']
    /// parameterItem: '/' | '*' [parameter] | '**' parameter | parameter ['=' expression]
    /// parameter: NAME [':' expression]   (no annotations in lambdas)
    ///
    /// The grammar is flat; the order CPython requires (positional-only, `/`, positional, `*`, keyword-only,
    /// `**`) is checked here with CPython's messages. Stops before ')' (or ':' for a lambda).
    mutating func parameters(forLambda: Bool) throws(Diagnostic) -> Parameters {
        let terminator: TokenKind = forLambda ? .colon : .rightParenthesis
        var result = Parameters()
        var sawDefault = false
        var sawSlash = false
        var star: Token?
        var sawVarKeywords = false
        var names: [String] = []
        func checkDuplicate(_ parameter: Parameter, in parser: inout Parser) {
            if names.contains(parameter.name) {
                parser.context.deferred.symbolTable(.duplicateArgument(parameter.name, parameter.range))
            }
            names.append(parameter.name)
        }
        while true {
            let before = position
            switch kind {
            case .slash:
                if result.positional.isEmpty && !sawSlash && star == nil && !sawVarKeywords {
                    // CPython's rule for this message wants a comma after the slash.
                    if peekKind(1) == .comma { throw Diagnostic.slashWithoutParameters(token.range) }
                    throw syntaxError()
                }
                let slash = advance()
                if sawSlash { throw Diagnostic.slashTwice(slash.range) }
                if star != nil || sawVarKeywords { throw Diagnostic.slashAfterStar(slash.range) }
                sawSlash = true
                result.positionalOnly = result.positional
                result.positional = []
            case .star:
                let starToken = advance()
                if sawVarKeywords { throw Diagnostic.parameterAfterVarKeyword(starToken.range) }
                if star != nil { throw Diagnostic.starTwice(starToken.range) }
                star = starToken
                if kind == .name {
                    let parameter = try self.parameter(annotated: !forLambda)
                    if kind == .equal { throw Diagnostic.varPositionalDefault(token.range) }
                    checkDuplicate(parameter, in: &self)
                    result.varArgs = parameter
                } else if kind == terminator || (kind == .comma && (peekKind(1) == terminator || peekKind(1) == .doubleStar)) {
                    // For a lambda CPython reports this at the token that settled it.
                    let range = !forLambda ? starToken.range : kind == terminator ? token.range : tokens[position + 1].range
                    throw Diagnostic.bareStar(range)
                } else if kind != .comma {
                    throw syntaxError()
                }
            case .doubleStar:
                let doubleStar = advance()
                if sawVarKeywords { throw Diagnostic.parameterAfterVarKeyword(doubleStar.range) }
                let parameter = try self.parameter(annotated: !forLambda)
                if kind == .equal { throw Diagnostic.varKeywordDefault(token.range) }
                checkDuplicate(parameter, in: &self)
                result.varKeywords = parameter
                sawVarKeywords = true
            case .name:
                if sawVarKeywords { throw Diagnostic.parameterAfterVarKeyword(token.range) }
                var parameter = try self.parameter(annotated: !forLambda)
                if kind == .equal {
                    let equal = advance()
                    if kind == .comma || kind == terminator { throw Diagnostic.expectedDefaultValue(equal.range) }
                    parameter.defaultValue = try expression()
                }
                checkDuplicate(parameter, in: &self)
                if star != nil {
                    result.keywordOnly.append(parameter)
                } else {
                    if parameter.defaultValue == nil && sawDefault {
                        throw Diagnostic.nonDefaultAfterDefault(parameter.range)
                    }
                    sawDefault = sawDefault || parameter.defaultValue != nil
                    result.positional.append(parameter)
                }
            case .leftParenthesis:
                throw parenthesizedParameters(forLambda: forLambda)
            default:
                throw syntaxError()
            }
            assert(position > before, "a parameter consumed no token")
            guard accept(.comma) else { break }
            if kind == terminator { break }
        }
        return result
    }

    /// parameter: NAME [':' expression]
    mutating func parameter(annotated: Bool) throws(Diagnostic) -> Parameter {
        let start = position
        let parameterName = try name()
        var annotation: Expression?
        if annotated && accept(.colon) { annotation = try expression() }
        return Parameter(name: parameterName, annotation: annotation, defaultValue: nil, range: range(from: start))
    }

    /// `def f(a, (b, c))`: CPython's message when the parentheses hold plain names, else the generic error.
    @inline(never)
    private mutating func parenthesizedParameters(forLambda: Bool) -> Diagnostic {
        let open = token
        let close = (try? speculate(refinedErrorsIgnored: true) { (parser: inout Parser) throws(Diagnostic) -> Token? in
            parser.advance()
            repeat {
                guard parser.kind == .name else { return nil }
                parser.advance()
            } while parser.accept(.comma) && parser.kind != .rightParenthesis
            return parser.kind == .rightParenthesis ? parser.token : nil
        }) ?? nil
        guard let close else { return syntaxError() }
        return .parenthesizedParameters(forLambda ? "Lambda expression" : "Function",
                                        SourceRange(start: open.startLocation, end: close.endLocation))
    }
}
