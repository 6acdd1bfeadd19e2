import Testing
@testable import PythonRuntime

/// Growth from program data fails with a resource-limit outcome before memory is touched.
@Suite("memory and step limits")
struct StrMemoryTests {
    static func outcome(_ limits: Limits = .default, _ body: (ExecutionContext) throws(ExecutionError) -> Value) -> String {
        let context = ExecutionContext(limits: limits)
        return TextTest.outcome { () throws(ExecutionError) in try body(context) }
    }

    @Test("padding to 10**12 fails at once", arguments: ["ljust", "rjust", "center", "zfill"])
    func padding(method: String) {
        let got = Self.outcome { (c) throws(ExecutionError) in
            try TextTest.callMethod(.string("x"), method, [.int(1_000_000_000_000)], c)
        }
        #expect(got == "limit MemoryLimit")
    }

    @Test("join of a huge result fails before building it")
    func join() {
        let big = Value.string(String(repeating: "y", count: 1 << 20))
        let got = Self.outcome { (c) throws(ExecutionError) in
            try TextTest.callMethod(.string(" "), "join", [.list(PyList(Array(repeating: big, count: 1000)))], c)
        }
        #expect(got == "limit MemoryLimit")
    }

    @Test("replace with an empty pattern on a big string fails before building it")
    func replaceEmpty() {
        let got = Self.outcome { (c) throws(ExecutionError) in
            try TextTest.callMethod(.string(String(repeating: "a", count: 1_000_000)), "replace",
                                    [.string(""), .string(String(repeating: "x", count: 1_000_000))], c)
        }
        #expect(got == "limit MemoryLimit")
    }

    @Test("expandtabs with a huge tab size fails before building it")
    func expandTabs() {
        let got = Self.outcome { (c) throws(ExecutionError) in
            try TextTest.callMethod(.string(String(repeating: "a\t", count: 1000)), "expandtabs", [.int(1 << 40)], c)
        }
        #expect(got == "limit MemoryLimit")
    }

    @Test("materializing a huge range fails at once")
    func hugeRange() {
        let range = Value.range(PyRange(start: 0, stop: 1_000_000_000, step: 1))
        #expect(Self.outcome { (c) throws(ExecutionError) in try TextTest.construct(.list, [range], c) } == "limit MemoryLimit")
        #expect(Self.outcome { (c) throws(ExecutionError) in try TextTest.callBuiltin("sorted", [range], c) } == "limit MemoryLimit")
    }

    @Test("native loops over huge ranges are charged to the step budget")
    func steps() {
        var limits = Limits()
        limits.maxSteps = 100_000
        let range = Value.range(PyRange(start: 1, stop: 1 << 40, step: 1))
        for name in ["sum", "max", "all"] {
            #expect(Self.outcome(limits) { (c) throws(ExecutionError) in try TextTest.callBuiltin(name, [range], c) } == "limit StepLimit")
        }
        #expect(Self.outcome(limits) { (c) throws(ExecutionError) in try TextTest.construct(.set, [range], c) } == "limit StepLimit")
    }

    @Test("ordinary sizes stay well within the limits")
    func ordinary() {
        let got = Self.outcome { (c) throws(ExecutionError) in
            let words = try TextTest.callMethod(.string(String(repeating: "ab cd ", count: 10_000)), "split", [], c)
            return try TextTest.callMethod(.string("-"), "join", [words], c)
        }
        #expect(got.count == 2 + 2 * 20_000 + 19_999)
    }
}
