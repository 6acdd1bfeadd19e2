extension Formatting {
    /// `template.format(*args, **kwargs)`: the positional arguments are `args[startIndex...]` (a method
    /// call passes the receiver at index 0), the keyword arguments are `args.keywords`.
    ///
    /// Supports auto-numbered, numbered and named fields, `{0[1]}` / `{a[key]}` indexing, `{a.b}`
    /// attributes (names starting with `_` are refused: sandbox), `!r` `!s` `!a`, and nested specs.
    public static func strFormat(_ template: String, _ args: Arguments, startIndex: Int, _ context: ExecutionContext) throws(ExecutionError) -> String {
        var positional: [Value] = []
        if startIndex < args.count {
            positional.reserveCapacity(args.count - startIndex)
            for i in startIndex..<args.count { positional.append(args[i]) }
        }
        var renderer = FieldRenderer(positional: positional, keywords: args.keywords, context: context)
        return try renderer.render(Array(template.unicodeScalars), depth: 2)
    }
}

/// Renders one `str.format` template, tracking automatic field numbering across nested specs.
private struct FieldRenderer {
    let positional: [Value]
    let keywords: [(String, Value)]
    let context: ExecutionContext
    var autoIndex = 0
    var numbering: Numbering = .undecided

    enum Numbering { case undecided, automatic, manual }

    init(positional: [Value], keywords: [(String, Value)], context: ExecutionContext) {
        self.positional = positional
        self.keywords = keywords
        self.context = context
    }

    static func valueError(_ message: String) -> ExecutionError { .exception(.valueError(message)) }

    mutating func render(_ scalars: [Unicode.Scalar], depth: Int) throws(ExecutionError) -> String {
        if depth <= 0 { throw Self.valueError("Max string recursion exceeded") }
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "}" {
                guard index + 1 < scalars.count, scalars[index + 1] == "}" else {
                    throw Self.valueError("Single '}' encountered in format string")
                }
                output.append("}")
                index += 2
                continue
            }
            guard scalar == "{" else {
                output.append(scalar)
                index += 1
                continue
            }
            if index + 1 < scalars.count, scalars[index + 1] == "{" {
                output.append("{")
                index += 2
                continue
            }
            if index + 1 >= scalars.count { throw Self.valueError("Single '{' encountered in format string") }
            // Find the matching '}', allowing nested braces in the spec.
            var nesting = 1
            var end = index + 1
            while end < scalars.count {
                if scalars[end] == "{" { nesting += 1 } else if scalars[end] == "}" { nesting -= 1; if nesting == 0 { break } }
                end += 1
            }
            if end >= scalars.count { throw Self.valueError("expected '}' before end of string") }
            let field = Array(scalars[(index + 1)..<end])
            output.append(contentsOf: try renderField(field, depth: depth).unicodeScalars)
            index = end + 1
        }
        return String(output)
    }

    private mutating func renderField(_ field: [Unicode.Scalar], depth: Int) throws(ExecutionError) -> String {
        // The field name ends at '!' or ':' outside brackets.
        var nameEnd = 0
        scan: while nameEnd < field.count {
            switch field[nameEnd] {
            case "[":
                while nameEnd < field.count && field[nameEnd] != "]" { nameEnd += 1 }
                if nameEnd < field.count { nameEnd += 1 }
                continue scan
            case "{": throw Self.valueError("unexpected '{' in field name")
            case "!", ":": break scan
            default: nameEnd += 1
            }
        }
        var conversion: Unicode.Scalar?
        var specStart = field.count
        if nameEnd < field.count {
            if field[nameEnd] == "!" {
                guard nameEnd + 1 < field.count else { throw Self.valueError("unmatched '{' in format spec") }
                conversion = field[nameEnd + 1]
                if nameEnd + 2 < field.count {
                    guard field[nameEnd + 2] == ":" else { throw Self.valueError("expected ':' after conversion specifier") }
                    specStart = nameEnd + 3
                }
            } else {
                specStart = nameEnd + 1
            }
        }
        var value = try resolve(Array(field[..<nameEnd]))
        if let conversion {
            switch conversion {
            case "r": value = .string(try Repr.repr(value))
            case "s": value = .string(try Repr.str(value))
            case "a": value = .string(try Formatting.ascii(value))
            default: throw Self.valueError("Unknown conversion specifier \(Character(conversion))")
            }
        }
        var spec = specStart < field.count ? Array(field[specStart...]) : []
        if spec.contains("{") {
            spec = Array(try render(spec, depth: depth - 1).unicodeScalars)
        }
        return try Formatting.format(value, spec: String(String.UnicodeScalarView(spec)), context)
    }

    /// The value a field name denotes: an argument, then `.attribute` and `[key]` steps.
    private mutating func resolve(_ name: [Unicode.Scalar]) throws(ExecutionError) -> Value {
        var firstEnd = 0
        while firstEnd < name.count && name[firstEnd] != "." && name[firstEnd] != "[" { firstEnd += 1 }
        let first = String(String.UnicodeScalarView(name[..<firstEnd]))
        var value: Value
        if first.isEmpty {
            if numbering == .manual {
                throw Self.valueError("cannot switch from manual field specification to automatic field numbering")
            }
            numbering = .automatic
            value = try positionalArgument(autoIndex)
            autoIndex += 1
        } else if let number = Self.integer(first) {
            if numbering == .automatic {
                throw Self.valueError("cannot switch from automatic field numbering to manual field specification")
            }
            numbering = .manual
            value = try positionalArgument(number)
        } else {
            guard let match = keywords.last(where: { $0.0 == first }) else { throw .exception(.keyError(.string(first))) }
            value = match.1
        }
        var index = firstEnd
        while index < name.count {
            if name[index] == "." {
                var end = index + 1
                while end < name.count && name[end] != "." && name[end] != "[" { end += 1 }
                let attribute = String(String.UnicodeScalarView(name[(index + 1)..<end]))
                if attribute.isEmpty { throw Self.valueError("Empty attribute in format string") }
                if attribute.hasPrefix("_") { throw .exception(.noAttribute(value, attribute)) }
                value = try Attributes.get(value, attribute)
                index = end
            } else if name[index] == "[" {
                var end = index + 1
                while end < name.count && name[end] != "]" { end += 1 }
                if end >= name.count { throw Self.valueError("Missing ']' in format string") }
                let keyText = String(String.UnicodeScalarView(name[(index + 1)..<end]))
                if keyText.isEmpty { throw Self.valueError("Empty attribute in format string") }
                let key: Value = keyText.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
                    ? (Int(keyText).map(Value.int) ?? .string(keyText)) : .string(keyText)
                value = try Containers.getItem(value, key, context)
                index = end + 1
                if index < name.count && name[index] != "." && name[index] != "[" {
                    throw Self.valueError("Only '.' or '[' may follow ']' in format field specifier")
                }
            } else {
                throw Self.valueError("Only '.' or '[' may follow ']' in format field specifier")
            }
        }
        return value
    }

    /// The value of a field name made only of decimal digits (nil otherwise, or if it overflows).
    private static func integer(_ text: String) -> Int? {
        var value = 0
        for scalar in text.unicodeScalars {
            guard let digit = FormatSpec.decimalDigit(scalar) else { return nil }
            let (scaled, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = scaled.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return value
    }

    private func positionalArgument(_ index: Int) throws(ExecutionError) -> Value {
        guard index < positional.count else {
            throw .exception(.indexError("Replacement index \(index) out of range for positional args tuple"))
        }
        return positional[index]
    }
}
