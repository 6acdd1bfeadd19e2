/// Rebuilding syntax trees with parts replaced (the shrinker's edits, the verifier's perturbed literals).
///
/// `mapChildren` and `mapStatement` visit parts in a fixed order, so numbering the expressions (or
/// statements) of a tree in pre-order gives the same numbers on every walk of an unchanged tree.
/// The trap: assignment, `for` and comprehension targets are not visited (replacing a target by anything
/// else would be a syntax error), so a constant inside a target (`a[0] = x`) is never transformed.
public enum TreeWalk {
    /// `e` with each direct sub-expression replaced by `transform` of it.
    public static func mapChildren(_ e: Expression, _ transform: (Expression) -> Expression) -> Expression {
        func optional(_ x: Expression?) -> Expression? { x.map(transform) }
        func generators(_ list: [Comprehension]) -> [Comprehension] {
            list.map { Comprehension(target: $0.target, iterable: transform($0.iterable), conditions: $0.conditions.map(transform)) }
        }
        let kind: Expression.Kind
        switch e.kind {
        case .name, .constant:
            return e
        case .formattedString(let parts):
            kind = .formattedString(formattedParts(parts, transform))
        case .unary(let op, let operand):
            kind = .unary(op, transform(operand))
        case .binary(let op, let left, let right):
            let newLeft = transform(left)
            kind = .binary(op, newLeft, transform(right))
        case .boolean(let op, let operands):
            kind = .boolean(op, operands.map(transform))
        case .compare(let first, let comparisons):
            let newFirst = transform(first)
            kind = .compare(newFirst, comparisons.map { Comparison(op: $0.op, right: transform($0.right)) })
        case .call(let function, let arguments):
            let newFunction = transform(function)
            kind = .call(function: newFunction, arguments: arguments.map { argument in
                switch argument {
                case .positional(let value): .positional(transform(value))
                case .starred(let value): .starred(transform(value))
                case .keyword(let name, let value): .keyword(name: name, value: transform(value))
                case .doubleStarred(let value): .doubleStarred(transform(value))
                }
            })
        case .attribute(let base, let name):
            kind = .attribute(transform(base), name: name)
        case .subscript(let base, let index):
            let newBase = transform(base)
            kind = .subscript(newBase, index: transform(index))
        case .slice(let lower, let upper, let step):
            let newLower = optional(lower), newUpper = optional(upper)
            kind = .slice(lower: newLower, upper: newUpper, step: optional(step))
        case .starred(let value):
            kind = .starred(transform(value))
        case .list(let elements):
            kind = .list(elements.map(transform))
        case .tuple(let elements):
            kind = .tuple(elements.map(transform))
        case .set(let elements):
            kind = .set(elements.map(transform))
        case .dictionary(let items):
            kind = .dictionary(items.map { item in
                switch item {
                case .pair(let key, let value):
                    let newKey = transform(key)
                    return .pair(key: newKey, value: transform(value))
                case .unpack(let mapping): return .unpack(transform(mapping))
                }
            })
        case .listComprehension(let element, let list):
            let newGenerators = generators(list)
            kind = .listComprehension(element: transform(element), generators: newGenerators)
        case .setComprehension(let element, let list):
            let newGenerators = generators(list)
            kind = .setComprehension(element: transform(element), generators: newGenerators)
        case .dictionaryComprehension(let key, let value, let list):
            let newGenerators = generators(list)
            let newKey = transform(key)
            kind = .dictionaryComprehension(key: newKey, value: transform(value), generators: newGenerators)
        case .generatorExpression(let element, let list):
            let newGenerators = generators(list)
            kind = .generatorExpression(element: transform(element), generators: newGenerators)
        case .conditional(let test, let body, let orElse):
            let newTest = transform(test), newBody = transform(body)
            kind = .conditional(test: newTest, body: newBody, orElse: transform(orElse))
        case .lambda(let parameters, let body):
            let newParameters = mapDefaults(parameters, transform)
            kind = .lambda(newParameters, body: transform(body))
        case .namedExpression(let target, let value):
            kind = .namedExpression(target: target, value: transform(value))
        }
        return Expression(kind, range: e.range)
    }

