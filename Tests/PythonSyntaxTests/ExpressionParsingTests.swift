import PythonSyntax
import Testing

/// Operators, precedence and every expression form, checked through the dump of one expression.
struct ExpressionParsingTests {
    private func dump(_ source: String) -> String { TestSupport.expression(source) }

    @Test func powerBindsTighterThanUnaryMinusOnItsLeft() {
        #expect(dump("-2**2") == "UnaryOp(-, BinOp(Constant(2), **, Constant(2)))")
        #expect(dump("2**-1") == "BinOp(Constant(2), **, UnaryOp(-, Constant(1)))")
        #expect(dump("2**3**2") == "BinOp(Constant(2), **, BinOp(Constant(3), **, Constant(2)))")
        #expect(dump("-x**-y") == "UnaryOp(-, BinOp(Name(x), **, UnaryOp(-, Name(y))))")
    }

    @Test func arithmeticPrecedenceAndAssociativity() {
        #expect(dump("a + b * c") == "BinOp(Name(a), +, BinOp(Name(b), *, Name(c)))")
        #expect(dump("a - b - c") == "BinOp(BinOp(Name(a), -, Name(b)), -, Name(c))")
        #expect(dump("a / b // c % d @ e")
                == "BinOp(BinOp(BinOp(BinOp(Name(a), /, Name(b)), //, Name(c)), %, Name(d)), @, Name(e))")
        #expect(dump("a | b ^ c & d << e + f")
                == "BinOp(Name(a), |, BinOp(Name(b), ^, BinOp(Name(c), &, BinOp(Name(d), <<, BinOp(Name(e), +, Name(f))))))")
        #expect(dump("~x + +y - -z") == "BinOp(BinOp(UnaryOp(~, Name(x)), +, UnaryOp(+, Name(y))), -, UnaryOp(-, Name(z)))")
    }

    @Test func comparisonsChainAndIncludeTwoWordOperators() {
        #expect(dump("a < b <= c == d != e > f >= g")
                == "Compare(Name(a), <, Name(b), <=, Name(c), ==, Name(d), !=, Name(e), >, Name(f), >=, Name(g))")
        #expect(dump("a in b not in c is d is not e")
                == "Compare(Name(a), in, Name(b), not in, Name(c), is, Name(d), is not, Name(e))")
    }

    @Test func booleanOperatorsAndNot() {
        #expect(dump("a or b and not c or d")
                == "BoolOp(or, [Name(a), BoolOp(and, [Name(b), UnaryOp(not, Name(c))]), Name(d)])")
        #expect(dump("not a == b") == "UnaryOp(not, Compare(Name(a), ==, Name(b)))")
        #expect(dump("not not x") == "UnaryOp(not, UnaryOp(not, Name(x)))")
    }

    @Test func conditionalExpressionsNestToTheRight() {
        #expect(dump("a if b else c if d else e") == "IfExp(Name(b), Name(a), IfExp(Name(d), Name(c), Name(e)))")
    }

    @Test func lambdas() {
        #expect(dump("lambda: 0") == "Lambda((), Constant(0))")
        #expect(dump("lambda x, y=1, *a, k, **kw: x")
                == "Lambda((x, y=Constant(1), *a, k, **kw), Name(x))")
        #expect(dump("lambda x, /, *, k: k") == "Lambda((x, /, *, k), Name(k))")
    }

    @Test func calls() {
        #expect(dump("f(a, *b, c=1, **d)") == "Call(Name(f), [Name(a), *Name(b), c=Constant(1), **Name(d)])")
        #expect(dump("f(a=1, *b)") == "Call(Name(f), [a=Constant(1), *Name(b)])")
        #expect(dump("f(x for x in y)") == "Call(Name(f), [GeneratorExp(Name(x), [for Name(x) in Name(y)])])")
        #expect(dump("f(a, b,)") == "Call(Name(f), [Name(a), Name(b)])")
        #expect(dump("a.b(c)[d](e).f") == "Attribute(Call(Subscript(Call(Attribute(Name(a), b), [Name(c)]), Name(d)), [Name(e)]), f)")
    }

    @Test func subscriptsAndSlices() {
        #expect(dump("x[1:2]") == "Subscript(Name(x), Slice(Constant(1), Constant(2), None))")
        #expect(dump("x[::2]") == "Subscript(Name(x), Slice(None, None, Constant(2)))")
        #expect(dump("x[a:b:c, ::, 3]")
                == "Subscript(Name(x), Tuple([Slice(Name(a), Name(b), Name(c)), Slice(None, None, None), Constant(3)]))")
        #expect(dump("x[1,]") == "Subscript(Name(x), Tuple([Constant(1)]))")
        #expect(dump("x[*a]") == "Subscript(Name(x), Tuple([Starred(Name(a))]))")
        #expect(dump("x[:, None]") == "Subscript(Name(x), Tuple([Slice(None, None, None), Constant(None)]))")
    }

    @Test func displays() {
        #expect(dump("()") == "Tuple([])")
        #expect(dump("(1,)") == "Tuple([Constant(1)])")
        #expect(dump("((a))") == "Name(a)")
        #expect(dump("[1, *a, 2]") == "List([Constant(1), Starred(Name(a)), Constant(2)])")
        #expect(dump("{}") == "Dict([])")
        #expect(dump("{1, 2}") == "Set([Constant(1), Constant(2)])")
        #expect(dump("{'a': 1, **b}") == "Dict([Constant('a'): Constant(1), **Name(b)])")
    }

    @Test func comprehensions() {
        #expect(dump("[x * y for x in a if x if x > 1 for y in x]")
                == "ListComp(BinOp(Name(x), *, Name(y)), [for Name(x) in Name(a) if Name(x) if Compare(Name(x), >, Constant(1)), for Name(y) in Name(x)])")
        #expect(dump("{k: v for k, v in d}") == "DictComp(Name(k), Name(v), [for Tuple([Name(k), Name(v)]) in Name(d)])")
        #expect(dump("{x for x in s}") == "SetComp(Name(x), [for Name(x) in Name(s)])")
        #expect(dump("(x for x in s)") == "GeneratorExp(Name(x), [for Name(x) in Name(s)])")
        #expect(dump("[x for x in a if b else c]") == "error[syntax.invalid-syntax] 1:20: invalid syntax")
    }

    @Test func namedExpressions() {
        #expect(dump("(y := f(x))") == "NamedExpr(y, Call(Name(f), [Name(x)]))")
        #expect(dump("[y := 5, y ** 2]") == "List([NamedExpr(y, Constant(5)), BinOp(Name(y), **, Constant(2))])")
        #expect(dump("print(z := 3)") == "Call(Name(print), [NamedExpr(z, Constant(3))])")
    }

    @Test func constants() {
        #expect(dump("(None, True, False, ...)")
                == "Tuple([Constant(None), Constant(True), Constant(False), Constant(Ellipsis)])")
    }

    @Test func expressionRangesFollowCPython() {
        #expect(TestSupport.expression("(a) + b", locations: true) == "BinOp(Name(a)@1:2-1:3, +, Name(b)@1:7-1:8)@1:1-1:8")
        #expect(TestSupport.expression("f(x for x in y)", locations: true)
                == "Call(Name(f)@1:1-1:2, [GeneratorExp(Name(x)@1:3-1:4, [for Name(x)@1:9-1:10 in Name(y)@1:14-1:15])@1:2-1:16])@1:1-1:16")
        #expect(TestSupport.expression("é + 'ü' + x", locations: true)
                == "BinOp(BinOp(Name(é)@1:1-1:2, +, Constant('ü')@1:5-1:8)@1:1-1:8, +, Name(x)@1:11-1:12)@1:1-1:12")
    }
}
