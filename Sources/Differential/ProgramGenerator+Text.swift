import PythonSyntax

/// String literals and format specs the generator draws from.
enum StringPools {
    static let words = ["apple", "banana", "cherry", "kiwi", "Mango", "pear", "fig", "date", "plum", "lime"]
    static let fragments = ["a", "an", "e", " ", ",", "-", "ana", "x", "", "pp", "é"]
    static let texts = [
        "Hello, World", "a-b-c", "  padded  ", "café", "naïve", "日本語", "1234", "3.5", "mixed Case words",
        "it's", "say \"hi\"", "tab\there", "line\nbreak", "emoji 😀", "straße", "İstanbul", "ǅemal", "", "x",
        "The quick brown fox", "a,b,,c", "UPPER lower", "back\\slash", "ﬁne", "Ω and ω",
    ]
    /// Texts for `int()`, with whether CPython accepts them.
    static let intTexts: [(String, Bool)] = [
        ("42", true), (" 7 ", true), ("-15", true), ("1_000", true), ("+3", true), ("0", true), ("٣", true),
        ("3.5", false), ("abc", false), ("", false), ("1e3", false), ("12abc", false), ("1__0", false),
    ]
    /// Texts for `float()`, with whether CPython accepts them.
    static let floatTexts: [(String, Bool)] = [
        ("3.5", true), ("1e3", true), (" 2.5 ", true), ("inf", true), ("-0.0", true), ("nan", true),
        ("1_000.5", true), ("infinity", true), ("-1E-7", true), ("abc", false), ("1,5", false), ("", false),
        ("0x10", false),
    ]
    static let intSpecs = ["d", ",", "_", "05d", ">6", "<4", "^7", "+d", "x", "X", "o", "b", "#x", "#b", ",d",
                           ".2f", "e", "%", "08,d", " d", "=+8", "*^9", "", "10", "-^5"]
    static let floatSpecs = [".2f", ".0f", ",.2f", ".3e", ".1%", "10.3f", "<10", "g", ".3g", "+.1f", "08.2f",
                             ",", "_.3f", ".2", "", "E", ".10g", "^12.4f", "f", ".15g", "e", ">+9.2f", "G"]
    static let stringSpecs = [">10", "<5", "^9", "*^9", ".3", "s", "-<6", "", "=^8.2", ">3"]
    static let boolSpecs = ["", ">6", "d", "^7"]
    /// Specs that do not apply to the value's type: ValueError with a message worth comparing.
    static let mismatchedSpecs = ["s", "d", ",s", "=5", "c", "z"]
    static let percentIntFormats = ["%d", "%5d", "%-5d|", "%05d", "%x", "%o", "%X", "%i", "%+d", "%d%%", "%3d items"]
    static let percentFloatFormats = ["%.2f", "%10.3f", "%e", "%+.1e", "%g", "%.0f", "%5.1f%%", "%-8.2f|", "%.3g"]
}

extension GenerationState {
    mutating func stringLiteral() -> Generated {
        let text = random.chance(0.5) ? random.pick(StringPools.words) : random.pick(StringPools.texts)
        return Generated(Build.string(text), size: text.count, nonEmpty: !text.isEmpty)
    }

    mutating func stringLeaf() -> Generated {
        if random.chance(0.5), let variable = variableLeaf(.str) { return variable }
        return stringLiteral()
    }

    enum StringForm {
        case leaf, concatenate, repeatText, convert, formatted, percent, format, method, join, slice, index
        case split, conditional, call, character, formatBuiltin, dictGet, listIndex
    }

