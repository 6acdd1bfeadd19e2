import BigInt
@testable import PythonRuntime

/// Helpers for the str/list/dict/set/repr/builtins tests: a parser for Python literals (so expectation
/// tables can hold CPython's `repr` output verbatim) and one-line ways to call natives.
enum TextTest {
    static func context(_ limits: Limits = .default) -> ExecutionContext { ExecutionContext(limits: limits) }

    /// Parses a Python literal as `repr` prints it: None, True, False, ints, floats, str, list, tuple,
    /// dict, set, `set()`, `frozenset(...)`, `range(...)`, `Ellipsis`.
    static func value(_ source: String) -> Value {
        var parser = LiteralParser(Array(source.unicodeScalars))
        let v = parser.parseValue()
        parser.skipSpaces()
        precondition(parser.atEnd, "trailing text in literal \(source)")
        return v
    }

    /// `repr` of a native call's result, or `TypeName: message` for a Python exception.
    static func outcome(_ body: () throws(ExecutionError) -> Value) -> String {
        do throws(ExecutionError) {
            return try Repr.repr(body())
        } catch {
            return describe(error)
        }
    }

    static func describe(_ error: ExecutionError) -> String {
        switch error {
        case .exception(let e): return "\(e.type.name): \(e.message)"
        case .limit(let l): return "limit \(l.kind.rawValue)"
        }
    }

    /// Calls builtin `name` (`len`, `sorted`, ...) with positional and keyword arguments.
    static func callBuiltin(_ name: String, _ args: [Value], keywords: [(String, Value)] = [],
                            _ context: ExecutionContext = context()) throws(ExecutionError) -> Value {
        guard let f = Builtins.functions[name] else { preconditionFailure("no builtin \(name)") }
        return try Arguments.with(args + keywords.map(\.1), keywordNames: keywords.map(\.0)) { (a) throws(ExecutionError) in
            try f.call(a, context)
        }
    }

    /// Calls `receiver.name(*args, **keywords)` the way the VM does.
    static func callMethod(_ receiver: Value, _ name: String, _ args: [Value], keywords: [(String, Value)] = [],
                           _ context: ExecutionContext = context()) throws(ExecutionError) -> Value {
        if let f = Attributes.method(of: receiver, named: name) {
            return try Arguments.with([receiver] + args + keywords.map(\.1), keywordNames: keywords.map(\.0)) { (a) throws(ExecutionError) in
                try f.call(a, context)
            }
        }
        let callee = try Attributes.get(receiver, name)
        return try Builtins.callNative(callee, args, context)
    }

    /// Calls a type (`list(x)`, `dict(a=1)`).
    static func construct(_ type: PyType, _ args: [Value], keywords: [(String, Value)] = [],
                          _ context: ExecutionContext = context()) throws(ExecutionError) -> Value {
        try Arguments.with(args + keywords.map(\.1), keywordNames: keywords.map(\.0)) { (a) throws(ExecutionError) in
            try Builtins.construct(type, a, context)
        }
    }

    /// Python-style keyword arguments parsed from `"key=1, reverse=True"` is overkill; tables pass
    /// them as a dict literal whose str keys become keyword names.
    static func keywords(_ literal: String) -> [(String, Value)] {
        guard case .dict(let d) = value(literal) else { preconditionFailure("keywords must be a dict literal") }
        return d.storage.map { key, v in
            guard case .str(let s) = key.value else { preconditionFailure("keyword names are str") }
            return (s.value, v)
        }
    }

    /// The elements of a tuple literal (argument lists in tables).
    static func arguments(_ literal: String) -> [Value] {
        guard case .tuple(let t) = value(literal) else { preconditionFailure("arguments must be a tuple literal") }
        return t.items
    }
}

/// A recursive-descent parser for the subset of Python literal syntax that `repr` produces.
struct LiteralParser {
    let text: [Unicode.Scalar]
    var i = 0

    init(_ text: [Unicode.Scalar]) { self.text = text }

    var atEnd: Bool { i >= text.count }

