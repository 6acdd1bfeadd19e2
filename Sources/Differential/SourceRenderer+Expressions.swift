import PythonSyntax

extension Renderer {
    /// `expression` as text, parenthesized when its precedence is below `minimum`.
    mutating func expression(_ expression: Expression, minimum: Precedence) -> String {
        let (text, precedence) = unparenthesized(expression)
        return precedence < minimum ? "(" + text + ")" : text
    }

    /// The text of `expression` and the precedence of its outermost operator.
    mutating func unparenthesized(_ e: Expression) -> (String, Precedence) {
        switch e.kind {
        case .name(let name):
            return (name, .atom)
        case .constant(let constant):
            return self.constant(constant)
        case .formattedString(let parts):
            return formattedString(parts)
        case .unary(let op, let operand):
            if op == .not { return ("not " + expression(operand, minimum: .not), .not) }
            return (op.rawValue + expression(operand, minimum: .unary), .unary)
        case .binary(let op, let left, let right):
            let precedence = Precedence(op)
            let leftMinimum = op == .power ? Precedence.await : precedence
            let rightMinimum = op == .power ? Precedence.unary : precedence.stronger
            return (expression(left, minimum: leftMinimum) + " \(op.rawValue) " + expression(right, minimum: rightMinimum),
                    precedence)
        case .boolean(let op, let operands):
            let precedence: Precedence = op == .and ? .and : .or
            return (operands.map { expression($0, minimum: precedence.stronger) }.joined(separator: " \(op.rawValue) "),
                    precedence)
        case .compare(let first, let comparisons):
            var text = expression(first, minimum: .bitOr)
            for comparison in comparisons {
                text += " \(comparison.op.rawValue) " + expression(comparison.right, minimum: .bitOr)
            }
            return (text, .comparison)
        case .call(let function, let arguments):
            return (primaryBase(function) + "(" + callArguments(arguments) + ")", .primary)
        case .attribute(let base, let name):
            return (primaryBase(base) + "." + name, .primary)
        case .subscript(let base, let index):
            return (primaryBase(base) + "[" + subscriptIndex(index) + "]", .primary)
        case .slice:
            // Only valid as a subscript index, where `subscriptIndex` writes it.
            return ("(" + slice(e) + ")", .atom)
        case .starred(let value):
            return ("*" + expression(value, minimum: .bitOr), .bitOr)
        case .list(let elements):
            return ("[" + elements.map { expression($0, minimum: .lambda) }.joined(separator: ", ") + "]", .atom)
        case .tuple(let elements):
            let items = elements.map { expression($0, minimum: .lambda) }
            return ("(" + items.joined(separator: ", ") + (items.count == 1 ? ",)" : ")"), .atom)
        case .set(let elements):
            if elements.isEmpty { return ("set()", .primary) }
            return ("{" + elements.map { expression($0, minimum: .lambda) }.joined(separator: ", ") + "}", .atom)
        case .dictionary(let items):
            let texts = items.map { item -> String in
                switch item {
                case .pair(let key, let value):
                    expression(key, minimum: .lambda) + ": " + expression(value, minimum: .lambda)
                case .unpack(let mapping):
                    "**" + expression(mapping, minimum: .bitOr)
                }
            }
            return ("{" + texts.joined(separator: ", ") + "}", .atom)
        case .listComprehension(let element, let generators):
            return ("[" + expression(element, minimum: .lambda) + comprehension(generators) + "]", .atom)
        case .setComprehension(let element, let generators):
            return ("{" + expression(element, minimum: .lambda) + comprehension(generators) + "}", .atom)
        case .dictionaryComprehension(let key, let value, let generators):
            return ("{" + expression(key, minimum: .lambda) + ": " + expression(value, minimum: .lambda)
                    + comprehension(generators) + "}", .atom)
        case .generatorExpression(let element, let generators):
            return ("(" + expression(element, minimum: .lambda) + comprehension(generators) + ")", .atom)
        case .conditional(let test, let body, let orElse):
            return (expression(body, minimum: .or) + " if " + expression(test, minimum: .or) + " else "
                    + expression(orElse, minimum: .conditional), .conditional)
        case .lambda(let parameters, let body):
            let list = self.parameters(parameters, annotated: false)
            return ("lambda" + (list.isEmpty ? "" : " " + list) + ": " + expression(body, minimum: .lambda), .lambda)
        case .namedExpression(let target, let value):
            return (target + " := " + expression(value, minimum: .lambda), .namedExpression)
        }
    }

