/// A compact, deterministic text form of the tree, shaped like CPython's `ast.dump` so the two can be compared.
///
/// Example: `x = -2**2` dumps as `Assign([Name(x)], UnaryOp(-, BinOp(Constant(2), **, Constant(2))))`.
/// F-strings are shown as CPython builds them: a self-documenting field's text becomes literal text before
/// the value. With `locations`, every statement and expression is followed by `@line:column-line:column`.
extension Module {
    public func dumped(locations: Bool = false) -> String {
        var dumper = ASTDumper(locations: locations)
        dumper.statements(body)
        return dumper.output
    }
}

extension Statement {
    public func dumped(locations: Bool = false) -> String {
        var dumper = ASTDumper(locations: locations)
        dumper.statement(self)
        return dumper.output
    }
}

extension Expression {
    public func dumped(locations: Bool = false) -> String {
        var dumper = ASTDumper(locations: locations)
        dumper.expression(self)
        return dumper.output
    }
}

private struct ASTDumper {
    let locations: Bool
    var output = ""

    mutating func statements(_ body: [Statement]) {
        output += "["
        for (index, statement) in body.enumerated() {
            if index > 0 { output += ", " }
            self.statement(statement)
        }
        output += "]"
    }

    mutating func location(_ range: SourceRange) {
        if locations { output += "@\(range.start)-\(range.end)" }
    }

    mutating func optional(_ expression: Expression?) {
        if let expression { self.expression(expression) } else { output += "None" }
    }

    mutating func expressions(_ list: [Expression]) {
        output += "["
        for (index, element) in list.enumerated() {
            if index > 0 { output += ", " }
            expression(element)
        }
        output += "]"
    }

    mutating func statement(_ statement: Statement) {
        switch statement.kind {
        case .expression(let value):
            output += "Expr("
            expression(value)
            output += ")"
        case .assign(let targets, let value):
            output += "Assign("
            expressions(targets)
            output += ", "
            expression(value)
            output += ")"
        case .augmentedAssign(let target, let op, let value):
            output += "AugAssign("
            expression(target)
            output += ", \(op.rawValue), "
            expression(value)
            output += ")"
        case .annotatedAssign(let target, let annotation, let value):
            output += "AnnAssign("
            expression(target)
            output += ", "
            expression(annotation)
            output += ", "
            optional(value)
            output += ")"
        case .if(let test, let body, let orElse):
            output += "If("
            expression(test)
            output += ", "
            statements(body)
            output += ", "
            statements(orElse)
            output += ")"
        case .while(let test, let body, let orElse):
            output += "While("
            expression(test)
            output += ", "
            statements(body)
            output += ", "
            statements(orElse)
            output += ")"
        case .for(let target, let iterable, let body, let orElse):
            output += "For("
            expression(target)
            output += ", "
            expression(iterable)
            output += ", "
            statements(body)
            output += ", "
            statements(orElse)
            output += ")"
        case .functionDefinition(let definition):
            output += "FunctionDef(\(definition.name), "
            parameters(definition.parameters)
            output += ", "
            statements(definition.body)
            output += ", "
            optional(definition.returns)
            output += ")"
        case .return(let value):
            output += "Return("
            optional(value)
            output += ")"
        case .break: output += "Break"
        case .continue: output += "Continue"
        case .pass: output += "Pass"
        case .try(let body, let handlers, let orElse, let finalBody):
            output += "Try("
            statements(body)
            output += ", ["
            for (index, handler) in handlers.enumerated() {
                if index > 0 { output += ", " }
                output += "ExceptHandler("
                optional(handler.type)
                output += ", \(handler.name ?? "None"), "
                statements(handler.body)
                output += ")"
                location(handler.range)
            }
            output += "], "
            statements(orElse)
            output += ", "
            statements(finalBody)
            output += ")"
        case .raise(let exception, let cause):
            output += "Raise("
            optional(exception)
            output += ", "
            optional(cause)
            output += ")"
        case .assert(let test, let message):
            output += "Assert("
            expression(test)
            output += ", "
            optional(message)
            output += ")"
        case .delete(let targets):
            output += "Delete("
            expressions(targets)
            output += ")"
        case .global(let names):
            output += "Global([\(names.joined(separator: ", "))])"
        case .nonlocal(let names):
            output += "Nonlocal([\(names.joined(separator: ", "))])"
        case .import(let aliases):
            output += "Import("
            self.aliases(aliases)
            output += ")"
        case .importFrom(let module, let names, let level):
            output += "ImportFrom(\(module), "
            aliases(names)
            output += ", \(level))"
        }
        location(statement.range)
    }

