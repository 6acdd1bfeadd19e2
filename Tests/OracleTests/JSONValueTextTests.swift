import Testing
import ProgramOutcome
@testable import Oracle

@Suite struct JSONValueTextTests {
    @Test func keepsIntegerAndFloatDistinct() throws {
        let value = try JSONValue(jsonText: #"[3, 3.0, -0, 1e2, 123456789012345678901234567890]"#)
        #expect(value == .array([.int(3), .double(3.0), .int(0), .double(100), .bigInteger("123456789012345678901234567890")]))
    }

    @Test func keepsObjectKeyOrderAndRoundTrips() throws {
        let text = #"{"z":1,"a":[true,false,null],"m":"x\"y\\\n\u0001é😀"}"#
        let value = try JSONValue(jsonText: text)
        guard case .object(let pairs) = value else { Issue.record("not an object"); return }
        #expect(pairs.map(\.0) == ["z", "a", "m"])
        #expect(value.member("m") == .string("x\"y\\\n\u{01}é😀"))
        #expect(try JSONValue(jsonText: value.jsonText) == value)
        #expect(value.jsonText == #"{"z":1,"a":[true,false,null],"m":"x\"y\\\n\u0001é😀"}"#)
    }

    @Test func joinsSurrogatePairs() throws {
        #expect(try JSONValue(jsonText: #""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func rendersNonFiniteDoublesAsPythonReprStrings() {
        #expect(JSONValue.array([.double(.nan), .double(-.infinity), .double(0.1)]).jsonText == #"["nan","-inf",0.1]"#)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "tru", "\"abc", "[1] x", "\"\\x\"", "-"])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(jsonText: text) }
    }

    @Test func reportsTheOffsetOfTheProblem() {
        do {
            _ = try JSONValue(jsonText: "[1, 2, x]")
            Issue.record("parsed garbage")
        } catch {
            #expect(error.offset == 7)
        }
    }
}
