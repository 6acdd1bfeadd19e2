import PythonSyntax

/// Pre-order traversal of every statement and expression of a program, nested bodies included.
enum ASTWalk {
    static func statements(_ body: [Statement], statement visitStatement: (Statement) -> Void,
                           expression visitExpression: (Expression) -> Void) {
        for statement in body {
            visitStatement(statement)
            let nested: (expressions: [Expression], bodies: [[Statement]])
            switch statement.kind {
            case .expression(let value): nested = ([value], [])
            case .assign(let targets, let value): nested = (targets + [value], [])
            case .augmentedAssign(let target, _, let value): nested = ([target, value], [])
            case .annotatedAssign(let target, let annotation, let value):
                nested = ([target, annotation] + (value.map { [$0] } ?? []), [])
            case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
                nested = ([test], [body, orElse])
            case .for(let target, let iterable, let body, let orElse): nested = ([target, iterable], [body, orElse])
            case .functionDefinition(let definition):
                nested = (defaults(definition.parameters) + (definition.returns.map { [$0] } ?? []), [definition.body])
            case .return(let value): nested = (value.map { [$0] } ?? [], [])
            case .try(let body, let handlers, let orElse, let finally):
                nested = (handlers.compactMap(\.type), [body] + handlers.map(\.body) + [orElse, finally])
            case .raise(let exception, let cause): nested = ([exception, cause].compactMap { $0 }, [])
            case .assert(let test, let message): nested = ([test] + (message.map { [$0] } ?? []), [])
            case .delete(let targets): nested = (targets, [])
            case .break, .continue, .pass, .global, .nonlocal, .import, .importFrom: nested = ([], [])
            }
            for expression in nested.expressions {
                expressions(expression, visit: visitExpression)
            }
            for body in nested.bodies {
                statements(body, statement: visitStatement, expression: visitExpression)
            }
        }
    }

    static func defaults(_ parameters: Parameters) -> [Expression] {
        (parameters.positionalOnly + parameters.positional + parameters.keywordOnly).compactMap(\.defaultValue)
    }

    static func expressions(_ expression: Expression, visit: (Expression) -> Void) {
        visit(expression)
        var children: [Expression] = []
        switch expression.kind {
        case .name, .constant: break
        case .formattedString(let parts): children = replacementValues(parts)
        case .unary(_, let operand): children = [operand]
        case .binary(_, let left, let right): children = [left, right]
        case .boolean(_, let operands): children = operands
        case .compare(let first, let comparisons): children = [first] + comparisons.map(\.right)
        case .call(let function, let arguments):
            children = [function] + arguments.map { argument in
                switch argument {
                case .positional(let value), .starred(let value), .keyword(_, let value), .doubleStarred(let value): value
                }
            }
        case .attribute(let base, _): children = [base]
        case .subscript(let base, let index): children = [base, index]
        case .slice(let lower, let upper, let step): children = [lower, upper, step].compactMap { $0 }
        case .starred(let inner): children = [inner]
        case .list(let items), .tuple(let items), .set(let items): children = items
        case .dictionary(let items):
            children = items.flatMap { item -> [Expression] in
                switch item {
                case .pair(let key, let value): [key, value]
                case .unpack(let mapping): [mapping]
                }
            }
        case .listComprehension(let element, let generators), .setComprehension(let element, let generators),
             .generatorExpression(let element, let generators):
            children = [element] + generators.flatMap { [$0.target, $0.iterable] + $0.conditions }
        case .dictionaryComprehension(let key, let value, let generators):
            children = [key, value] + generators.flatMap { [$0.target, $0.iterable] + $0.conditions }
        case .conditional(let test, let body, let orElse): children = [test, body, orElse]
        case .lambda(let parameters, let body): children = defaults(parameters) + [body]
        case .namedExpression(_, let value): children = [value]
        }
        for child in children { expressions(child, visit: visit) }
    }

    static func replacementValues(_ parts: [FormattedStringPart]) -> [Expression] {
        parts.flatMap { part -> [Expression] in
            switch part {
            case .literal: []
            case .replacement(let value, _, let spec, _): [value] + replacementValues(spec ?? [])
            }
        }
    }
}
