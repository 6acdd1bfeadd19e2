import PythonSyntax

/// Terse constructors for hand-built syntax trees (the tests do not depend on the parser).
enum AST {
    static let here = SourceRange(start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 1))

    static func name(_ identifier: String) -> Expression { Expression(.name(identifier), range: here) }
    static func int(_ value: Int) -> Expression { Expression(.constant(.int(value)), range: here) }
    static func float(_ value: Double) -> Expression { Expression(.constant(.float(value)), range: here) }
    static func string(_ value: String) -> Expression { Expression(.constant(.string(value)), range: here) }
    static func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression) -> Expression {
        Expression(.binary(op, left, right), range: here)
    }
    static func call(_ function: String, _ arguments: Expression...) -> Expression {
        Expression(.call(function: name(function), arguments: arguments.map(Argument.positional)), range: here)
    }
    static func fstring(_ parts: [FormattedStringPart]) -> Expression { Expression(.formattedString(parts), range: here) }
    static func assign(_ target: String, _ value: Expression) -> Statement {
        Statement(.assign(targets: [name(target)], value: value), range: here)
    }
    static func expression(_ value: Expression) -> Statement { Statement(.expression(value), range: here) }
    static func function(_ name: String, _ parameters: [String], _ body: [Statement]) -> Statement {
        let parameterList = Parameters(positional: parameters.map {
            Parameter(name: $0, annotation: nil, defaultValue: nil, range: here)
        })
        return Statement(.functionDefinition(FunctionDefinition(name: name, parameters: parameterList, body: body,
                                                                returns: nil)), range: here)
    }
    static func returns(_ value: Expression) -> Statement { Statement(.return(value), range: here) }
    static func module(_ body: Statement...) -> Module { Module(body: body) }
}
