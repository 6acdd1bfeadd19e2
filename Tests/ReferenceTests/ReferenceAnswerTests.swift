import ProgramOutcome
import Reference
import Testing

@Suite("Reference answers and their JSON rendering")
struct ReferenceAnswerTests {
    let reference = ReferenceInterpreter.shared

    func answer(_ program: String, _ spec: AnswerSpec = .auto) -> Outcome {
        reference.run(program: program, answer: spec)
    }

    @Test func integerAnswer() {
        let outcome = answer("answer = 6 * 7")
        #expect(outcome == Outcome(status: .ok, answer: .int(42), answerRepr: "42", answerType: "int"))
    }

    @Test func integersBeyondInt64BecomeDecimalText() {
        let outcome = answer("answer = 2 ** 64")
        #expect(outcome.answer == .bigInteger("18446744073709551616"))
        #expect(outcome.answerRepr == "18446744073709551616")
        #expect(answer("answer = -2 ** 63").answer == .int(Int.min))
        #expect(answer("answer = -2 ** 63 - 1").answer == .bigInteger("-9223372036854775809"))
    }

    @Test func floatsIncludingNonFinite() {
        #expect(answer("answer = 0.1 + 0.2").answer == .double(0.1 + 0.2))
        #expect(answer("answer = 0.1 + 0.2").answerRepr == "0.30000000000000004")
        #expect(answer("answer = float('inf')").answer == .string("inf"))
        #expect(answer("answer = -float('inf')").answer == .string("-inf"))
        let nan = answer("answer = float('nan')")
        #expect(nan.answer == .string("nan"))
        #expect(nan.answerRepr == "nan")
        #expect(nan.answerType == "float")
    }

    @Test func scalarsOfEveryOtherType() {
        #expect(answer("answer = None") == Outcome(status: .ok, answer: .null, answerRepr: "None", answerType: "NoneType"))
        #expect(answer("answer = True") == Outcome(status: .ok, answer: .bool(true), answerRepr: "True", answerType: "bool"))
        #expect(answer("answer = 'héllo'") == Outcome(status: .ok, answer: .string("héllo"), answerRepr: "'héllo'", answerType: "str"))
        let fraction = answer("from fractions import Fraction\nanswer = Fraction(3, 4)")
        #expect(fraction == Outcome(status: .ok, answer: .string("Fraction(3, 4)"), answerRepr: "Fraction(3, 4)", answerType: "Fraction"))
        let complex = answer("answer = 1+2j")
        #expect(complex.answer == .string("(1+2j)"))
        #expect(complex.answerType == "complex")
    }

    @Test func containers() {
        let list = answer("answer = [1, 'a', (2.5, None), [True]]")
        #expect(list.answer == .array([.int(1), .string("a"), .array([.double(2.5), .null]), .array([.bool(true)])]))
        #expect(list.answerType == "list")
        let tuple = answer("answer = (1, 2)")
        #expect(tuple.answer == .array([.int(1), .int(2)]))
        #expect(tuple.answerRepr == "(1, 2)")
        #expect(tuple.answerType == "tuple")
        let set = answer("answer = {3, 1, 2}")
        #expect(set.answer == .array([.int(1), .int(2), .int(3)]))
        #expect(set.answerRepr == "{1, 2, 3}")
        #expect(answer("answer = frozenset()").answer == .array([]))
    }