    mutating func stringExpression(depth: Int) -> Generated {
        if depth <= 0 { return stringLeaf() }
        let forms: [(weight: Int, value: StringForm)] = [
            (4, .leaf), (3, .concatenate), (1, .repeatText), (3, .convert), (6, .formatted), (3, .percent),
            (3, .format), (5, .method), (3, .join), (2, .slice), (1, .index), (1, .split), (1, .conditional),
            (2, .call), (1, .character), (1, .formatBuiltin), (1, .dictGet), (1, .listIndex),
        ]
        switch random.weighted(forms) {
        case .leaf:
            return stringLeaf()
        case .concatenate:
            let a = stringExpression(depth: depth - 1), b = stringExpression(depth: depth - 1)
            return Generated(Build.binary(.add, a.expression, b.expression), size: a.size + b.size, nonEmpty: a.nonEmpty || b.nonEmpty)
        case .repeatText:
            let a = stringExpression(depth: depth - 1)
            let times = random.int(in: -1...3)
            return Generated(Build.binary(.multiply, a.expression, Build.int(times)), size: a.size * max(times, 0))
        case .convert:
            let type = random.pick([ValueType.int, .float, .bool, .list(.int), .list(.float), .list(.str),
                                    .dict(.str, .int), .tuple([.int, .str]), .set(.int)])
            let value = expression(type, depth: depth - 1)
            if type == .int && value.size > 4000 { risk.insert(.value) }
            return Generated(Build.call(random.chance(0.7) ? "str" : "repr", [value.expression]), size: 200, nonEmpty: true)
        case .formatted:
            return formattedString(depth: depth)
        case .percent:
            return percentFormatted(depth: depth)
        case .format:
            return formatMethod(depth: depth)
        case .method:
            return stringMethod(depth: depth)
        case .join:
            let separator = Build.string(random.pick([", ", "-", "", " | ", "\n", "/"]))
            if random.chance(0.5) {
                let list = expression(.list(.str), depth: depth - 1)
                return Generated(Build.method(separator, "join", [list.expression]), size: 200)
            }
            let list = expression(.list(random.chance(0.5) ? .int : .float), depth: depth - 1)
            let variable = freshName("v")
            let element: Expression = random.chance(0.5)
                ? Build.call("str", [Build.name(variable)])
                : Build.expression(.formattedString([.replacement(value: Build.name(variable), conversion: nil,
                                                                   spec: [.literal(random.pick([".2f", ">4", ",", ""]))], debugText: nil)]))
            if list.elementSize > 4000 { risk.insert(.value) }
            let generator = Build.expression(.generatorExpression(element: element, generators: [
                Build.comprehension(Build.name(variable), list.expression),
            ]))
            return Generated(Build.method(separator, "join", [generator]), size: 200)
        case .slice:
            let a = stringExpression(depth: depth - 1)
            let choices: [(Expression?, Expression?, Expression?)] = [
                (nil, nil, Build.int(-1)), (Build.int(1), nil, nil), (nil, Build.int(3), nil), (Build.int(-3), nil, nil),
                (nil, nil, Build.int(2)), (Build.int(1), Build.int(-1), nil), (Build.int(10), Build.int(2), Build.int(-2)),
            ]
            let bounds = random.pick(choices)
            return Generated(Build.slice(a.expression, bounds.0, bounds.1, bounds.2), size: a.size)
        case .index:
            let a = stringExpression(depth: depth - 1)
            if a.nonEmpty { return Generated(Build.subscriptItem(a.expression, Build.int(random.chance(0.5) ? 0 : -1)), size: 1, nonEmpty: true) }
            risk.insert(.index)
            return Generated(Build.subscriptItem(a.expression, intLeaf().expression), size: 1, nonEmpty: true)
        case .split:
            let a = stringExpression(depth: depth - 1)
            if random.chance(0.5) {
                let separator = Build.string(random.pick([":", ",", " ", "-"]))
                return Generated(Build.subscriptItem(Build.method(a.expression, random.pick(["partition", "rpartition"]), [separator]),
                                                     Build.int(random.int(in: 0...2))), size: a.size)
            }
            risk.insert(.index)
            return Generated(Build.subscriptItem(Build.method(a.expression, "split"), Build.int(random.int(in: -2...2))), size: a.size)
        case .conditional:
            let test = boolExpression(depth: depth - 1)
            let a = stringExpression(depth: depth - 1), b = stringExpression(depth: depth - 1)
            return Generated(Build.conditional(test.expression, a.expression, b.expression), size: max(a.size, b.size),
                             nonEmpty: a.nonEmpty && b.nonEmpty)
        case .call:
            return functionCall(returning: .str, depth: depth) ?? stringLeaf()
        case .character:
            let offset = Build.binary(.modulo, intExpression(depth: depth - 1).expression, Build.int(26))
            return Generated(Build.call("chr", [Build.binary(.add, Build.call("ord", [Build.string(random.pick(["a", "A"]))]), offset)]),
                             size: 1, nonEmpty: true)
        case .formatBuiltin:
            let (value, spec) = valueWithSpec(depth: depth - 1)
            return Generated(Build.call("format", [value, Build.string(spec)]), size: 60)
        case .dictGet:
            return dictLookup(valueType: .str, depth: depth) ?? stringLeaf()
        case .listIndex:
            return listElement(of: .str, depth: depth) ?? stringLeaf()
        }
    }

