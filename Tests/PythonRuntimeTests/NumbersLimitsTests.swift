import BigInt
import PythonSyntax
import Testing
@testable import PythonRuntime

/// Amplifying operations must hit the memory limit before allocating; deep structures must not
/// overflow the host stack; cross-type numeric equality and hashing must agree.
@Suite struct NumbersLimitsTests {
    let context = ExecutionContext(limits: .default)

    func expectMemoryLimit(_ body: () throws(ExecutionError) -> Value) {
        do throws(ExecutionError) {
            let value = try body()
            Issue.record("expected a memory limit, got a \(value.typeName)")
        } catch {
            guard case .limit(let breach) = error else {
                Issue.record("expected a memory limit, got \(error)")
                return
            }
            #expect(breach.kind == .memory)
        }
    }

    func expectException(_ type: PyType, _ message: String, _ body: () throws(ExecutionError) -> Value) {
        do throws(ExecutionError) {
            _ = try body()
            Issue.record("expected \(type.name)")
        } catch {
            guard case .exception(let e) = error else {
                Issue.record("expected \(type.name), got \(error)")
                return
            }
            #expect(e.type === type)
            #expect(e.args.first?.stringValue == message)
        }
    }

    @Test func repetitionChecksMemoryFirst() {
        expectMemoryLimit { () throws(ExecutionError) in try Operators.binary(.multiply, .string("a"), .int(1_000_000_000_000), context) }
        expectMemoryLimit { () throws(ExecutionError) in try Operators.binary(.multiply, .int(Int.max), .list(PyList([.int(0)])), context) }
        expectMemoryLimit { () throws(ExecutionError) in try Operators.binary(.multiply, .tuple(PyTuple([.none, .none])), .int(1 << 40), context) }
    }

    @Test func powersAndShiftsCheckMemoryFirst() {
        expectMemoryLimit { () throws(ExecutionError) in try Operators.binary(.power, .int(2), .int(10_000_000_000), context) }
        expectMemoryLimit { () throws(ExecutionError) in try Operators.binary(.power, .int(3), .integer(BigInt(10).power(30)), context) }
        expectMemoryLimit { () throws(ExecutionError) in try Operators.binary(.leftShift, .int(1), .int(1_000_000_000_000), context) }
        expectMemoryLimit { () throws(ExecutionError) in
            try Arguments.with([.int(7), .int(1 << 40)]) { a throws(ExecutionError) in
                try Builtins.numericFunctions["pow"]!.call(a, context)
            }
        }
    }

    @Test func hugeResultsOfMathFunctionsCheckMemoryFirst() {
        let math = Modules.module(named: "math")!
        guard case .function(let factorial) = math.members["factorial"]!,
              case .function(let comb) = math.members["comb"]! else {
            Issue.record("math.factorial and math.comb are functions")
            return
        }
        expectMemoryLimit { () throws(ExecutionError) in
            try Arguments.with([.int(1 << 40)]) { a throws(ExecutionError) in try factorial.call(a, context) }
        }
        expectMemoryLimit { () throws(ExecutionError) in
            try Arguments.with([.int(1 << 40), .int(1 << 39)]) { a throws(ExecutionError) in try comb.call(a, context) }
        }
    }

    @Test func formatWidthsCheckMemoryFirst() {
        expectMemoryLimit { () throws(ExecutionError) in .string(try Formatting.format(.int(1), spec: ">1000000000000", context)) }
        expectMemoryLimit { () throws(ExecutionError) in .string(try Formatting.format(.float(1), spec: ".1000000000000f", context)) }
        expectMemoryLimit { () throws(ExecutionError) in .string(try Formatting.percent("%1000000000000d", .int(1), context)) }
    }

    @Test func smallAmplificationsStillWork() throws {
        let result = try Operators.binary(.multiply, .string("ab"), .int(3), context)
        #expect(result.stringValue == "ababab")
        let power = try Operators.binary(.power, .int(2), .int(200), context)
        #expect(power.bigIntegerValue == BigInt(1) << 200)
    }

