import Testing
@testable import PythonRuntime

@Suite("str Unicode semantics")
struct StrUnicodeTests {
    static let predicates = ["isprintable", "isspace", "isalpha", "isdecimal", "isdigit", "isnumeric", "isalnum",
                             "islower", "isupper", "istitle", "isidentifier"]

    /// One row of Fixtures/str-case-words.jsonl (CPython 3.11.7): a string and its lower(), upper(),
    /// title(), capitalize(), swapcase(), casefold() and istitle().
    struct WordCase: Decodable {
        let word, lower, upper, title, capitalize, swapcase, casefold: String
        let istitle: Bool
    }

    static func call(_ s: String, _ method: String) throws(ExecutionError) -> Value {
        try TextTest.callMethod(.string(s), method, [])
    }

    @Test("predicates and case mappings of sampled code points match CPython's Unicode 14 data")
    func characters() throws {
        var failures: [String] = []
        func hex(_ text: String) -> String {
            text.unicodeScalars.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
        }
        // Fixtures/str-unicode-characters.jsonl (CPython 3.11.7, Unicode 14.0): one JSON string per sampled
        // code point, "CP BITS U|L|T|F": the predicates above as a bit string, then upper(), lower(),
        // title(), casefold() as hex code points.
        for line in try FixtureTable.cases("str-unicode-characters.jsonl", as: String.self) {
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            let code = UInt32(fields[0], radix: 16)!
            let s = String(Unicode.Scalar(code)!)
            var bits = ""
            for name in Self.predicates {
                guard case .bool(let b) = try Self.call(s, name) else { continue }
                bits += b ? "1" : "0"
            }
            let mapped = try ["upper", "lower", "title", "casefold"].map { (m) throws(ExecutionError) in hex(try Self.call(s, m).stringValue ?? "") }
            let got = "\(fields[0]) \(bits) \(mapped.joined(separator: "|"))"
            if got != line { failures.append("got \(got), expected \(line)") }
        }
        #expect(failures.isEmpty, Comment(rawValue: failures.joined(separator: "\n")))
    }

    @Test("case conversions of words (final sigma, titlecase digraphs, expansions) match CPython")
    func words() throws {
        for row in try FixtureTable.cases("str-case-words.jsonl", as: WordCase.self) {
            let (word, lower, upper, title) = (row.word, row.lower, row.upper, row.title)
            let (capitalize, swapcase, casefold, istitle) = (row.capitalize, row.swapcase, row.casefold, row.istitle)
            #expect(try Self.call(word, "lower").stringValue == lower, "\(word).lower()")
            #expect(try Self.call(word, "upper").stringValue == upper, "\(word).upper()")
            #expect(try Self.call(word, "title").stringValue == title, "\(word).title()")
            #expect(try Self.call(word, "capitalize").stringValue == capitalize, "\(word).capitalize()")
            #expect(try Self.call(word, "swapcase").stringValue == swapcase, "\(word).swapcase()")
            #expect(try Self.call(word, "casefold").stringValue == casefold, "\(word).casefold()")
            #expect(try Self.call(word, "istitle").isTruthy == istitle, "\(word).istitle()")
        }
    }
}