    mutating func aliases(_ aliases: [ImportAlias]) {
        output += "["
        for (index, alias) in aliases.enumerated() {
            if index > 0 { output += ", " }
            output += alias.name
            if let asName = alias.asName { output += " as \(asName)" }
            location(alias.range)
        }
        output += "]"
    }

    mutating func parameters(_ parameters: Parameters) {
        output += "("
        var first = true
        func separator(_ dumper: inout ASTDumper) {
            if !first { dumper.output += ", " }
            first = false
        }
        for parameter in parameters.positionalOnly {
            separator(&self)
            self.parameter(parameter)
        }
        if !parameters.positionalOnly.isEmpty {
            separator(&self)
            output += "/"
        }
        for parameter in parameters.positional {
            separator(&self)
            self.parameter(parameter)
        }
        if let varArgs = parameters.varArgs {
            separator(&self)
            output += "*"
            parameter(varArgs)
        } else if !parameters.keywordOnly.isEmpty {
            separator(&self)
            output += "*"
        }
        for parameter in parameters.keywordOnly {
            separator(&self)
            self.parameter(parameter)
        }
        if let varKeywords = parameters.varKeywords {
            separator(&self)
            output += "**"
            parameter(varKeywords)
        }
        output += ")"
    }

    mutating func parameter(_ parameter: Parameter) {
        output += parameter.name
        if let annotation = parameter.annotation {
            output += ": "
            expression(annotation)
        }
        location(parameter.range)
        if let defaultValue = parameter.defaultValue {
            output += "="
            expression(defaultValue)
        }
    }

    mutating func comprehensions(_ generators: [Comprehension]) {
        output += "["
        for (index, generator) in generators.enumerated() {
            if index > 0 { output += ", " }
            output += "for "
            expression(generator.target)
            output += " in "
            expression(generator.iterable)
            for condition in generator.conditions {
                output += " if "
                expression(condition)
            }
        }
        output += "]"
    }

    mutating func expression(_ expression: Expression) {
        switch expression.kind {
        case .name(let name):
            output += "Name(\(name))"
        case .constant(let constant):
            output += "Constant("
            switch constant {
            case .none: output += "None"
            case .bool(let value): output += value ? "True" : "False"
            case .int(let value): output += String(value)
            case .bigInt(let digits): output += digits
            case .float(let value): output += ASTDumper.pythonRepresentation(of: value)
            case .string(let value): output += ASTDumper.pythonRepresentation(of: value)
            case .ellipsis: output += "Ellipsis"
            }
            output += ")"
        case .formattedString(let parts):
            formattedString(parts)
        case .unary(let op, let operand):
            output += "UnaryOp(\(op.rawValue), "
            self.expression(operand)
            output += ")"
        case .binary(let op, let left, let right):
            output += "BinOp("
            self.expression(left)
            output += ", \(op.rawValue), "
            self.expression(right)
            output += ")"
        case .boolean(let op, let operands):
            output += "BoolOp(\(op.rawValue), "
            expressions(operands)
            output += ")"
        case .compare(let left, let comparisons):
            output += "Compare("
            self.expression(left)
            for comparison in comparisons {
                output += ", \(comparison.op.rawValue), "
                self.expression(comparison.right)
            }
            output += ")"
        case .call(let function, let arguments):
            output += "Call("
            self.expression(function)
            output += ", ["
            for (index, argument) in arguments.enumerated() {
                if index > 0 { output += ", " }
                switch argument {
                case .positional(let value): self.expression(value)
                case .starred(let value):
                    output += "*"
                    self.expression(value)
                case .keyword(let name, let value):
                    output += "\(name)="
                    self.expression(value)
                case .doubleStarred(let value):
                    output += "**"
                    self.expression(value)
                }
            }
            output += "])"
        case .attribute(let value, let name):
            output += "Attribute("
            self.expression(value)
            output += ", \(name))"
        case .subscript(let value, let index):
            output += "Subscript("
            self.expression(value)
            output += ", "
            self.expression(index)
            output += ")"
        case .slice(let lower, let upper, let step):
            output += "Slice("
            optional(lower)
            output += ", "
            optional(upper)
            output += ", "
            optional(step)
            output += ")"
        case .starred(let value):
            output += "Starred("
            self.expression(value)
            output += ")"
        case .list(let elements):
            output += "List("
            expressions(elements)
            output += ")"
        case .tuple(let elements):
            output += "Tuple("
            expressions(elements)
            output += ")"
        case .set(let elements):
            output += "Set("
            expressions(elements)
            output += ")"
        case .dictionary(let items):
            output += "Dict(["
            for (index, item) in items.enumerated() {
                if index > 0 { output += ", " }
                switch item {
                case .pair(let key, let value):
                    self.expression(key)
                    output += ": "
                    self.expression(value)
                case .unpack(let mapping):
                    output += "**"
                    self.expression(mapping)
                }
            }
            output += "])"
        case .listComprehension(let element, let generators):
            output += "ListComp("
            self.expression(element)
            output += ", "
            comprehensions(generators)
            output += ")"
        case .setComprehension(let element, let generators):
            output += "SetComp("
            self.expression(element)
            output += ", "
            comprehensions(generators)
            output += ")"
        case .dictionaryComprehension(let key, let value, let generators):
            output += "DictComp("
            self.expression(key)
            output += ", "
            self.expression(value)
            output += ", "
            comprehensions(generators)
            output += ")"
        case .generatorExpression(let element, let generators):
            output += "GeneratorExp("
            self.expression(element)
            output += ", "
            comprehensions(generators)
            output += ")"
        case .conditional(let test, let body, let orElse):
            output += "IfExp("
            self.expression(test)
            output += ", "
            self.expression(body)
            output += ", "
            self.expression(orElse)
            output += ")"
        case .lambda(let parameters, let body):
            output += "Lambda("
            self.parameters(parameters)
            output += ", "
            self.expression(body)
            output += ")"
        case .namedExpression(let target, let value):
            output += "NamedExpr(\(target), "
            self.expression(value)
            output += ")"
        }
        location(expression.range)
    }

