import ProgramOutcome
import Reference
import Testing

@Suite("Reference exceptions and syntax errors")
struct ReferenceErrorTests {
    let reference = ReferenceInterpreter.shared

    @Test func exceptionTypeMessageAndLine() {
        let outcome = reference.run(program: "x = 1\nprint('before')\ny = x / 0\nanswer = y", answer: .auto)
        #expect(outcome == Outcome(status: .error, stdout: "before\n", error: ErrorInfo(
            type: "ZeroDivisionError", message: "division by zero", line: 3, column: 5)))
    }

    @Test func innermostProgramFrameIsReported() {
        let program = """
        def inner(items):
            return items['missing']

        def solution():
            return inner({})
        """
        let outcome = reference.run(program: program, answer: .auto)
        #expect(outcome.status == .error)
        #expect(outcome.error == ErrorInfo(type: "KeyError", message: "'missing'", line: 2, column: 12))
    }

    @Test func errorsInsideTheStandardLibraryPointAtTheCallingLine() {
        let outcome = reference.run(program: "import math\n\nanswer = math.sqrt(-1)", answer: .auto)
        #expect(outcome.error == ErrorInfo(type: "ValueError", message: "math domain error", line: 3, column: 10))
    }

    @Test func columnsCountCharactersNotBytes() {
        let outcome = reference.run(program: "s = 'ééé'; answer = s + 1", answer: .auto)
        #expect(outcome.error?.type == "TypeError")
        #expect(outcome.error?.line == 1)
        #expect(outcome.error?.column == 21)
    }

    @Test func userExceptionsAndSystemExit() {
        let custom = reference.run(program: "class Oops(Exception):\n    pass\nraise Oops('bad', 2)", answer: .auto)
        #expect(custom.error == ErrorInfo(type: "Oops", message: "('bad', 2)", line: 3, column: 1))
        let exit = reference.run(program: "import sys\nsys.exit(3)", answer: .auto)
        #expect(exit.status == .error)
        #expect(exit.error?.type == "SystemExit")
        #expect(exit.error?.message == "3")
        #expect(reference.run(program: "answer = 1", answer: .auto).status == .ok)
    }

    @Test func brokenStrDoesNotBreakTheReport() {
        let program = "class Odd(Exception):\n    def __str__(self):\n        raise RuntimeError('no')\nraise Odd()"
        let outcome = reference.run(program: program, answer: .auto)
        #expect(outcome.error?.type == "Odd")
        #expect(outcome.error?.message == "<exception str() failed>")
        #expect(outcome.error?.line == 4)
    }

    @Test func failingAnswerCallIsAnError() {
        let outcome = reference.run(program: "answer = 1", answer: .call("answer"))
        #expect(outcome.error == ErrorInfo(type: "TypeError", message: "'int' object is not callable"))
    }

    @Test func failingReprIsAnError() {
        let program = "class Bad:\n    def __repr__(self):\n        return 1 / 0\nanswer = Bad()"
        let outcome = reference.run(program: program, answer: .auto)
        #expect(outcome.error == ErrorInfo(type: "ZeroDivisionError", message: "division by zero", line: 3, column: 16))
    }

    @Test func recursionErrorIsAnOrdinaryException() {
        let outcome = reference.run(program: "def f(n):\n    return f(n + 1)\nanswer = f(0)", answer: .auto)
        #expect(outcome.status == .error)
        #expect(outcome.error?.type == "RecursionError")
        #expect(outcome.error?.line == 2)
    }

    @Test func syntaxError() {
        let outcome = reference.run(program: "x = 1\nanswer = (x +\n", answer: .auto)
        #expect(outcome.status == .syntax)
        #expect(outcome.error == ErrorInfo(type: "SyntaxError", message: "'(' was never closed", line: 2, column: 10))
    }

    @Test func indentationAndTabErrors() {
        let indentation = reference.run(program: "if True:\nanswer = 1", answer: .auto)
        #expect(indentation.status == .syntax)
        #expect(indentation.error?.type == "IndentationError")
        #expect(indentation.error?.message == "expected an indented block after 'if' statement on line 1")
        #expect(indentation.error?.line == 2)
        let tabs = reference.run(program: "if True:\n        x = 1\n\tanswer = 1", answer: .auto)
        #expect(tabs.status == .syntax)
        #expect(tabs.error?.type == "TabError")
        #expect(tabs.error?.line == 3)
    }

    @Test func syntaxErrorDoesNotRunThePreamble() {
        let outcome = reference.run(program: "answer = = 1", answer: .auto, preamble: "print('preamble ran')")
        #expect(outcome.status == .syntax)
        #expect(outcome.stdout == "")
        #expect(outcome.error?.line == 1)
    }

    @Test func nulByteInSourceIsReportedAsCPythonDoes() {
        let outcome = reference.run(program: "answer = 1\0", answer: .auto)
        #expect(outcome.status == .error)
        #expect(outcome.error?.type == "ValueError")
        #expect(outcome.error?.line == nil)
    }

    @Test func sameProgramTwiceGivesTheSameOutcome() {
        let program = "import random\nrandom.seed(1)\nprint(sorted({'b', 'a', 'c'}))\nanswer = {'x', 'y', 'z'}\nraise ValueError(len(answer))"
        let first = reference.run(program: program, answer: .auto)
        #expect(first.error?.type == "ValueError")
        #expect(reference.run(program: program, answer: .auto) == first)
    }
}