    mutating func skipSpaces() {
        while i < text.count && text[i] == " " { i += 1 }
    }

    mutating func expect(_ c: Unicode.Scalar) {
        skipSpaces()
        precondition(i < text.count && text[i] == c, "expected \(c) at \(i) in \(String(String.UnicodeScalarView(text)))")
        i += 1
    }

    mutating func peek() -> Unicode.Scalar? {
        skipSpaces()
        return i < text.count ? text[i] : nil
    }

    mutating func word(_ w: String) -> Bool {
        let scalars = Array(w.unicodeScalars)
        guard i + scalars.count <= text.count, Array(text[i..<(i + scalars.count)]) == scalars else { return false }
        let end = i + scalars.count
        if let last = scalars.last, last.properties.isAlphabetic, end < text.count,
           text[end].properties.isAlphabetic || text[end] == "_" {
            return false
        }
        i = end
        return true
    }

    mutating func parseValue() -> Value {
        var v = parsePrimary()
        // `d.keys()`-style suffixes.
        while peek() == "." {
            i += 1
            let start = i
            while i < text.count, text[i].properties.isAlphabetic || text[i] == "_" { i += 1 }
            let name = String(String.UnicodeScalarView(text[start..<i]))
            expect("(")
            let args = parseItems(until: ")")
            v = try! TextTest.callMethod(v, name, args)
        }
        return v
    }

    mutating func parsePrimary() -> Value {
        guard let c = peek() else { preconditionFailure("unexpected end of literal") }
        switch c {
        case "[":
            i += 1
            return .list(PyList(parseItems(until: "]")))
        case "(":
            i += 1
            if peek() == ")" {
                i += 1
                return .tuple(PyTuple([]))
            }
            let first = parseValue()
            if peek() == ")" {
                i += 1
                return first
            }
            expect(",")
            var items = [first]
            items += parseItems(until: ")")
            return .tuple(PyTuple(items))
        case "{":
            i += 1
            if peek() == "}" {
                i += 1
                return .dict(PyDict())
            }
            let first = parseValue()
            if peek() == ":" {
                i += 1
                let d = PyDict()
                try! d.set(first, parseValue())
                while peek() == "," {
                    i += 1
                    if peek() == "}" { break }
                    let k = parseValue()
                    expect(":")
                    try! d.set(k, parseValue())
                }
                expect("}")
                return .dict(d)
            }
            var items = [first]
            if peek() == "," {
                i += 1
                items += parseItems(until: "}")
            } else {
                expect("}")
            }
            return .set(try! PySet(inserting: items))
        case "'", "\"":
            return .string(parseString())
        default:
            if word("None") { return .none }
            if word("True") { return .bool(true) }
            if word("False") { return .bool(false) }
            if word("Ellipsis") || word("...") { return .ellipsis }
            if word("set()") { return .set(PySet()) }
            if word("set(") {
                guard case .list(let l) = parseValue() else { preconditionFailure("set(...) takes a list literal") }
                expect(")")
                return .set(try! PySet(inserting: l.items))
            }
            if word("inf") { return .float(.infinity) }
            if word("float('nan')") { return .float(.nan) }
            if word("float('inf')") { return .float(.infinity) }
            if word("nan") { return .float(.nan) }
            if word("frozenset(") {
                if peek() == ")" {
                    i += 1
                    return .set(PySet(frozen: true))
                }
                switch parseValue() {
                case .list(let l):
                    expect(")")
                    return .set(try! PySet(frozen: true, inserting: l.items))
                case .set(let s):
                    expect(")")
                    return .set(s.copy(frozen: true))
                default: preconditionFailure("frozenset of a non-set")
                }
            }
            if word("range(") {
                let bounds = parseItems(until: ")").map { v -> Int in
                    guard case .int(let n) = v else { preconditionFailure("range bounds are ints") }
                    return n
                }
                switch bounds.count {
                case 1: return .range(PyRange(start: 0, stop: bounds[0], step: 1))
                case 2: return .range(PyRange(start: bounds[0], stop: bounds[1], step: 1))
                default: return .range(PyRange(start: bounds[0], stop: bounds[1], step: bounds[2]))
                }
            }
            if let c = peek(), c.properties.isAlphabetic { return parseName() }
            return parseNumber()
        }
    }

