import PythonSyntax

/// PythonSyntax trees -> Python source text that parses back to the same tree.
///
/// Used for generated programs and for every candidate the shrinker tries. Parentheses are added
/// only where precedence needs them. The traps are in f-strings (3.11 rules): a replacement field may
/// contain no backslash and no string quoted like the f-string itself; strings that would need either
/// are written as `chr()` concatenations, and an f-string nested in a field as `format()` calls.
/// Comments, blank lines and the original spelling of literals are not kept.
public enum SourceRenderer {
    /// The module as source text, one statement per line, four-space indentation.
    public static func render(_ module: Module) -> String {
        var renderer = Renderer()
        renderer.block(module.body, indent: 0)
        return renderer.output
    }

    /// One expression as it would appear on the right of an assignment.
    public static func render(_ expression: Expression) -> String {
        var renderer = Renderer()
        return renderer.expression(expression, minimum: .lambda)
    }
}

/// Binding strength, weakest first: an operand is parenthesized when its own precedence is lower
/// than the minimum its position requires.
enum Precedence: Int, Comparable {
    case namedExpression, lambda, conditional, or, and, not, comparison
    case bitOr, bitXor, bitAnd, shift, arithmetic, term, unary, power, await, primary, atom

    static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }

    /// The next stronger level (the minimum for the right operand of a left-associative operator).
    var stronger: Precedence { Precedence(rawValue: rawValue + 1) ?? .atom }

    init(_ op: BinaryOperator) {
        switch op {
        case .bitOr: self = .bitOr
        case .bitXor: self = .bitXor
        case .bitAnd: self = .bitAnd
        case .leftShift, .rightShift: self = .shift
        case .add, .subtract: self = .arithmetic
        case .multiply, .trueDivide, .floorDivide, .modulo, .matrixMultiply: self = .term
        case .power: self = .power
        }
    }
}

/// Where a string literal is written: quoting and escaping differ inside an f-string's field.
enum StringContext: Equatable {
    case plain
    /// Inside a replacement field of an f-string delimited by `quote`.
    case formattedField(quote: Character)
}

struct Renderer {
    var output = ""
    var stringContext = StringContext.plain

    // MARK: Statements

    mutating func block(_ body: [Statement], indent: Int) {
        if body.isEmpty {
            line("pass", indent: indent)
            return
        }
        for statement in body { self.statement(statement, indent: indent) }
    }

    mutating func line(_ text: String, indent: Int) {
        output += String(repeating: " ", count: indent * 4) + text + "\n"
    }

    mutating func statement(_ statement: Statement, indent: Int) {
        switch statement.kind {
        case .expression(let value):
            line(expression(value, minimum: .lambda), indent: indent)
        case .assign(let targets, let value):
            let left = targets.map { target($0) }.joined(separator: " = ")
            line(left + " = " + expression(value, minimum: .lambda), indent: indent)
        case .augmentedAssign(let target, let op, let value):
            line(self.target(target) + " \(op.rawValue)= " + expression(value, minimum: .lambda), indent: indent)
        case .annotatedAssign(let target, let annotation, let value):
            var text = self.target(target) + ": " + expression(annotation, minimum: .lambda)
            if let value { text += " = " + expression(value, minimum: .lambda) }
            line(text, indent: indent)
        case .if(let test, let body, let orElse):
            ifChain(keyword: "if", test: test, body: body, orElse: orElse, indent: indent)
        case .while(let test, let body, let orElse):
            line("while " + expression(test, minimum: .lambda) + ":", indent: indent)
            block(body, indent: indent + 1)
            elseBlock(orElse, indent: indent)
        case .for(let loopTarget, let iterable, let body, let orElse):
            line("for " + target(loopTarget) + " in " + expression(iterable, minimum: .lambda) + ":", indent: indent)
            block(body, indent: indent + 1)
            elseBlock(orElse, indent: indent)
        case .functionDefinition(let definition):
            var header = "def \(definition.name)(" + parameters(definition.parameters, annotated: true) + ")"
            if let returns = definition.returns { header += " -> " + expression(returns, minimum: .lambda) }
            line(header + ":", indent: indent)
            block(definition.body, indent: indent + 1)
        case .return(let value):
            line(value.map { "return " + expression($0, minimum: .lambda) } ?? "return", indent: indent)
        case .break: line("break", indent: indent)
        case .continue: line("continue", indent: indent)
        case .pass: line("pass", indent: indent)
        case .try(let body, let handlers, let orElse, let finally):
            line("try:", indent: indent)
            block(body, indent: indent + 1)
            for handler in handlers {
                var header = "except"
                if let type = handler.type { header += " " + expression(type, minimum: .lambda) }
                if let name = handler.name { header += " as " + name }
                line(header + ":", indent: indent)
                block(handler.body, indent: indent + 1)
            }
            if handlers.isEmpty && (finally.isEmpty || !orElse.isEmpty) {
                // A try without handlers (left by the shrinker) needs one for its `else` or to be valid
                // at all; re-raising everything keeps the meaning.
                line("except BaseException:", indent: indent)
                line("raise", indent: indent + 1)
            }
            elseBlock(orElse, indent: indent)
            if !finally.isEmpty {
                line("finally:", indent: indent)
                block(finally, indent: indent + 1)
            }
        case .raise(let exception, let cause):
            var text = "raise"
            if let exception { text += " " + expression(exception, minimum: .lambda) }
            if let cause { text += " from " + expression(cause, minimum: .lambda) }
            line(text, indent: indent)
        case .assert(let test, let message):
            var text = "assert " + expression(test, minimum: .lambda)
            if let message { text += ", " + expression(message, minimum: .lambda) }
            line(text, indent: indent)
        case .delete(let targets):
            line("del " + targets.map { target($0) }.joined(separator: ", "), indent: indent)
        case .global(let names):
            line("global " + names.joined(separator: ", "), indent: indent)
        case .nonlocal(let names):
            line("nonlocal " + names.joined(separator: ", "), indent: indent)
        case .import(let aliases):
            line("import " + aliases.map(alias).joined(separator: ", "), indent: indent)
        case .importFrom(let module, let names, let level):
            let source = String(repeating: ".", count: level) + module
            let imported = names.isEmpty ? "*" : names.map(alias).joined(separator: ", ")
            line("from \(source) import \(imported)", indent: indent)
        }
    }