    /// Parts as CPython builds them: adjacent literal text (including `{x=}` text) merged into one constant.
    mutating func formattedString(_ parts: [FormattedStringPart]) {
        output += "JoinedStr(["
        var pendingLiteral: String?
        var first = true
        func flush(_ dumper: inout ASTDumper) {
            guard let literal = pendingLiteral else { return }
            if !first { dumper.output += ", " }
            first = false
            dumper.output += "Constant(" + ASTDumper.pythonRepresentation(of: literal) + ")"
            pendingLiteral = nil
        }
        for part in parts {
            switch part {
            case .literal(let text):
                pendingLiteral = (pendingLiteral ?? "") + text
            case .replacement(let value, let conversion, let spec, let debugText):
                if let debugText { pendingLiteral = (pendingLiteral ?? "") + debugText }
                flush(&self)
                if !first { output += ", " }
                first = false
                output += "FormattedValue("
                expression(value)
                output += ", "
                output += conversion.map { String($0.rawValue) } ?? "-1"
                output += ", "
                if let spec { formattedString(spec) } else { output += "None" }
                output += ")"
            }
        }
        flush(&self)
        output += "])"
    }

    /// Python's `repr` of a float: shortest round-trip digits, as Swift's `description` also gives.
    static func pythonRepresentation(of value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return value.description
    }

    /// Python's `repr` of a str: single quotes unless the text holds only single quotes, escapes for
    /// backslashes, quotes, line breaks and non-printable characters.
    static func pythonRepresentation(of text: String) -> String {
        let quote: Unicode.Scalar = text.unicodeScalars.contains("'") && !text.unicodeScalars.contains("\"") ? "\"" : "'"
        var result = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case quote: result += "\\" + String(quote)
            default:
                if Lexer.isPrintable(scalar) {
                    result.unicodeScalars.append(scalar)
                } else {
                    let hex = String(scalar.value, radix: 16)
                    let width = scalar.value < 0x100 ? 2 : scalar.value < 0x10000 ? 4 : 8
                    let prefix = width == 2 ? "\\x" : width == 4 ? "\\u" : "\\U"
                    result += prefix + String(repeating: "0", count: width - hex.count) + hex
                }
            }
        }
        result.unicodeScalars.append(quote)
        return result
    }
}