    /// The object of a call, attribute or subscript; an int literal needs parentheses before `.name`.
    mutating func primaryBase(_ base: Expression) -> String {
        if case .constant(let constant) = base.kind {
            switch constant {
            case .int, .bigInt, .float: return "(" + expression(base, minimum: .lambda) + ")"
            default: break
            }
        }
        return expression(base, minimum: .primary)
    }

    mutating func callArguments(_ arguments: [Argument]) -> String {
        if arguments.count == 1, case .positional(let only) = arguments[0],
           case .generatorExpression(let element, let generators) = only.kind {
            return expression(element, minimum: .lambda) + comprehension(generators)
        }
        return arguments.map { argument -> String in
            switch argument {
            case .positional(let value): expression(value, minimum: .lambda)
            case .starred(let value): "*" + expression(value, minimum: .lambda)
            case .keyword(let name, let value): name + "=" + expression(value, minimum: .lambda)
            case .doubleStarred(let value): "**" + expression(value, minimum: .lambda)
            }
        }.joined(separator: ", ")
    }

    /// A subscript's index: a non-empty tuple is written bare, so slices may appear inside it.
    mutating func subscriptIndex(_ index: Expression) -> String {
        if case .tuple(let elements) = index.kind, !elements.isEmpty {
            let items = elements.map { element -> String in
                if case .slice = element.kind { return slice(element) }
                return expression(element, minimum: .lambda)
            }
            return items.joined(separator: ", ") + (items.count == 1 ? "," : "")
        }
        if case .slice = index.kind { return slice(index) }
        return expression(index, minimum: .lambda)
    }

    mutating func slice(_ e: Expression) -> String {
        guard case .slice(let lower, let upper, let step) = e.kind else { return expression(e, minimum: .lambda) }
        var text = (lower.map { expression($0, minimum: .lambda) } ?? "") + ":" + (upper.map { expression($0, minimum: .lambda) } ?? "")
        if let step { text += ":" + expression(step, minimum: .lambda) }
        return text
    }

    mutating func comprehension(_ generators: [Comprehension]) -> String {
        var text = ""
        for generator in generators {
            text += " for " + target(generator.target) + " in " + expression(generator.iterable, minimum: .or)
            for condition in generator.conditions { text += " if " + expression(condition, minimum: .or) }
        }
        return text
    }

    // MARK: Constants

    mutating func constant(_ constant: Constant) -> (String, Precedence) {
        switch constant {
        case .none: return ("None", .atom)
        case .bool(let value): return (value ? "True" : "False", .atom)
        case .ellipsis: return ("...", .atom)
        case .int(let value): return (String(value), value < 0 ? .unary : .atom)
        case .bigInt(let digits): return (digits, digits.hasPrefix("-") ? .unary : .atom)
        case .float(let value): return Self.floatLiteral(value)
        case .string(let text): return (stringLiteral(text), .atom)
        }
    }

    /// A float literal that reads back as exactly `value`: Swift's `description` is the shortest
    /// round-tripping form, as Python's `repr`; infinity is written `1e999`, nan `float('nan')`.
    static func floatLiteral(_ value: Double) -> (String, Precedence) {
        if value.isNaN { return ("float('nan')", .primary) }
        if value.isInfinite { return (value < 0 ? "-1e999" : "1e999", value < 0 ? .unary : .atom) }
        var text = value.magnitude.description
        if !text.contains(".") && !text.contains("e") { text += ".0" }
        return value.sign == .minus ? ("-" + text, .unary) : (text, .atom)
    }
}
