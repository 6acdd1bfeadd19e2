import PythonSyntax
import Testing

/// f-strings by CPython 3.11's rules: fields, conversions, `=`, nested specs, doubled braces, locations.
struct FormattedStringTests {
    private func parts(_ source: String) throws -> [FormattedStringPart] {
        let module = try PythonParser.parse(source)
        guard case .expression(let value) = module.body[0].kind, case .formattedString(let parts) = value.kind else {
            Issue.record("not an f-string: \(source)")
            return []
        }
        return parts
    }

    @Test func fieldsConversionsAndSpecs() {
        #expect(TestSupport.expression("f'a{x}b{y!r}c{z:>10}'")
                == "JoinedStr([Constant('a'), FormattedValue(Name(x), -1, None), Constant('b'), FormattedValue(Name(y), r, None), Constant('c'), FormattedValue(Name(z), -1, JoinedStr([Constant('>10')]))])")
        #expect(TestSupport.expression("f'{x!s}{x!a}'")
                == "JoinedStr([FormattedValue(Name(x), s, None), FormattedValue(Name(x), a, None)])")
        #expect(TestSupport.expression("f'{x:{w}.{p}f}'")
                == "JoinedStr([FormattedValue(Name(x), -1, JoinedStr([FormattedValue(Name(w), -1, None), Constant('.'), FormattedValue(Name(p), -1, None), Constant('f')]))])")
        #expect(TestSupport.expression("f'{{literal}} {x:}'")
                == "JoinedStr([Constant('{literal} '), FormattedValue(Name(x), -1, JoinedStr([]))])")
    }

    @Test func selfDocumentingFieldsKeepTheirTextAndDefaultToRepr() throws {
        guard case .replacement(_, let conversion, let spec, let debugText) = try parts("f'{x = }'")[0] else {
            Issue.record("expected a replacement field")
            return
        }
        #expect(debugText == "x = ")
        #expect(conversion == .repr)
        #expect(spec == nil)
        guard case .replacement(_, let specConversion, _, let specText) = try parts("f'{x=:>5}'")[0] else {
            Issue.record("expected a replacement field")
            return
        }
        #expect(specText == "x=")
        #expect(specConversion == nil)
        guard case .replacement(_, let explicit, _, _) = try parts("f'{ x =!s}'")[0] else {
            Issue.record("expected a replacement field")
            return
        }
        #expect(explicit == .str)
    }

    @Test func expressionsInsideFields() {
        #expect(TestSupport.expression(#"f"{x:{'>' if y else '<'}10}""#)
                == "JoinedStr([FormattedValue(Name(x), -1, JoinedStr([FormattedValue(IfExp(Name(y), Constant('>'), Constant('<')), -1, None), Constant('10')]))])")
        #expect(TestSupport.expression(#"f'{a["key"]}{ {"k": 1}["k"] }{(lambda: 1)()}{a != b}{x, y}'"#)
                == "JoinedStr([FormattedValue(Subscript(Name(a), Constant('key')), -1, None), FormattedValue(Subscript(Dict([Constant('k'): Constant(1)]), Constant('k')), -1, None), FormattedValue(Call(Lambda((), Constant(1)), []), -1, None), FormattedValue(Compare(Name(a), !=, Name(b)), -1, None), FormattedValue(Tuple([Name(x), Name(y)]), -1, None)])")
        #expect(TestSupport.expression("f'{x:=5}'") == "JoinedStr([FormattedValue(Name(x), -1, JoinedStr([Constant('=5')]))])")
    }

    @Test func concatenationWithPlainStrings() {
        #expect(TestSupport.expression("'a' f'{x}' 'b' rf'\\n{y}'")
                == "JoinedStr([Constant('a'), FormattedValue(Name(x), -1, None), Constant('b\\\\n'), FormattedValue(Name(y), -1, None)])")
        #expect(TestSupport.expression("f'tab\\t{x}'") == "JoinedStr([Constant('tab\\t'), FormattedValue(Name(x), -1, None)])")
    }

    @Test func fieldExpressionsCarryTheirPlaceInTheFile() {
        #expect(TestSupport.expression("f'ab{x + y}'", locations: true)
                == "JoinedStr([Constant('ab'), FormattedValue(BinOp(Name(x)@1:6-1:7, +, Name(y)@1:10-1:11)@1:6-1:11, -1, None)])@1:1-1:13")
        #expect(TestSupport.expression("f\"\"\"é{\nx\n+ y}\"\"\"", locations: true)
                == "JoinedStr([Constant('é'), FormattedValue(BinOp(Name(x)@2:1-2:2, +, Name(y)@3:3-3:4)@2:1-3:4, -1, None)])@1:1-3:8")
    }

    @Test func errorsInsideFields() {
        #expect(TestSupport.diagnostic("f'{a b}'")?.message == "f-string: invalid syntax. Perhaps you forgot a comma?")
        #expect(TestSupport.diagnostic("f'{a b}'")?.range.start == SourceLocation(line: 1, column: 4))
        #expect(TestSupport.diagnostic("f'{*a}'")?.message == "f-string: cannot use starred expression here")
        #expect(TestSupport.diagnostic("f'{x.__class__}'")?.id == .privateAttribute)
        #expect(TestSupport.diagnostic("f'{" + String(repeating: "(", count: 201) + "}'")?.id
                == .formattedStringTooManyBrackets)
    }
}
