import Testing
@testable import PythonRuntime

/// Records every comparison a sort makes.
final class RecordingOrder: SortOrder {
    var text: [UInt8] = []
    var count = 0

    func less(_ a: Value, _ b: Value) throws(ExecutionError) -> Bool {
        guard case .int(let x) = a, case .int(let y) = b else { preconditionFailure("ints only") }
        if count > 0 { text.append(UInt8(ascii: " ")) }
        text.append(contentsOf: "\(x)<\(y)".utf8)
        count += 1
        return x < y
    }

    var hash: UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }
}

@Suite("list.sort")
struct ListSortTests {
    /// One row of Fixtures/sort-comparisons.jsonl (CPython 3.11.7): a list of ints, `reverse`, the number
    /// of comparisons `a < b` CPython's sort makes, and the FNV-1a 64-bit hash (hex) of their text
    /// "a<b a<b ...", so that the exact comparison sequence is checked.
    struct Case: Decodable {
        let data: String
        let reverse: Bool
        let comparisons: Int
        let hash: String
    }

    @Test("makes exactly CPython's comparisons (timsort, galloping, powersort merges)")
    func comparisonSequence() throws {
        var failures: [String] = []
        for row in try FixtureTable.cases("sort-comparisons.jsonl", as: Case.self) {
            let hash = try #require(UInt64(row.hash, radix: 16), "hash \(row.hash) is not 64-bit hex")
            let (data, reverse, count) = (row.data, row.reverse, row.comparisons)
            guard case .list(let list) = TextTest.value(data) else { continue }
            var items = list.items
            let order = RecordingOrder()
            try ListSort.sort(&items, reverse: reverse, order: order)
            let sorted = items.map { v -> Int in if case .int(let i) = v { return i } else { return 0 } }
            let expected = list.items.map { v -> Int in if case .int(let i) = v { return i } else { return 0 } }.sorted(by: reverse ? (>) : (<))
            if order.count != count || order.hash != hash || sorted != expected {
                failures.append("n=\(list.items.count) reverse=\(reverse): \(order.count) comparisons (expected \(count)), hash match \(order.hash == hash), sorted \(sorted == expected)")
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: failures.joined(separator: "\n")))
    }

    @Test("stability with keys and reverse")
    func stability() throws {
        let context = TextTest.context()
        let words = TextTest.value("['bb', 'a', 'cc', 'd', 'eee', 'ff']")
        guard case .list(let l) = words else { return }
        try ListMethods.sort(l, key: .builtin(Builtins.functions["len"]!), reverse: true, context)
        #expect(try Repr.repr(words) == "['eee', 'bb', 'cc', 'ff', 'a', 'd']")
    }

    @Test("an unorderable pair fails on CPython's first comparison and leaves a permutation")
    func failure() throws {
        let mixed = TextTest.value("[3, 1, 'x', 2]")
        guard case .list(let l) = mixed else { return }
        let got = TextTest.outcome { () throws(ExecutionError) in
            try ListMethods.sort(l, key: .none, reverse: false, TextTest.context())
            return .none
        }
        #expect(got == "TypeError: '<' not supported between instances of 'str' and 'int'")
        #expect(l.items.count == 4)
    }

    @Test("a list is empty while it is being sorted, as in CPython")
    func emptyDuringSort() throws {
        let list = PyList([TextTest.value("[1]")])
        list.items.append(.list(list))
        try ListMethods.sort(list, key: .none, reverse: false, TextTest.context())
        #expect(try Repr.repr(.list(list)) == "[[...], [1]]")
    }
}
