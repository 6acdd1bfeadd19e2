import BigInt
import Foundation
import PythonSyntax
import Testing
@testable import PythonRuntime

/// Replays the CPython 3.11 reference table (Fixtures/numbers-reference.jsonl, written by
/// Scripts/make-numbers-reference.py) against sal's operators, formatting, numeric builtins, math
/// module, hashes and float repr.
@Suite struct NumbersReferenceTests {
    struct Case: CustomStringConvertible {
        let fields: [String: Any]
        var op: String { fields["op"] as! String }
        var expected: String { fields["expect"] as! String }
        var description: String {
            let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }

    static func cases() throws -> [Case] {
        try FixtureTable.lines("numbers-reference.jsonl").map { line in
            let object = try JSONSerialization.jsonObject(with: line)
            return Case(fields: object as! [String: Any])
        }
    }

    @Test(arguments: ["bin", "cmp", "un", "call", "math", "stat", "format", "percent", "strformat", "hash", "repr"])
    func matchesCPython(_ op: String) throws {
        let selected = try Self.cases().filter { $0.op == op }
        #expect(!selected.isEmpty)
        var failures: [String] = []
        for testCase in selected {
            let actual = Self.run(testCase)
            if actual != testCase.expected {
                failures.append("\(testCase)\n    expected: \(testCase.expected)\n    actual:   \(actual)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(selected.count) cases differ:\n\(failures.prefix(40).joined(separator: "\n"))")
    }

    // MARK: Running a case

    static func run(_ testCase: Case) -> String {
        let context = ExecutionContext(limits: .default)
        let fields = testCase.fields
        let args = (fields["args"] as? [Any] ?? []).map(decode)
        let keywords = (fields["kwargs"] as? [[Any]] ?? []).map { ($0[0] as! String, decode($0[1])) }
        do throws(ExecutionError) {
            switch testCase.op {
            case "bin":
                let op = BinaryOperator(rawValue: fields["sym"] as! String)!
                return render(try Operators.binary(op, args[0], args[1], context))
            case "cmp":
                let op = ComparisonOperator(rawValue: fields["sym"] as! String)!
                return render(.bool(try Operators.compare(op, args[0], args[1])))
            case "un":
                let op = UnaryOperator(rawValue: fields["sym"] as! String)!
                return render(try Operators.unary(op, args[0], context))
            case "call":
                let name = fields["name"] as! String
                let result = try call(args, keywords) { a throws(ExecutionError) in
                    switch name {
                    case "int": return try Builtins.makeInt(a, context)
                    case "float": return try Builtins.makeFloat(a, context)
                    case "bool": return try Builtins.makeBool(a, context)
                    default: return try Builtins.numericFunctions[name]!.call(a, context)
                    }
                }
                return render(result)
            case "math", "stat":
                let moduleName = testCase.op == "math" ? "math" : "statistics"
                let member = Modules.module(named: moduleName)!.members[fields["name"] as! String]!
                guard case .function(let function) = member else { return render(member.value) }
                return render(try call(args, keywords) { a throws(ExecutionError) in try function.call(a, context) })
            case "format":
                return try Formatting.format(args[0], spec: fields["spec"] as! String, context)
            case "percent":
                return try Formatting.percent(fields["template"] as! String, args[0], context)
            case "strformat":
                let template = fields["template"] as! String
                return try call([.string(template)] + args, keywords) { a throws(ExecutionError) in
                    .string(try Formatting.strFormat(template, a, startIndex: 1, context))
                }.stringValue!
            case "hash":
                return NumericHash.hash(args[0]).map(String.init) ?? "nil"
            case "repr":
                guard case .float(let d) = args[0] else { return "not a float" }
                return FloatRepr.repr(d)
            default:
                return "unknown op \(testCase.op)"
            }
        } catch {
            switch error {
            case .exception(let e):
                // CPython's `str(e)`: "" for no args, str(arg) for one (repr for KeyError), str(args) otherwise.
                return "!\(e.type.name): \(e.message)"
            case .limit(let breach):
                return "!Limit \(breach.kind.rawValue)"
            }
        }
    }

    static func call(_ values: [Value], _ keywords: [(String, Value)],
                     _ body: (Arguments) throws(ExecutionError) -> Value) throws(ExecutionError) -> Value {
        try Arguments.with(values + keywords.map(\.1), keywordNames: keywords.map(\.0), body)
    }

    // MARK: Values

    static func decode(_ json: Any) -> Value {
        let object = json as! [String: Any]
        let (tag, payload) = object.first!
        switch tag {
        case "i": return .integer(BigInt(payload as! String)!)
        case "f": return .float(Double(bitPattern: UInt64(payload as! String, radix: 16)!))
        case "b": return .bool(payload as! Bool)
        case "n": return .none
        case "s": return .string(payload as! String)
        case "l": return .list(PyList((payload as! [Any]).map(decode)))
        case "t": return .tuple(PyTuple((payload as! [Any]).map(decode)))
        case "d":
            let dict = PyDict()
            for pair in payload as! [[Any]] { try! dict.set(decode(pair[0]), decode(pair[1])) }
            return .dict(dict)
        case "set", "fs":
            let set = PySet(frozen: tag == "fs")
            for element in payload as! [Any] { try! set.insert(decode(element)) }
            return .set(set)
        default: fatalError("unknown tag \(tag)")
        }
    }

    /// CPython's repr for the value kinds the table produces.
    static func render(_ value: Value) -> String {
        switch value {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .bigInt(let b): return b.value.description
        case .float(let d): return FloatRepr.repr(d)
        case .str(let s): return quote(s.value)
        case .list(let l): return "[" + l.items.map(render).joined(separator: ", ") + "]"
        case .tuple(let t):
            return t.items.count == 1 ? "(\(render(t.items[0])),)" : "(" + t.items.map(render).joined(separator: ", ") + ")"
        case .dict(let d):
            return "{" + d.keys.map { k in "\(render(k)): \(render(try! d.get(k)!))" }.joined(separator: ", ") + "}"
        case .set(let s):
            let body = s.elements.map(render).joined(separator: ", ")
            if s.isFrozen { return s.count == 0 ? "frozenset()" : "frozenset({\(body)})" }
            return s.count == 0 ? "set()" : "{\(body)}"
        default: return "<\(value.typeName)>"
        }
    }

    static func quote(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var result = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if Character(scalar) == quote {
                    result += "\\\(quote)"
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += String(format: "\\x%02x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + String(quote)
    }
}