    /// A value of a random scalar type and a format spec for it (sometimes one that does not apply).
    mutating func valueWithSpec(depth: Int) -> (Expression, String) {
        let type = random.weighted([(4, ValueType.int), (5, .float), (2, .str), (1, .bool)])
        let value = expression(type, depth: depth)
        if preferRisky && random.chance(0.3) {
            risk.formUnion([.value, .overflow])
            return (value.expression, random.pick(StringPools.mismatchedSpecs))
        }
        switch type {
        case .int:
            let spec = random.pick(StringPools.intSpecs)
            if value.size > 300 && (spec.hasSuffix("f") || spec.hasSuffix("e") || spec == "%") { risk.insert(.overflow) }
            if value.size > 4000 { risk.insert(.value) }
            return (value.expression, spec)
        case .float: return (value.expression, random.pick(StringPools.floatSpecs))
        case .str: return (value.expression, random.pick(StringPools.stringSpecs))
        default: return (value.expression, random.pick(StringPools.boolSpecs))
        }
    }

    mutating func formattedString(depth: Int) -> Generated {
        var parts: [FormattedStringPart] = []
        let fields = random.int(in: 1...3)
        for field in 0..<fields {
            if field > 0 || random.chance(0.7) {
                parts.append(.literal(random.pick(["Total: ", " items, ", " = ", "$", " (", ") ", "/", ": ", " and ", "{braces} ", "é "])))
            }
            let scalars = visibleVariables.filter { $0.type.isScalar }
            if !scalars.isEmpty, random.chance(0.12) {
                let variable = random.pick(scalars)
                parts.append(.replacement(value: Build.name(variable.name), conversion: nil, spec: nil, debugText: variable.name + "="))
                continue
            }
            if random.chance(0.15) {
                let value = expression(random.pick([ValueType.str, .list(.int), .int, .float]), depth: depth - 1)
                parts.append(.replacement(value: value.expression, conversion: random.pick([.repr, .str]), spec: nil, debugText: nil))
                continue
            }
            let (value, spec) = valueWithSpec(depth: depth - 1)
            var specParts: [FormattedStringPart]? = spec.isEmpty && random.chance(0.5) ? nil : [.literal(spec)]
            if random.chance(0.1) {
                let width = Build.int(random.int(in: 3...12))
                specParts = [.literal(random.pick([">", "<", "^"])), .replacement(value: width, conversion: nil, spec: nil, debugText: nil)]
            }
            parts.append(.replacement(value: value, conversion: nil, spec: specParts, debugText: nil))
        }
        if random.chance(0.5) { parts.append(.literal(random.pick([".", "!", " units", "%", "}}"]))) }
        return Generated(Build.expression(.formattedString(parts)), size: 200, nonEmpty: true)
    }

