import PythonSyntax
import Testing

/// Numeric and string literals: values, every escape, prefixes, concatenation.
struct LiteralTests {
    private func constant(_ source: String) throws -> Constant {
        let module = try PythonParser.parse(source)
        guard case .expression(let value) = module.body[0].kind, case .constant(let constant) = value.kind else {
            Issue.record("not a constant: \(source)")
            return .none
        }
        return constant
    }

    @Test(arguments: [
        ("0", Constant.int(0)), ("000", .int(0)), ("0_0", .int(0)), ("42", .int(42)), ("1_000_000", .int(1_000_000)),
        ("0x_FF", .int(255)), ("0XdeadBEEF", .int(0xDEAD_BEEF)), ("0o17", .int(15)), ("0b1010", .int(10)),
        ("9223372036854775807", .int(Int.max)),
        ("9223372036854775808", .bigInt("9223372036854775808")),
        ("123456789012345678901234567890", .bigInt("123456789012345678901234567890")),
        ("0xFFFFFFFFFFFFFFFFFFFF", .bigInt("1208925819614629174706175")),
        ("0o7777777777777777777777777", .bigInt("37778931862957161709567")),
        ("0b1_0000000000000000000000000000000000000000000000000000000000000000", .bigInt("18446744073709551616")),
    ])
    func integers(source: String, expected: Constant) throws {
        #expect(try constant(source) == expected)
    }

    @Test(arguments: [
        ("1.", 1.0), (".5", 0.5), ("1e10", 1e10), ("1E-5", 1e-5), ("1_0.0_1e+1_0", 10.01e10), ("0.1", 0.1),
        ("3.14159265358979323846264338327950288", 3.141592653589793), ("1e308", 1e308), ("1e309", Double.infinity),
        ("2.2250738585072011e-308", Double(bitPattern: 0x000F_FFFF_FFFF_FFFF)), ("4.9e-324", Double(bitPattern: 1)),
        ("1e-400", 0.0),
        ("9007199254740993.0", 9007199254740992.0), ("0.30000000000000004", 0.30000000000000004),
        ("123456789012345678901234567890.0", 1.2345678901234568e+29), ("00.5", 0.5), ("1_2.3_4", 12.34),
        ("0e0", 0.0), ("7.0e22", 7e22), ("1.7976931348623157e308", 1.7976931348623157e308),
    ])
    func floatsAreCorrectlyRounded(source: String, expected: Double) throws {
        guard case .float(let value) = try constant(source) else {
            Issue.record("not a float")
            return
        }
        #expect(value.bitPattern == expected.bitPattern)
    }

    @Test func numbersMayTouchSomeKeywords() {
        #expect(TestSupport.dump("x = 1if y else 2") == "[Assign([Name(x)], IfExp(Name(y), Constant(1), Constant(2)))]")
        #expect(TestSupport.dump("x = [1for x in y]") == "[Assign([Name(x)], ListComp(Constant(1), [for Name(x) in Name(y)]))]")
        // `0x1f` is a hexadecimal number, so `0x1for` reads as `0x1f or`.
        #expect(TestSupport.dump("x = 0x1for y") == "[Assign([Name(x)], BoolOp(or, [Constant(31), Name(y)]))]")
        #expect(TestSupport.dump("x = 1é") == "error[syntax.invalid-syntax] 1:6: invalid syntax")
    }

    @Test func escapeSequences() throws {
        #expect(try constant(#"'tab\there\nnew\\back\'q\' \"d\"'"#) == .string("tab\there\nnew\\back'q' \"d\""))
        #expect(try constant(#"'\x41\u00e9\U0001F600 \101\0\7'"#) == .string("Aé😀 A\u{0}\u{7}"))
        #expect(try constant(#"'\a\b\f\v\r'"#) == .string("\u{7}\u{8}\u{C}\u{B}\r"))
        #expect(try constant(#"'\d \% \N'"#.replacingOccurrences(of: #" \N"#, with: "")) == .string(#"\d \%"#))
        #expect(try constant("'line\\\ncontinued'") == .string("linecontinued"))
        #expect(try constant(#"r'\n\t\''"#) == .string(#"\n\t\'"#))
        #expect(try constant("'\\ud83d'") == .string("\u{FFFD}"))
    }

    @Test func quotesPrefixesAndConcatenation() throws {
        #expect(try constant(#"'a' "b" '''c''' """d""" u'e' U"f" R'\g'"#) == .string(#"abcdef\g"#))
        #expect(try constant("'''multi\nline ' \" '' \"\" end'''") == .string("multi\nline ' \" '' \"\" end"))
        #expect(try constant("''") == .string(""))
        #expect(try constant("\"\"\"\"\"\"") == .string(""))
        #expect(try constant("'''a\r\nb'''") == .string("a\nb"))
        #expect(try constant("('a'\n 'b')") == .string("ab"))
        #expect(try constant("'naïve €uro 中文'") == .string("naïve €uro 中文"))
    }

    @Test func refusedLiterals() {
        #expect(TestSupport.diagnostic("x = b'abc'")?.id == .unsupportedBytesLiteral)
        #expect(TestSupport.diagnostic("x = 1j")?.id == .unsupportedComplexLiteral)
        #expect(TestSupport.diagnostic("x = 1.5J")?.id == .unsupportedComplexLiteral)
        #expect(TestSupport.diagnostic("x = '\\N{EM DASH}'")?.id == .unsupportedNamedUnicodeEscape)
        #expect(TestSupport.diagnostic("x = 'a' b'b'")?.id == .mixedBytesLiterals)
    }
}
