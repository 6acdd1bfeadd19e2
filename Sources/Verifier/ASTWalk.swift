import PythonSyntax

/// Pre-order traversal of every statement and expression of a program, nested bodies included.
///
/// Children are visited in place, in source order (a statement's own expressions before its nested
/// bodies), without collecting them into arrays first: the verdicts walk every candidate's tree, and an
/// array per node made the walk mostly allocation. The trap: `StaticHelperCalls` reports calls in this
/// order, so a change of order changes its output.
enum ASTWalk {
    static func statements(_ body: [Statement], statement visitStatement: (Statement) -> Void,
                           expression visitExpression: (Expression) -> Void) {
        for statement in body {
            visitStatement(statement)
            func walk(_ expression: Expression) { expressions(expression, visit: visitExpression) }
            func walk(_ body: [Statement]) { statements(body, statement: visitStatement, expression: visitExpression) }
            switch statement.kind {
            case .expression(let value): walk(value)
            case .assign(let targets, let value):
                targets.forEach(walk)
                walk(value)
            case .augmentedAssign(let target, _, let value):
                walk(target)
                walk(value)
            case .annotatedAssign(let target, let annotation, let value):
                walk(target)
                walk(annotation)
                if let value { walk(value) }
            case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
                walk(test)
                walk(body)
                walk(orElse)
            case .for(let target, let iterable, let body, let orElse):
                walk(target)
                walk(iterable)
                walk(body)
                walk(orElse)
            case .functionDefinition(let definition):
                defaults(definition.parameters, walk)
                if let returns = definition.returns { walk(returns) }
                walk(definition.body)
            case .return(let value): if let value { walk(value) }
            case .try(let body, let handlers, let orElse, let finally):
                for handler in handlers { if let type = handler.type { walk(type) } }
                walk(body)
                for handler in handlers { walk(handler.body) }
                walk(orElse)
                walk(finally)
            case .raise(let exception, let cause):
                if let exception { walk(exception) }
                if let cause { walk(cause) }
            case .assert(let test, let message):
                walk(test)
                if let message { walk(message) }
            case .delete(let targets): targets.forEach(walk)
            case .break, .continue, .pass, .global, .nonlocal, .import, .importFrom: break
            }
        }
    }

    /// The default values of positional-only, positional and keyword-only parameters, in that order.
    static func defaults(_ parameters: Parameters, _ visit: (Expression) -> Void) {
        for parameter in parameters.positionalOnly { if let value = parameter.defaultValue { visit(value) } }
        for parameter in parameters.positional { if let value = parameter.defaultValue { visit(value) } }
        for parameter in parameters.keywordOnly { if let value = parameter.defaultValue { visit(value) } }
    }

    static func expressions(_ expression: Expression, visit: (Expression) -> Void) {
        visit(expression)
        func walk(_ child: Expression) { expressions(child, visit: visit) }
        func generators(_ generators: [Comprehension]) {
            for generator in generators {
                walk(generator.target)
                walk(generator.iterable)
                generator.conditions.forEach(walk)
            }
        }
        switch expression.kind {
        case .name, .constant: break
        case .formattedString(let parts): replacementValues(parts, walk)
        case .unary(_, let operand): walk(operand)
        case .binary(_, let left, let right):
            walk(left)
            walk(right)
        case .boolean(_, let operands): operands.forEach(walk)
        case .compare(let first, let comparisons):
            walk(first)
            for comparison in comparisons { walk(comparison.right) }
        case .call(let function, let arguments):
            walk(function)
            for argument in arguments {
                switch argument {
                case .positional(let value), .starred(let value), .keyword(_, let value), .doubleStarred(let value):
                    walk(value)
                }
            }
        case .attribute(let base, _): walk(base)
        case .subscript(let base, let index):
            walk(base)
            walk(index)
        case .slice(let lower, let upper, let step):
            if let lower { walk(lower) }
            if let upper { walk(upper) }
            if let step { walk(step) }
        case .starred(let inner): walk(inner)
        case .list(let items), .tuple(let items), .set(let items): items.forEach(walk)
        case .dictionary(let items):
            for item in items {
                switch item {
                case .pair(let key, let value):
                    walk(key)
                    walk(value)
                case .unpack(let mapping): walk(mapping)
                }
            }
        case .listComprehension(let element, let comprehensions), .setComprehension(let element, let comprehensions),
             .generatorExpression(let element, let comprehensions):
            walk(element)
            generators(comprehensions)
        case .dictionaryComprehension(let key, let value, let comprehensions):
            walk(key)
            walk(value)
            generators(comprehensions)
        case .conditional(let test, let body, let orElse):
            walk(test)
            walk(body)
            walk(orElse)
        case .lambda(let parameters, let body):
            defaults(parameters, walk)
            walk(body)
        case .namedExpression(_, let value): walk(value)
        }
    }

    /// The value of every replacement field of an f-string, each followed by those of its format spec.
    static func replacementValues(_ parts: [FormattedStringPart], _ visit: (Expression) -> Void) {
        for part in parts {
            if case .replacement(let value, _, let spec, _) = part {
                visit(value)
                if let spec { replacementValues(spec, visit) }
            }
        }
    }
}