    mutating func percentFormatted(depth: Int) -> Generated {
        switch random.int(in: 0..<6) {
        case 0:
            let value = intExpression(depth: depth - 1)
            return Generated(Build.binary(.modulo, Build.string(random.pick(StringPools.percentIntFormats)), value.expression), size: 200)
        case 1:
            let value = floatExpression(depth: depth - 1)
            return Generated(Build.binary(.modulo, Build.string(random.pick(StringPools.percentFloatFormats)), value.expression), size: 200)
        case 2:
            let a = stringExpression(depth: depth - 1), b = expression(random.pick([ValueType.int, .float, .list(.int)]), depth: depth - 1)
            return Generated(Build.binary(.modulo, Build.string(random.pick(["%s and %s", "%s: %r", "%-6s|%8s", "[%s] %s"])),
                                          Build.tuple([a.expression, b.expression])), size: 200)
        case 3:
            let name = stringExpression(depth: depth - 1), amount = intExpression(depth: depth - 1)
            let mapping = Build.dictionary([(Build.string("name"), name.expression), (Build.string("qty"), amount.expression)])
            return Generated(Build.binary(.modulo, Build.string("%(name)s has %(qty)d"), mapping), size: 200)
        case 4:
            let value = floatExpression(depth: depth - 1)
            if value.size >= 300 { risk.formUnion([.overflow, .value]) }
            return Generated(Build.binary(.modulo, Build.string(random.pick(["%d", "%5d", "%i"])), value.expression), size: 200)
        default:
            if preferRisky {
                risk.insert(.type)
                let wrong: Expression = random.chance(0.5)
                    ? Build.binary(.modulo, Build.string("%d"), Build.string(random.pick(StringPools.words)))
                    : Build.binary(.modulo, Build.string("%s %s"), Build.tuple([intLeaf().expression]))
                return Generated(wrong, size: 10)
            }
            let value = intExpression(depth: depth - 1)
            return Generated(Build.binary(.modulo, Build.string("%c"), Build.binary(.add, Build.int(65),
                             Build.binary(.modulo, value.expression, Build.int(26)))), size: 1)
        }
    }

    mutating func formatMethod(depth: Int) -> Generated {
        switch random.int(in: 0..<5) {
        case 0:
            let a = expression(random.pick([ValueType.int, .str, .float]), depth: depth - 1)
            let b = expression(random.pick([ValueType.int, .str, .list(.int)]), depth: depth - 1)
            return Generated(Build.method(Build.string(random.pick(["{} and {}", "{0}-{1}-{0}", "{1}: {0!r}"])), "format",
                                          [a.expression, b.expression]), size: 200)
        case 1:
            let (value, spec) = valueWithSpec(depth: depth - 1)
            return Generated(Build.method(Build.string("{:" + spec + "}"), "format", [value]), size: 200)
        case 2:
            let name = stringExpression(depth: depth - 1), value = floatExpression(depth: depth - 1)
            return Generated(Build.method(Build.string("{name}: {value:.2f}"), "format", [],
                                          keywords: [("name", name.expression), ("value", value.expression)]), size: 200)
        case 3 where preferRisky:
            risk.insert(.index)
            return Generated(Build.method(Build.string("{} {}"), "format", [intLeaf().expression]), size: 10)
        default:
            let value = intExpression(depth: depth - 1)
            if value.size > 300 { risk.insert(.overflow) }
            return Generated(Build.method(Build.string(random.pick(["{:,}", "{:>8}", "{:08.3f}", "{:+}", "{:.1%}"])), "format",
                                          [value.expression]), size: 200)
        }
    }

    mutating func stringMethod(depth: Int) -> Generated {
        let a = stringExpression(depth: depth - 1)
        switch random.int(in: 0..<6) {
        case 0:
            let method = random.pick(["upper", "lower", "title", "capitalize", "swapcase", "casefold", "strip", "lstrip", "rstrip"])
            return Generated(Build.method(a.expression, method), size: a.size * 3)
        case 1:
            var arguments = [Build.string(random.pick(StringPools.fragments)), Build.string(random.pick(["", "_", "--", "X"]))]
            if random.chance(0.3) { arguments.append(Build.int(random.int(in: -1...2))) }
            return Generated(Build.method(a.expression, "replace", arguments), size: a.size * 3)
        case 2:
            let method = random.pick(["center", "ljust", "rjust"])
            var arguments = [Build.int(random.int(in: 0...14))]
            if random.chance(0.5) { arguments.append(Build.string(random.pick(["*", "-", "·"]))) }
            return Generated(Build.method(a.expression, method, arguments), size: max(a.size, 14))
        case 3:
            return Generated(Build.method(a.expression, "zfill", [Build.int(random.int(in: 0...8))]), size: max(a.size, 8))
        case 4:
            return Generated(Build.method(a.expression, "strip", [Build.string(random.pick([" ", "ab", ".,", "xyz "]))]), size: a.size)
        default:
            let joined = Build.method(Build.string(""), "join", [Build.call(random.pick(["sorted", "reversed"]), [a.expression])])
            return Generated(joined, size: a.size)
        }
    }
}