    @Test func dictionariesKeepInsertionOrderAndRenderKeys() {
        let outcome = answer("answer = {'b': 1, 'a': [2], 3: 'x', (1, 2): None, 'q\"': 0.5}")
        #expect(outcome.answer == .object([
            ("b", .int(1)), ("a", .array([.int(2)])), ("3", .string("x")), ("(1, 2)", .null), ("q\"", .double(0.5)),
        ]))
        #expect(outcome.answerType == "dict")
        let counter = answer("from collections import Counter\nanswer = Counter('abca')")
        #expect(counter.answer == .object([("a", .int(2)), ("b", .int(1)), ("c", .int(1))]))
        #expect(counter.answerType == "Counter")
        let strKeyRepr = answer("answer = {'1': 1, 1: 2}")
        #expect(strKeyRepr.answer == .object([("1", .int(1)), ("1", .int(2))]))
    }

    @Test func deepNestingFallsBackToRepr() {
        let outcome = answer("answer = x = []\nfor _ in range(150):\n    x.append([])\n    x = x[0]")
        // Lists at levels 101...151 are one repr; levels 1...100 are arrays.
        var expected = JSONValue.string("[" + String(repeating: "[", count: 50) + String(repeating: "]", count: 51))
        for _ in 0..<100 {
            expected = .array([expected])
        }
        #expect(outcome.answer == expected)
    }

    @Test func selfReferenceTerminates() {
        let outcome = answer("answer = []\nanswer.append(answer)")
        #expect(outcome.status == .ok)
        #expect(outcome.answerRepr == "[[...]]")
    }

    @Test func answerSpecs() {
        #expect(answer("x = 5", .variable("x")).answer == .int(5))
        #expect(answer("def f():\n    return 'called'", .call("f")).answer == .string("called"))
        #expect(answer("ans = 2\ndef solution():\n    return 1").answer == .int(2))
        #expect(answer("def solver():\n    return 3\ndef main():\n    return 4").answer == .int(3))
        #expect(answer("def main():\n    print('m')\n    return 4") == Outcome(
            status: .ok, answer: .int(4), answerRepr: "4", answerType: "int", stdout: "m\n"))
    }

    @Test func autoDoesNotCallWhenAVariableMatched() {
        let outcome = answer("answer = 1\ndef solution():\n    print('called')\n    return 2")
        #expect(outcome == Outcome(status: .ok, answer: .int(1), answerRepr: "1", answerType: "int", stdout: ""))
    }

    @Test func missingAnswers() {
        #expect(answer("y = 1", .variable("x")) == Outcome(
            status: .error, error: ErrorInfo(type: "NoAnswer", message: "program did not define 'x'")))
        #expect(answer("y = 1", .call("f")).error == ErrorInfo(type: "NoAnswer", message: "program did not define 'f'"))
        #expect(answer("y = 1").error == ErrorInfo(
            type: "NoAnswer", message: "program did not define 'answer', 'ans', 'solution', 'solver' or 'main'"))
    }

    @Test func namespaceIsFreshAndNameIsBuiltins() {
        let program = "try:\n    counter += 1\nexcept NameError:\n    counter = 1\nanswer = (counter, __name__)"
        let first = answer(program)
        #expect(first.answer == .array([.int(1), .string("builtins")]))
        #expect(answer(program) == first)
        let mainGuard = answer("answer = 0\nif __name__ == '__main__':\n    answer = 1")
        #expect(mainGuard.answer == .int(0))
    }

    @Test func stdoutIsCapturedPerRun() {
        let outcome = answer("import sys\nprint('a', 1)\nsys.stdout.write('b')\nprint('c', end='')\nanswer = 0")
        #expect(outcome.stdout == "a 1\nbc")
        #expect(answer("answer = 1").stdout == "")
        let stderr = answer("import sys\nprint('hidden', file=sys.stderr)\nanswer = 1")
        #expect(stderr.stdout == "")
        #expect(stderr.status == .ok)
    }

    @Test func inputSeesAnEmptyStdin() {
        let outcome = answer("answer = input()")
        #expect(outcome.status == .error)
        #expect(outcome.error?.type == "EOFError")
    }

    @Test func preambleRunsFirstInTheSameNamespace() {
        let preamble = "def helper(x):\n    return x * 10\nunit = 'kg'"
        let outcome = reference.run(program: "answer = (helper(4), unit)", answer: .auto, preamble: preamble)
        #expect(outcome.answer == .array([.int(40), .string("kg")]))
        let without = reference.run(program: "answer = helper(4)", answer: .auto)
        #expect(without.error?.type == "NameError")
    }

    @Test func builtinsChangedByAProgramArePutBack() {
        _ = answer("import builtins\nbuiltins.len = lambda x: -1\nbuiltins.extra_name = 3\nanswer = 0")
        #expect(answer("answer = len('abc')").answer == .int(3))
        #expect(answer("answer = extra_name").error?.type == "NameError")
    }

    @Test func versionIsDebiansLibpythonWithItsOwnStdlib() {
        #expect(reference.version.hasPrefix("3.11."))
        let outcome = answer("import sys, os\nanswer = [sys.version, os.__file__, sys.prefix, sys.executable]")
        guard case .array(let parts) = outcome.answer, parts.count == 4,
              case .string(let osPath) = parts[1], case .string(let prefix) = parts[2],
              case .string(let executable) = parts[3] else {
            Issue.record("unexpected \(outcome)")
            return
        }
        #expect(parts[0] == .string(reference.version))
        #expect(osPath.hasPrefix(prefix + "/lib/python3.11/"))
        #expect(!executable.contains(".pyenv"))
        #expect(!osPath.contains(".pyenv"))
    }
}