    /// A builtin name (`len`, `int`) or `type.method` (`str.lower`).
    mutating func parseName() -> Value {
        let start = i
        while i < text.count, text[i].properties.isAlphabetic || text[i] == "." || text[i] == "_" { i += 1 }
        let name = String(String.UnicodeScalarView(text[start..<i]))
        let parts = name.split(separator: ".").map(String.init)
        let types = Dictionary(uniqueKeysWithValues: (PyType.builtinTypes + PyType.exceptionTypes + [PyType.noneType]).map { ($0.name, $0) })
        var v: Value
        if let f = Builtins.functions[parts[0]] {
            v = .builtin(f)
        } else if let t = types[parts[0]] {
            v = .type(t)
        } else {
            preconditionFailure("unknown name \(name)")
        }
        for attribute in parts.dropFirst() { v = try! Attributes.get(v, attribute) }
        if i < text.count && text[i] == "(" {
            i += 1
            let args = parseItems(until: ")")
            v = try! Builtins.callNative(v, args, TextTest.context())
        }
        return v
    }

    mutating func parseItems(until close: Unicode.Scalar) -> [Value] {
        var items: [Value] = []
        while true {
            if peek() == close {
                i += 1
                return items
            }
            items.append(parseValue())
            if peek() == "," { i += 1 } else {
                expect(close)
                return items
            }
        }
    }

    mutating func parseNumber() -> Value {
        skipSpaces()
        let start = i
        if i < text.count && (text[i] == "-" || text[i] == "+") { i += 1 }
        if word("inf") { return .float(text[start] == "-" ? -.infinity : .infinity) }
        while i < text.count, "0123456789.eE+-_".unicodeScalars.contains(text[i]) {
            if (text[i] == "+" || text[i] == "-") && !(text[i - 1] == "e" || text[i - 1] == "E") { break }
            i += 1
        }
        let s = String(String.UnicodeScalarView(text[start..<i].filter { $0 != "_" }))
        if s.contains(".") || s.contains("e") || s.contains("E") {
            guard let d = Double(s) else { preconditionFailure("bad float \(s)") }
            return .float(d)
        }
        guard let big = BigInt(s) else { preconditionFailure("bad number '\(s)'") }
        return .integer(big)
    }

    mutating func parseString() -> String {
        let quote = text[i]
        i += 1
        var out = String.UnicodeScalarView()
        while text[i] != quote {
            if text[i] == "\\" {
                i += 1
                let e = text[i]
                i += 1
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "\\": out.append("\\")
                case "'": out.append("'")
                case "\"": out.append("\"")
                case "x", "u", "U":
                    let width = e == "x" ? 2 : e == "u" ? 4 : 8
                    let hex = String(String.UnicodeScalarView(text[i..<(i + width)]))
                    i += width
                    out.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
                default: preconditionFailure("unknown escape \\\(e)")
                }
            } else {
                out.append(text[i])
                i += 1
            }
        }
        i += 1
        return String(out)
    }
}

import Testing

@Suite("the literal parser the tables rely on")
struct ReprLiteralTests {
    @Test("parsing repr output and printing it again gives the same text", arguments: [
        "[1, -2, 3.5, 'x', \"it's\", None, True, False]", "{'a': (1,), 2: [3, {4}]}", "frozenset({1, 2})", "set()",
        "range(0, 10, 2)", "(1, (2, (3,)))", "'\\n\\t\\x00€😀\\U000e0001'", "123456789012345678901234567890",
        "[inf, -inf, 1e-07]", "ValueError('x', 1)", "dict_keys(['a'])",
    ])
    func roundTrip(text: String) throws {
        let source = text == "dict_keys(['a'])" ? "{'a': 1}.keys()" : text
        #expect(try Repr.repr(TextTest.value(source)) == text)
    }
}