    @Test func integerStringLimits() {
        expectException(.valueError, "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit") { () throws(ExecutionError) in
            .string(try IntFormatting.decimalString(BigInt(10).power(5000)))
        }
        expectException(.valueError, "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit") { () throws(ExecutionError) in
            try IntFormatting.parse(String(repeating: "7", count: 5000), base: 10, context)
        }
    }

    /// Nested lists deeper than the limit: equality must end in RecursionError, not a host stack overflow.
    /// (Kept to 3000 levels: releasing much deeper nests recurses in Swift's deinit, outside comparison.)
    @Test func deeplyNestedComparisonRaisesRecursionError() {
        var a = Value.list(PyList([.int(1)]))
        var b = Value.list(PyList([.int(1)]))
        for _ in 0..<3000 {
            a = .list(PyList([a]))
            b = .list(PyList([b]))
        }
        expectException(.recursionError, "maximum recursion depth exceeded in comparison") { () throws(ExecutionError) in
            .bool(try Operators.equals(a, b))
        }
        expectException(.recursionError, "maximum recursion depth exceeded in comparison") { () throws(ExecutionError) in
            .bool(try Operators.compare(.less, a, b))
        }
    }

    @Test func equalNumbersHashAlike() throws {
        let equalGroups: [[Value]] = [
            [.int(1), .float(1), .bool(true)],
            [.int(0), .float(-0.0), .bool(false)],
            [.integer(BigInt(1) << 100), .float(0x1p100)],
            [.int(-(1 << 62)), .float(-0x1p62)],
        ]
        for group in equalGroups {
            for x in group {
                for y in group {
                    #expect(try Operators.equals(x, y))
                    #expect(NumericHash.hash(x) == NumericHash.hash(y))
                }
            }
        }
        #expect(NumericHash.hash(.string("1")) == nil)
    }

    @Test func setOperatorsFollowOperandTypes() throws {
        let a = PySet()
        let b = PySet(frozen: true)
        for i in 0..<5 { try a.insert(.int(i)) }
        for i in 3..<8 { try b.insert(.int(i)) }
        func members(_ value: Value) -> [Int] {
            guard case .set(let s) = value else { return [] }
            return s.elements.compactMap { if case .int(let i) = $0 { i } else { nil } }.sorted()
        }
        #expect(members(try Operators.binary(.bitOr, .set(a), .set(b), context)) == Array(0..<8))
        #expect(members(try Operators.binary(.bitAnd, .set(a), .set(b), context)) == [3, 4])
        #expect(members(try Operators.binary(.subtract, .set(a), .set(b), context)) == [0, 1, 2])
        #expect(members(try Operators.binary(.bitXor, .set(a), .set(b), context)) == [0, 1, 2, 5, 6, 7])
        guard case .set(let union) = try Operators.binary(.bitOr, .set(b), .set(a), context) else {
            Issue.record("a set")
            return
        }
        #expect(union.isFrozen)
        #expect(try Operators.compare(.less, .set(try PySet(frozen: false, elements: [.int(3)])), .set(b)))
    }

    @Test func dictMergeKeepsLeftOrderAndRightValues() throws {
        let left = PyDict()
        try left.set(.string("a"), .int(1))
        try left.set(.string("b"), .int(2))
        let right = PyDict()
        try right.set(.string("b"), .int(20))
        try right.set(.string("c"), .int(30))
        guard case .dict(let merged) = try Operators.binary(.bitOr, .dict(left), .dict(right), context) else {
            Issue.record("a dict")
            return
        }
        #expect(merged.keys.compactMap(\.stringValue) == ["a", "b", "c"])
        #expect(try merged.get(.string("b"))?.bigIntegerValue == 20)
        #expect(left.count == 2)
    }
}

private extension PySet {
    convenience init(frozen: Bool, elements: [Value]) throws(ExecutionError) {
        self.init(frozen: frozen)
        for element in elements { try insert(element) }
    }
}
