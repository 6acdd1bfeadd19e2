extension Parser {
    /// file: [statements] ENDMARKER
    mutating func file() throws(Diagnostic) -> Module {
        var body: [Statement] = []
        while kind != .endMarker {
            let before = position
            try statement(into: &body)
            assert(position > before, "a statement consumed no token")
        }
        return Module(body: body)
    }

    /// statement: compoundStatement | simpleStatements
    mutating func statement(into body: inout [Statement]) throws(Diagnostic) {
        switch kind {
        case .keywordDef, .keywordIf, .keywordWhile, .keywordFor, .keywordTry, .keywordClass, .keywordWith,
             .keywordAsync, .at:
            body.append(try compoundStatement())
        case .name where tokenSpells(position, "match") && startsMatchStatement():
            throw Diagnostic.unsupportedMatch(token.range)
        default:
            try simpleStatements(into: &body)
        }
    }

    /// `match subject:` NEWLINE INDENT `case`: how CPython tells the soft keyword from a name.
    private func startsMatchStatement() -> Bool {
        let next = peekKind(1)
        guard next.canStartExpression || next == .star else { return false }
        var index = position + 1
        while index < tokens.count && tokens[index].kind != .newline && tokens[index].kind != .endMarker {
            index += 1
        }
        guard index + 2 < tokens.count, index > position + 1, tokens[index - 1].kind == .colon,
              tokens[index + 1].kind == .indent else { return false }
        return tokenSpells(index + 2, "case")
    }

    /// simpleStatements: ';'.simpleStatement+ [';'] NEWLINE
    mutating func simpleStatements(into body: inout [Statement]) throws(Diagnostic) {
        while true {
            let before = position
            body.append(try simpleStatement())
            assert(position > before, "a simple statement consumed no token")
            guard kind == .semicolon else { break }
            advance()
            if kind == .newline { break }
        }
        guard kind == .newline else { throw syntaxError() }
        advance()
    }

    /// simpleStatement: returnStatement | importName | importFrom | raiseStatement | 'pass' | deleteStatement
    ///     | assertStatement | 'break' | 'continue' | globalStatement | nonlocalStatement | expressionStatement
    mutating func simpleStatement() throws(Diagnostic) -> Statement {
        switch kind {
        case .keywordPass:
            return Statement(.pass, range: advance().range)
        case .keywordBreak:
            let keyword = advance()
            if !context.insideLoop { context.deferred.compiler(.breakOutsideLoop(keyword.range)) }
            return Statement(.break, range: keyword.range)
        case .keywordContinue:
            let keyword = advance()
            if !context.insideLoop { context.deferred.compiler(.continueOutsideLoop(keyword.range)) }
            return Statement(.continue, range: keyword.range)
        case .keywordReturn: return try returnStatement()
        case .keywordImport: return try importName()
        case .keywordFrom: return try importFrom()
        case .keywordRaise: return try raiseStatement()
        case .keywordDel: return try deleteStatement()
        case .keywordAssert: return try assertStatement()
        case .keywordGlobal, .keywordNonlocal: return try globalOrNonlocalStatement()
        default: return try expressionStatement()
        }
    }

    /// returnStatement: 'return' [starExpressions]
    mutating func returnStatement() throws(Diagnostic) -> Statement {
        let start = position
        let keyword = advance()
        // CPython rejects the statement before looking at its value.
        let outsideFunction = context.functionDepth == 0
        if outsideFunction { context.deferred.compiler(.returnOutsideFunction(keyword.range)) }
        var value: Expression?
        if kind != .newline && kind != .semicolon {
            let returned = try starExpressions()
            checkNotBareStarred(returned)
            value = returned
        }
        let statementRange = range(from: start)
        if outsideFunction { context.deferred.widenCompilerDiagnostic(from: keyword.range, to: statementRange) }
        return Statement(.return(value), range: statementRange)
    }

    /// raiseStatement: 'raise' expression ['from' expression] | 'raise'
    mutating func raiseStatement() throws(Diagnostic) -> Statement {
        let start = position
        advance()
        var exception: Expression?
        var cause: Expression?
        if kind != .newline && kind != .semicolon {
            exception = try expression()
            if accept(.keywordFrom) { cause = try expression() }
        }
        return Statement(.raise(exception: exception, cause: cause), range: range(from: start))
    }

    /// assertStatement: 'assert' expression [',' expression]
    mutating func assertStatement() throws(Diagnostic) -> Statement {
        let start = position
        advance()
        let test = try expression()
        var message: Expression?
        if accept(.comma) { message = try expression() }
        return Statement(.assert(test: test, message: message), range: range(from: start))
    }

    /// deleteStatement: 'del' ','.starExpression+ [',']   (each must be a deletable target)
    mutating func deleteStatement() throws(Diagnostic) -> Statement {
        let start = position
        advance()
        var targets: [Expression] = []
        repeat {
            targets.append(try starExpression())
            guard accept(.comma) else { break }
        } while kind != .newline && kind != .semicolon
        for target in targets {
            if let invalid = Parser.invalidTarget(in: target, .deletion) {
                throw Diagnostic.cannotDelete(Parser.describe(invalid), invalid.range)
            }
        }
        return Statement(.delete(targets), range: range(from: start))
    }

    /// globalStatement: 'global' ','.NAME+ ; nonlocalStatement: 'nonlocal' ','.NAME+
    mutating func globalOrNonlocalStatement() throws(Diagnostic) -> Statement {
        let start = position
        let keyword = advance()
        var names: [String] = []
        repeat { names.append(try name()) } while accept(.comma)
        let statementRange = range(from: start)
        if keyword.kind == .keywordGlobal { return Statement(.global(names), range: statementRange) }
        return Statement(.nonlocal(names), range: statementRange)
    }

    /// importName: 'import' ','.(dottedName ['as' NAME])+
    mutating func importName() throws(Diagnostic) -> Statement {
        let start = position
        advance()
        var aliases: [ImportAlias] = []
        repeat {
            let aliasStart = position
            let module = try dottedName()
            var asName: String?
            if accept(.keywordAs) { asName = try name() }
            aliases.append(ImportAlias(name: module, asName: asName, range: range(from: aliasStart)))
        } while accept(.comma)
        return Statement(.import(aliases), range: range(from: start))
    }

    /// importFrom: 'from' ('.' | '...')* dottedName 'import' importTargets
    ///     | 'from' ('.' | '...')+ 'import' importTargets
    /// importTargets: '(' importAliases [','] ')' | importAliases !',' | '*'
    mutating func importFrom() throws(Diagnostic) -> Statement {
        let start = position
        advance()
        var level = 0
        while kind == .dot || kind == .ellipsis {
            level += kind == .dot ? 1 : 3
            advance()
        }
        var module = ""
        if level == 0 || kind != .keywordImport { module = try dottedName() }
        try expect(.keywordImport)
        var names: [ImportAlias] = []
        if accept(.star) {
            return Statement(.importFrom(module: module, names: [], level: level), range: range(from: start))
        }
        if kind == .leftParenthesis {
            advance()
            bracketDepth += 1
            names = try importAliases()
            _ = accept(.comma)
            guard kind == .rightParenthesis else { throw syntaxError() }
            advance()
            bracketDepth -= 1
        } else {
            names = try importAliases()
            if kind == .comma {
                advance()
                if kind == .newline { throw Diagnostic.importTrailingComma(token.range) }
                throw syntaxError()
            }
        }
        return Statement(.importFrom(module: module, names: names, level: level), range: range(from: start))
    }

    /// importAliases: ','.(NAME ['as' NAME])+   (a trailing comma is left for the caller)
    mutating func importAliases() throws(Diagnostic) -> [ImportAlias] {
        var aliases: [ImportAlias] = []
        while true {
            let aliasStart = position
            guard kind == .name else { throw syntaxError() }
            let nameToken = advance()
            let imported = identifier(nameToken)
            if imported.utf8.first == UInt8(ascii: "_") {
                context.deferred.salOnly(.privateAttribute(imported, nameToken.range))
            }
            var asName: String?
            if accept(.keywordAs) { asName = try name() }
            aliases.append(ImportAlias(name: imported, asName: asName, range: range(from: aliasStart)))
            guard kind == .comma, peekKind(1) == .name else { return aliases }
            advance()
        }
    }

    /// dottedName: NAME ('.' NAME)*
    mutating func dottedName() throws(Diagnostic) -> String {
        var result = try name()
        while kind == .dot {
            advance()
            guard kind == .name else { throw syntaxError() }
            let partToken = advance()
            let part = identifier(partToken)
            if part.utf8.first == UInt8(ascii: "_") {
                context.deferred.salOnly(.privateAttribute(part, partToken.range))
            }
            result += "." + part
        }
        return result
    }

    /// expressionStatement: starExpressions (annotation | augmentedAssignment | ('=' assignedValue)+)?
    ///     | yieldExpression ...
    mutating func expressionStatement() throws(Diagnostic) -> Statement {
        let start = position
        let first = try assignedValue()
        switch kind {
        case .equal:
            return try assignment(first: first, statementStart: start)
        case .colon:
            switch first.kind {
            case .name, .attribute, .subscript:
                return try annotatedAssignment(target: first, statementStart: start)
            default:
                throw invalidAnnotationTarget(first, statementStart: start)
            }
        default:
            if let op = kind.augmentedOperator {
                return try augmentedAssignment(target: first, op, statementStart: start)
            }
            checkNotBareStarred(first)
            return Statement(.expression(first), range: range(from: start))
        }
    }

    /// assignedValue: yieldExpression | starExpressions
    mutating func assignedValue() throws(Diagnostic) -> Expression {
        kind == .keywordYield ? try yieldExpression() : try starExpressions()
    }

    /// assignment: (target '=')+ assignedValue, each target valid for assignment.
    private mutating func assignment(first: Expression, statementStart: Int) throws(Diagnostic) -> Statement {
        var targets = [first]
        var candidate = first
        let firstEqual = position
        while true {
            if let invalid = Parser.invalidTarget(in: candidate, .assignment) {
                throw invalidAssignmentTarget(invalid, statementStart: statementStart, firstEqual: firstEqual)
            }
            advance()
            let next = try assignedValue()
            if kind == .equal {
                targets.append(next)
                candidate = next
                continue
            }
            checkNotBareStarred(next)
            for target in targets { checkStarredTargets(target) }
            return Statement(.assign(targets: targets, value: next), range: range(from: statementStart))
        }
    }

    /// The message CPython's `invalid_assignment` gives for an invalid target.
    ///
    /// CPython first tries `invalid_named_expression` on the element of the first target that touches the
    /// first '=' (the whole target, or the last element of an unparenthesized tuple), which yields the
    /// "Maybe you meant '=='" messages, even when a later target is the bad one; otherwise it names the
    /// first invalid sub-target.
    @inline(never)
    private mutating func invalidAssignmentTarget(_ invalid: Expression, statementStart: Int,
                                                  firstEqual: Int) -> Diagnostic {
        if let elementStart = elementTouchingEqual(statementStart: statementStart, equalIndex: firstEqual),
           let diagnostic = misplacedAssignment(elementStart: elementStart, equalIndex: firstEqual) {
            return diagnostic
        }
        return .cannotAssign(Parser.describe(invalid), invalid.range)
    }

    /// The first token of the statement's last top-level element, if it is directly followed by '='.
    @inline(never)
    private mutating func elementTouchingEqual(statementStart: Int, equalIndex: Int) -> Int? {
        let elementStart = try? speculate(refinedErrorsIgnored: true) { (parser: inout Parser) throws(Diagnostic) -> Int? in
            parser.position = statementStart
            var elementStart = statementStart
            _ = try parser.starExpression()
            while parser.kind == .comma {
                parser.advance()
                if parser.position == equalIndex { return nil }
                elementStart = parser.position
                _ = try parser.starExpression()
            }
            guard parser.position == equalIndex, parser.tokens[elementStart].kind != .star else { return nil }
            return elementStart
        }
        return elementStart ?? nil
    }

    /// augmentedAssignment: singleTarget augmentedOperator assignedValue
    private mutating func augmentedAssignment(target: Expression, _ op: BinaryOperator,
                                              statementStart: Int) throws(Diagnostic) -> Statement {
        switch target.kind {
        case .name, .attribute, .subscript:
            break
        default:
            // CPython names the target only when a right-hand side follows.
            let valueFollows = try speculate { (parser: inout Parser) throws(Diagnostic) -> Bool in
                parser.advance()
                _ = try parser.assignedValue()
                return true
            } ?? false
            if valueFollows { throw Diagnostic.illegalAugmentedTarget(Parser.describe(target), target.range) }
            throw syntaxError()
        }
        advance()
        let value = try assignedValue()
        checkNotBareStarred(value)
        return Statement(.augmentedAssign(target: target, op: op, value: value), range: range(from: statementStart))
    }

    /// annotatedAssignment: singleTarget ':' expression ['=' assignedValue]
    private mutating func annotatedAssignment(target: Expression, statementStart: Int) throws(Diagnostic) -> Statement {
        advance()
        let annotation = try expression()
        var value: Expression?
        if accept(.equal) {
            let assigned = try assignedValue()
            checkNotBareStarred(assigned)
            value = assigned
        }
        return Statement(.annotatedAssign(target: target, annotation: annotation, value: value),
                         range: range(from: statementStart))
    }

    /// `x, y: int`, `f(): int`: CPython names the bad target only when an annotation follows the ':'.
    @inline(never)
    private mutating func invalidAnnotationTarget(_ target: Expression, statementStart: Int) -> Diagnostic {
        let annotated: Bool
        do throws(Diagnostic) {
            annotated = try speculate { (parser: inout Parser) throws(Diagnostic) -> Bool in
                parser.advance()
                _ = try parser.expression()
                return true
            } ?? false
        } catch {
            return error
        }
        guard annotated else { return syntaxError() }
        switch target.kind {
        case .tuple(let elements):
            let parenthesized = tokens[statementStart].kind == .leftParenthesis
                && target.range.start == tokens[statementStart].startLocation
            return .annotatedMultipleTargets("tuple", parenthesized || elements.isEmpty ? target.range : elements[0].range)
        case .list:
            return .annotatedMultipleTargets("list", target.range)
        default:
            return .illegalAnnotationTarget(target.range)
        }
    }

    enum TargetKind {
        case assignment, deletion, loop
    }

    /// CPython's `_PyPegen_get_invalid_target`: the first sub-expression that cannot be assigned to (or
    /// deleted). For loop targets parsed together with `in ...`, a comparison stands for `target in iterable`.
    static func invalidTarget(in target: Expression, _ targetKind: TargetKind) -> Expression? {
        switch target.kind {
        case .name, .attribute, .subscript:
            return nil
        case .list(let elements), .tuple(let elements):
            for element in elements {
                if let invalid = invalidTarget(in: element, targetKind) { return invalid }
            }
            return nil
        case .starred(let value):
            return targetKind == .deletion ? target : invalidTarget(in: value, targetKind)
        case .compare(let left, let comparisons) where targetKind == .loop:
            return comparisons[0].op == .in ? invalidTarget(in: left, targetKind) : nil
        default:
            return target
        }
    }

    /// CPython's compiler rules for starred assignment targets.
    mutating func checkStarredTargets(_ target: Expression) {
        switch target.kind {
        case .starred:
            context.deferred.compiler(.starredTargetOutsideSequence(target.range))
        case .list(let elements), .tuple(let elements):
            var starred = 0
            for element in elements {
                if case .starred = element.kind { starred += 1 }
            }
            if starred > 1 { context.deferred.compiler(.multipleStarredTargets(target.range)) }
            for element in elements {
                if case .starred(let value) = element.kind {
                    checkStarredTargets(value)
                } else {
                    checkStarredTargets(element)
                }
            }
        default:
            break
        }
    }

    /// A starred expression on its own, outside any tuple, list, set or call (`x = *a`).
    mutating func checkNotBareStarred(_ value: Expression) {
        if case .starred = value.kind { context.deferred.compiler(.starredNotAllowed(value.range)) }
    }
}