    /// F-string parts with replacement values transformed (not those of `{x=}` fields, whose
    /// rendering is their recorded text).
    public static func formattedParts(_ parts: [FormattedStringPart], _ transform: (Expression) -> Expression) -> [FormattedStringPart] {
        parts.map { part in
            guard case .replacement(let value, let conversion, let spec, let debugText) = part else { return part }
            let newValue = debugText == nil ? transform(value) : value
            return .replacement(value: newValue, conversion: conversion, spec: spec.map { formattedParts($0, transform) },
                                debugText: debugText)
        }
    }

    public static func mapDefaults(_ parameters: Parameters, _ transform: (Expression) -> Expression) -> Parameters {
        func list(_ items: [Parameter]) -> [Parameter] {
            items.map { item in
                var copy = item
                copy.defaultValue = item.defaultValue.map(transform)
                return copy
            }
        }
        var copy = parameters
        copy.positionalOnly = list(parameters.positionalOnly)
        copy.positional = list(parameters.positional)
        copy.keywordOnly = list(parameters.keywordOnly)
        return copy
    }

    /// Every statement of `body`, nested blocks included, with each expression passed through
    /// `expression` (which decides whether to recurse, e.g. through `mapChildren`).
    public static func mapBlock(_ body: [Statement], expression: (Expression) -> Expression) -> [Statement] {
        body.map { statement in
            mapStatement(statement, expression: expression, block: { mapBlock($0, expression: expression) })
        }
    }

    /// `s` with its value expressions passed through `expression` and its nested blocks through `block`.
    public static func mapStatement(_ s: Statement, expression: (Expression) -> Expression,
                             block: ([Statement]) -> [Statement]) -> Statement {
        let kind: Statement.Kind
        switch s.kind {
        case .expression(let value):
            kind = .expression(expression(value))
        case .assign(let targets, let value):
            kind = .assign(targets: targets, value: expression(value))
        case .augmentedAssign(let target, let op, let value):
            kind = .augmentedAssign(target: target, op: op, value: expression(value))
        case .annotatedAssign(let target, let annotation, let value):
            kind = .annotatedAssign(target: target, annotation: annotation, value: value.map(expression))
        case .if(let test, let body, let orElse):
            let newTest = expression(test), newBody = block(body)
            kind = .if(test: newTest, body: newBody, orElse: block(orElse))
        case .while(let test, let body, let orElse):
            let newTest = expression(test), newBody = block(body)
            kind = .while(test: newTest, body: newBody, orElse: block(orElse))
        case .for(let target, let iterable, let body, let orElse):
            let newIterable = expression(iterable), newBody = block(body)
            kind = .for(target: target, iterable: newIterable, body: newBody, orElse: block(orElse))
        case .functionDefinition(let definition):
            var copy = definition
            copy.parameters = mapDefaults(definition.parameters, expression)
            copy.body = block(definition.body)
            kind = .functionDefinition(copy)
        case .return(let value):
            kind = .return(value.map(expression))
        case .try(let body, let handlers, let orElse, let finally):
            let newBody = block(body)
            let newHandlers = handlers.map { handler in
                var copy = handler
                copy.body = block(handler.body)
                return copy
            }
            let newElse = block(orElse)
            kind = .try(body: newBody, handlers: newHandlers, orElse: newElse, finally: block(finally))
        case .raise(let exception, let cause):
            let newException = exception.map(expression)
            kind = .raise(exception: newException, cause: cause.map(expression))
        case .assert(let test, let message):
            let newTest = expression(test)
            kind = .assert(test: newTest, message: message.map(expression))
        case .delete, .break, .continue, .pass, .global, .nonlocal, .import, .importFrom:
            return s
        }
        return Statement(kind, range: s.range)
    }
}
