import PythonSyntax

/// Short constructors for syntax trees built by the generator and the shrinker.
///
/// Built nodes carry an empty source range: they exist only to be rendered, and rendering
/// then parsing gives the real positions.
enum Build {
    static let noRange = SourceRange(start: SourceLocation(line: 0, column: 0), end: SourceLocation(line: 0, column: 0))

    static func expression(_ kind: Expression.Kind) -> Expression { Expression(kind, range: noRange) }
    static func statement(_ kind: Statement.Kind) -> Statement { Statement(kind, range: noRange) }

    static func name(_ name: String) -> Expression { expression(.name(name)) }

    /// An int literal; a negative value becomes a negation of its magnitude, as Python writes it.
    static func int(_ value: Int) -> Expression {
        if value < 0 {
            if value == Int.min { return expression(.unary(.negate, bigInt(String(String(value).dropFirst())))) }
            return expression(.unary(.negate, expression(.constant(.int(-value)))))
        }
        return expression(.constant(.int(value)))
    }

    /// A non-negative integer literal of any size, from its decimal digits.
    static func bigInt(_ digits: String) -> Expression {
        if let small = Int(digits) { return expression(.constant(.int(small))) }
        return expression(.constant(.bigInt(digits)))
    }

    static func float(_ value: Double) -> Expression {
        if value.sign == .minus { return expression(.unary(.negate, expression(.constant(.float(-value))))) }
        return expression(.constant(.float(value)))
    }

    static func string(_ text: String) -> Expression { expression(.constant(.string(text))) }
    static func bool(_ value: Bool) -> Expression { expression(.constant(.bool(value))) }
    static let none = expression(.constant(.none))

    static func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression) -> Expression {
        expression(.binary(op, left, right))
    }

    static func unary(_ op: UnaryOperator, _ operand: Expression) -> Expression { expression(.unary(op, operand)) }

    static func compare(_ left: Expression, _ op: ComparisonOperator, _ right: Expression) -> Expression {
        expression(.compare(left, [Comparison(op: op, right: right)]))
    }

    static func boolean(_ op: BooleanOperator, _ operands: [Expression]) -> Expression {
        expression(.boolean(op, operands))
    }

    static func call(_ function: String, _ arguments: [Expression], keywords: [(String, Expression)] = []) -> Expression {
        call(name(function), arguments, keywords: keywords)
    }

    static func call(_ function: Expression, _ arguments: [Expression], keywords: [(String, Expression)] = []) -> Expression {
        let positional = arguments.map { Argument.positional($0) }
        let named = keywords.map { Argument.keyword(name: $0.0, value: $0.1) }
        return expression(.call(function: function, arguments: positional + named))
    }

    /// `object.method(arguments)`.
    static func method(_ object: Expression, _ method: String, _ arguments: [Expression] = [],
                       keywords: [(String, Expression)] = []) -> Expression {
        call(attribute(object, method), arguments, keywords: keywords)
    }

    static func attribute(_ object: Expression, _ name: String) -> Expression { expression(.attribute(object, name: name)) }

    static func subscriptItem(_ object: Expression, _ index: Expression) -> Expression {
        expression(.subscript(object, index: index))
    }

    static func slice(_ object: Expression, _ lower: Expression?, _ upper: Expression?, _ step: Expression? = nil) -> Expression {
        subscriptItem(object, expression(.slice(lower: lower, upper: upper, step: step)))
    }

    static func list(_ elements: [Expression]) -> Expression { expression(.list(elements)) }
    static func tuple(_ elements: [Expression]) -> Expression { expression(.tuple(elements)) }
    static func set(_ elements: [Expression]) -> Expression { expression(.set(elements)) }

    static func dictionary(_ pairs: [(Expression, Expression)]) -> Expression {
        expression(.dictionary(pairs.map { DictionaryItem.pair(key: $0.0, value: $0.1) }))
    }

    static func conditional(_ test: Expression, _ body: Expression, _ orElse: Expression) -> Expression {
        expression(.conditional(test: test, body: body, orElse: orElse))
    }

    static func lambda(_ parameters: [String], _ body: Expression) -> Expression {
        let list = parameters.map { Parameter(name: $0, annotation: nil, defaultValue: nil, range: noRange) }
        return expression(.lambda(Parameters(positional: list), body: body))
    }

    static func comprehension(_ target: Expression, _ iterable: Expression, _ conditions: [Expression] = []) -> Comprehension {
        Comprehension(target: target, iterable: iterable, conditions: conditions)
    }

    static func assign(_ target: String, _ value: Expression) -> Statement {
        statement(.assign(targets: [name(target)], value: value))
    }

    static func assign(_ target: Expression, _ value: Expression) -> Statement {
        statement(.assign(targets: [target], value: value))
    }

    static func augmented(_ target: String, _ op: BinaryOperator, _ value: Expression) -> Statement {
        statement(.augmentedAssign(target: name(target), op: op, value: value))
    }

    static func expressionStatement(_ value: Expression) -> Statement { statement(.expression(value)) }

    static func print(_ arguments: [Expression], keywords: [(String, Expression)] = []) -> Statement {
        expressionStatement(call("print", arguments, keywords: keywords))
    }

    static func parameter(_ name: String, default value: Expression? = nil) -> Parameter {
        Parameter(name: name, annotation: nil, defaultValue: value, range: noRange)
    }

    static func handler(_ type: Expression?, name: String?, _ body: [Statement]) -> ExceptHandler {
        ExceptHandler(type: type, name: name, body: body, range: noRange)
    }
}
