import ProgramOutcome
import Testing

/// The compact JSON text sal writes: escapes, non-ASCII text, numbers and key order.
@Suite struct JSONValueWritingTests {
    @Test func escapesQuotesBackslashesAndControlCharacters() {
        let text = "a\"b\\c\nd\re\tf\u{0}g\u{1F}h\u{7F}i"
        #expect(JSONValue.string(text).serialized == #""a\"b\\c\nd\re\tf\u0000g\u001fh"# + "\u{7F}i\"")
    }

    @Test func keepsNonASCIITextAsItIs() {
        let text = "caf\u{00E9} \u{1F600} \u{4E2D}\u{6587}\n"
        #expect(JSONValue.string(text).serialized == "\"caf\u{00E9} \u{1F600} \u{4E2D}\u{6587}\\n\"")
    }

    @Test func writesContainersNumbersAndKeysInOrder() {
        let value = JSONValue.object([
            ("z", .int(-3)), ("a", .array([.double(2), .double(0.5), .double(.nan), .bigInteger("123456789012345678901")])),
            ("m", .object([("k\"", .bool(true)), ("n", .null)])), ("e", .array([])),
        ])
        #expect(value.serialized
            == #"{"z": -3, "a": [2.0, 0.5, null, 123456789012345678901], "m": {"k\"": true, "n": null}, "e": []}"#)
    }

    @Test func byteAndTextWritersAgreeAndRoundTrip() throws {
        let value = JSONValue.array([.string("x\u{1}\u{00E9}\"\\"), .object([("k", .string(String(repeating: "ab", count: 100)))])])
        var bytes: [UInt8] = []
        value.write(to: &bytes)
        var text = "prefix "
        value.write(to: &text)
        #expect(text == "prefix " + String(decoding: bytes, as: UTF8.self))
        #expect(try JSONValue.parse(value.serialized) == value)
    }

    @Test func numbersBeyondADoubleAreAParseErrorNotANull() throws {
        for text in ["1e999", "-22E222222222222222222222", "[1, 2e400]"] {
            #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
        }
        #expect(try JSONValue.parse("1.7976931348623157e308") == .double(1.7976931348623157e308))
        #expect(try JSONValue.parse("5e-324") == .double(5e-324))
        #expect(try JSONValue.parse("1e-400") == .double(0), "underflow to zero loses no magnitude JSON can carry")
        #expect(try JSONValue.parse("123456789012345678901234567890") == .bigInteger("123456789012345678901234567890"))
    }
}