    func alias(_ alias: ImportAlias) -> String {
        alias.asName.map { "\(alias.name) as \($0)" } ?? alias.name
    }

    mutating func ifChain(keyword: String, test: Expression, body: [Statement], orElse: [Statement], indent: Int) {
        line(keyword + " " + expression(test, minimum: .lambda) + ":", indent: indent)
        block(body, indent: indent + 1)
        if orElse.count == 1, case .if(let innerTest, let innerBody, let innerElse) = orElse[0].kind {
            ifChain(keyword: "elif", test: innerTest, body: innerBody, orElse: innerElse, indent: indent)
        } else {
            elseBlock(orElse, indent: indent)
        }
    }

    mutating func elseBlock(_ body: [Statement], indent: Int) {
        guard !body.isEmpty else { return }
        line("else:", indent: indent)
        block(body, indent: indent + 1)
    }

    /// An assignment, `for` or `del` target: a top-level tuple is written without parentheses.
    mutating func target(_ target: Expression) -> String {
        if case .tuple(let elements) = target.kind, !elements.isEmpty {
            let items = elements.map { expression($0, minimum: .bitOr) }
            return items.count == 1 ? items[0] + "," : items.joined(separator: ", ")
        }
        return expression(target, minimum: .bitOr)
    }

    mutating func parameters(_ parameters: Parameters, annotated: Bool) -> String {
        var items: [String] = []
        func one(_ parameter: Parameter, into items: inout [String], renderer: inout Renderer) {
            var text = parameter.name
            if annotated, let annotation = parameter.annotation {
                text += ": " + renderer.expression(annotation, minimum: .lambda)
            }
            if let value = parameter.defaultValue {
                let rendered = renderer.expression(value, minimum: .lambda)
                text += (annotated && parameter.annotation != nil) ? " = " + rendered : "=" + rendered
            }
            items.append(text)
        }
        for parameter in parameters.positionalOnly { one(parameter, into: &items, renderer: &self) }
        if !parameters.positionalOnly.isEmpty { items.append("/") }
        for parameter in parameters.positional { one(parameter, into: &items, renderer: &self) }
        if let varArgs = parameters.varArgs {
            var star = Parameter(name: "*" + varArgs.name, annotation: varArgs.annotation, defaultValue: nil, range: varArgs.range)
            if !annotated { star.annotation = nil }
            one(star, into: &items, renderer: &self)
        } else if !parameters.keywordOnly.isEmpty {
            items.append("*")
        }
        for parameter in parameters.keywordOnly { one(parameter, into: &items, renderer: &self) }
        if let varKeywords = parameters.varKeywords {
            let star = Parameter(name: "**" + varKeywords.name, annotation: annotated ? varKeywords.annotation : nil,
                                 defaultValue: nil, range: varKeywords.range)
            one(star, into: &items, renderer: &self)
        }
        return items.joined(separator: ", ")
    }
}
