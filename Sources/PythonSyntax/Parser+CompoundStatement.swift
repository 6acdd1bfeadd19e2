extension Parser {
    /// compoundStatement: functionDefinition | ifStatement | whileStatement | forStatement | tryStatement
    ///     | classDefinition | withStatement | asyncStatement | decoratedDefinition
    mutating func compoundStatement() throws(Diagnostic) -> Statement {
        switch kind {
        case .keywordDef: return try functionDefinition()
        case .keywordIf: return try ifStatement()
        case .keywordWhile: return try whileStatement()
        case .keywordFor: return try forStatement()
        case .keywordTry: return try tryStatement()
        case .keywordClass: return try classDefinition()
        case .keywordWith: return try withStatement()
        case .keywordAsync: return try asyncStatement()
        case .at: return try decoratedDefinition()
        default: throw syntaxError()
        }
    }

    /// block: NEWLINE INDENT statements DEDENT | simpleStatements
    ///
    /// `construct` names the statement for CPython's "expected an indented block after ..." message.
    mutating func block(after construct: String, line: Int32) throws(Diagnostic) -> [Statement] {
        var body: [Statement] = []
        guard kind == .newline else {
            try simpleStatements(into: &body)
            return body
        }
        advance()
        guard kind == .indent else {
            throw Diagnostic.expectedIndentedBlock(after: construct, line: line, token.range)
        }
        advance()
        repeat {
            let before = position
            try statement(into: &body)
            assert(position > before, "a statement consumed no token")
        } while kind != .dedent
        advance()
        return body
    }

    /// After an `if`, `elif`, `while`, `for`, `with` or `class` header: a line break where ':' belongs is
    /// "expected ':'", anything else the generic error.
    mutating func headerColon() throws(Diagnostic) {
        if accept(.colon) { return }
        if kind == .newline { throw Diagnostic.expectedColon(token.range) }
        throw syntaxError()
    }

    /// After `else`, `try`, `finally` and a `def` header CPython insists on ':' (its `&&':'`).
    mutating func requiredColon() throws(Diagnostic) {
        guard accept(.colon) else { throw Diagnostic.expectedColon(token.range) }
    }

    /// Parses a block that is the body of a loop: `break` and `continue` are allowed in it.
    private mutating func loopBody(after construct: String, line: Int32) throws(Diagnostic) -> [Statement] {
        let wasInsideLoop = context.insideLoop
        context.insideLoop = true
        defer { context.insideLoop = wasInsideLoop }
        return try block(after: construct, line: line)
    }

    /// functionDefinition: 'def' NAME '(' [parameters] ')' ['->' expression] ':' block
    mutating func functionDefinition(isAsync: Bool = false) throws(Diagnostic) -> Statement {
        let start = position
        let keyword = advance()
        let functionName = try name()
        guard kind == .leftParenthesis else { throw Diagnostic.expectedOpeningParenthesis(token.range) }
        advance()
        bracketDepth += 1
        let parameters = kind == .rightParenthesis ? Parameters() : try self.parameters(forLambda: false)
        guard kind == .rightParenthesis else { throw syntaxError() }
        advance()
        bracketDepth -= 1
        var returns: Expression?
        if accept(.arrow) { returns = try expression() }
        try requiredColon()
        let wasInsideLoop = context.insideLoop
        let wasInsideAsyncFunction = context.insideAsyncFunction
        context.insideLoop = false
        context.insideAsyncFunction = isAsync
        context.functionDepth += 1
        let body = try block(after: "function definition", line: keyword.line)
        context.functionDepth -= 1
        context.insideLoop = wasInsideLoop
        context.insideAsyncFunction = wasInsideAsyncFunction
        let definition = FunctionDefinition(name: functionName, parameters: parameters, body: body, returns: returns)
        return Statement(.functionDefinition(definition), range: statementRange(from: start, through: body))
    }

    /// ifStatement: 'if' namedExpression ':' block (elifStatement | [elseBlock])
    /// elifStatement: 'elif' namedExpression ':' block (elifStatement | [elseBlock])
    mutating func ifStatement() throws(Diagnostic) -> Statement {
        let start = position
        let keyword = advance()
        let test = try namedExpression()
        try headerColon()
        let construct = keyword.kind == .keywordIf ? "'if' statement" : "'elif' statement"
        let body = try block(after: construct, line: keyword.line)
        var orElse: [Statement] = []
        if kind == .keywordElif {
            try enterNesting()
            orElse = [try ifStatement()]
            leaveNesting()
        } else if kind == .keywordElse {
            orElse = try elseBlock()
        }
        return Statement(.if(test: test, body: body, orElse: orElse),
                         range: statementRange(from: start, through: orElse.isEmpty ? body : orElse))
    }

    /// elseBlock: 'else' ':' block
    mutating func elseBlock() throws(Diagnostic) -> [Statement] {
        let keyword = advance()
        try requiredColon()
        return try block(after: "'else' statement", line: keyword.line)
    }

    /// whileStatement: 'while' namedExpression ':' block [elseBlock]
    mutating func whileStatement() throws(Diagnostic) -> Statement {
        let start = position
        let keyword = advance()
        let test = try namedExpression()
        try headerColon()
        let body = try loopBody(after: "'while' statement", line: keyword.line)
        let orElse = kind == .keywordElse ? try elseBlock() : []
        return Statement(.while(test: test, body: body, orElse: orElse),
                         range: statementRange(from: start, through: orElse.isEmpty ? body : orElse))
    }

    /// forStatement: 'for' starTargets 'in' starExpressions ':' block [elseBlock]
    mutating func forStatement() throws(Diagnostic) -> Statement {
        let start = position
        let keyword = advance()
        let target = try loopTarget()
        let iterable = try starExpressions()
        try headerColon()
        checkNotBareStarred(iterable)
        checkStarredTargets(target)
        let body = try loopBody(after: "'for' statement", line: keyword.line)
        let orElse = kind == .keywordElse ? try elseBlock() : []
        return Statement(.for(target: target, iterable: iterable, body: body, orElse: orElse),
                         range: statementRange(from: start, through: orElse.isEmpty ? body : orElse))
    }

    /// tryStatement: 'try' ':' block (finallyBlock | exceptBlock+ [elseBlock] [finallyBlock])
    /// finallyBlock: 'finally' ':' block
    mutating func tryStatement() throws(Diagnostic) -> Statement {
        let start = position
        let keyword = advance()
        try requiredColon()
        let body = try block(after: "'try' statement", line: keyword.line)
        var handlers: [ExceptHandler] = []
        while kind == .keywordExcept { handlers.append(try exceptBlock()) }
        if handlers.isEmpty && kind != .keywordFinally {
            throw Diagnostic.expectedExceptOrFinally(token.range)
        }
        for handler in handlers.dropLast() where handler.type == nil {
            context.deferred.compiler(.defaultExceptNotLast(handler.range))
            break
        }
        var orElse: [Statement] = []
        if !handlers.isEmpty && kind == .keywordElse { orElse = try elseBlock() }
        var finalBody: [Statement] = []
        if kind == .keywordFinally {
            let finallyKeyword = advance()
            try requiredColon()
            finalBody = try block(after: "'finally' statement", line: finallyKeyword.line)
        }
        let last = !finalBody.isEmpty ? finalBody : !orElse.isEmpty ? orElse : handlers.last?.body ?? body
        return Statement(.try(body: body, handlers: handlers, orElse: orElse, finally: finalBody),
                         range: statementRange(from: start, through: last))
    }

    /// exceptBlock: 'except' [expression ['as' NAME]] ':' block
    mutating func exceptBlock() throws(Diagnostic) -> ExceptHandler {
        let start = position
        let keyword = advance()
        if kind == .star {
            context.deferred.salOnly(.unsupportedExceptionGroup(SourceRange(start: keyword.startLocation,
                                                                            end: token.endLocation)))
            advance()
        }
        var type: Expression?
        var name: String?
        if kind != .colon {
            if kind == .newline { throw Diagnostic.expectedColon(token.range) }
            let exceptionType = try expression()
            if kind == .comma {
                if let end = try unparenthesizedExceptionTypesEnd() {
                    throw Diagnostic.unparenthesizedExceptionTypes(SourceRange(start: exceptionType.range.start, end: end))
                }
                throw syntaxError()
            }
            type = exceptionType
            if accept(.keywordAs) { name = try self.name() }
            if kind == .newline { throw Diagnostic.expectedColon(token.range) }
        }
        try expect(.colon)
        let body = try block(after: "'except' statement", line: keyword.line)
        return ExceptHandler(type: type, name: name, body: body, range: statementRange(from: start, through: body))
    }

    /// `except A, B:` (Python 2): where CPython's `invalid_except_stmt` ends, if it matches.
    @inline(never)
    private mutating func unparenthesizedExceptionTypesEnd() throws(Diagnostic) -> SourceLocation? {
        try speculate { (parser: inout Parser) throws(Diagnostic) -> SourceLocation? in
            while parser.accept(.comma) { _ = try parser.expression() }
            if parser.accept(.keywordAs) { _ = try parser.name() }
            guard parser.kind == .colon else { return nil }
            return parser.token.endLocation
        } ?? nil
    }

    /// classDefinition: 'class' NAME ['(' [arguments] ')'] ':' block   (parsed, then refused)
    mutating func classDefinition() throws(Diagnostic) -> Statement {
        let start = position
        let keyword = advance()
        _ = try name()
        if kind == .leftParenthesis {
            let open = position
            advance()
            bracketDepth += 1
            _ = try callArguments(openIndex: open)
            advance()
            bracketDepth -= 1
        }
        try headerColon()
        context.deferred.salOnly(.unsupportedClass(range(from: start)))
        let wasInsideLoop = context.insideLoop
        let functionDepth = context.functionDepth
        context.insideLoop = false
        context.functionDepth = 0
        let body = try block(after: "class definition", line: keyword.line)
        context.insideLoop = wasInsideLoop
        context.functionDepth = functionDepth
        return Statement(.pass, range: statementRange(from: start, through: body))
    }

    /// withStatement: 'with' '(' ','.withItem+ [','] ')' ':' block | 'with' ','.withItem+ ':' block
    /// withItem: expression ['as' starTarget]   (parsed, then refused)
    mutating func withStatement() throws(Diagnostic) -> Statement {
        let start = position
        let keyword = advance()
        context.deferred.salOnly(.unsupportedWith(keyword.range))
        var parenthesized = false
        if kind == .leftParenthesis {
            parenthesized = try attempt { (parser: inout Parser) throws(Diagnostic) -> Bool in
            parser.advance()
            parser.bracketDepth += 1
            repeat {
                if parser.kind == .rightParenthesis { break }
                try parser.withItem()
            } while parser.accept(.comma)
            try parser.expect(.rightParenthesis)
            parser.bracketDepth -= 1
            guard parser.kind == .colon else { throw parser.syntaxError() }
            return true
            } != nil
        }
        if !parenthesized {
            repeat { try withItem() } while accept(.comma)
        }
        try headerColon()
        let body = try block(after: "'with' statement", line: keyword.line)
        return Statement(.pass, range: statementRange(from: start, through: body))
    }

    private mutating func withItem() throws(Diagnostic) {
        _ = try expression()
        if accept(.keywordAs) { _ = try starTarget() }
    }

    /// asyncStatement: 'async' (functionDefinition | forStatement | withStatement)   (parsed, then refused)
    mutating func asyncStatement() throws(Diagnostic) -> Statement {
        let keyword = advance()
        context.deferred.salOnly(.unsupportedAsync(keyword.range))
        if kind == .keywordDef { return try functionDefinition(isAsync: true) }
        guard kind == .keywordFor || kind == .keywordWith else { throw syntaxError() }
        // CPython's compiler rejects these before compiling their bodies.
        let outside = !context.insideAsyncFunction
        if outside {
            context.deferred.compiler(kind == .keywordFor ? .asyncForOutsideAsyncFunction(keyword.range)
                                                          : .asyncWithOutsideAsyncFunction(keyword.range))
        }
        let statement = kind == .keywordFor ? try forStatement() : try withStatement()
        if outside {
            context.deferred.widenCompilerDiagnostic(
                from: keyword.range, to: SourceRange(start: keyword.startLocation, end: statement.range.end))
        }
        return statement
    }

    /// decoratedDefinition: ('@' namedExpression NEWLINE)+ (functionDefinition | classDefinition | asyncStatement)
    mutating func decoratedDefinition() throws(Diagnostic) -> Statement {
        context.deferred.salOnly(.unsupportedDecorator(token.range))
        while accept(.at) {
            _ = try namedExpression()
            try expect(.newline)
        }
        switch kind {
        case .keywordDef: return try functionDefinition()
        case .keywordClass: return try classDefinition()
        case .keywordAsync: return try asyncStatement()
        default: throw syntaxError()
        }
    }

    /// From token `startIndex` to the end of the last statement of `body` (CPython's end of a compound statement).
    func statementRange(from startIndex: Int, through body: [Statement]) -> SourceRange {
        SourceRange(start: tokens[startIndex].startLocation,
                    end: body.last?.range.end ?? tokens[position - 1].endLocation)
    }
}
