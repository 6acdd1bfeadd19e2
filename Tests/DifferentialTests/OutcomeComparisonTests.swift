import Differential
import ProgramOutcome
import Testing

/// Field-by-field comparison and the classification of differences that are by design.
struct OutcomeComparisonTests {
    static let okFive = Outcome(status: .ok, answer: .int(5), answerRepr: "5", answerType: "int")

    @Test func identicalOutcomesAgree() {
        #expect(OutcomeComparison.verdict(sal: Self.okFive, reference: Self.okFive) == .agreed)
    }

    @Test func theFirstDifferingFieldNamesTheDivergence() {
        var sal = Self.okFive
        sal.answerRepr = "5.0"
        sal.answerType = "float"
        sal.stdout = "x\n"
        guard case .diverged(let divergence) = OutcomeComparison.verdict(sal: sal, reference: Self.okFive) else {
            Issue.record("expected a divergence")
            return
        }
        #expect(divergence.differences.map(\.field) == [.answerType, .answerRepr, .stdout])
        #expect(divergence.kind.field == .answerType)
        #expect(divergence.differences[1].sal == "\"5.0\"" && divergence.differences[1].reference == "\"5\"")
        #expect(divergence.kind.description == "type differs (sal ok, CPython ok)")
    }

    @Test func errorsCompareTypeMessageAndLineButNotColumn() {
        let reference = Outcome(status: .error, error: ErrorInfo(type: "ZeroDivisionError", message: "division by zero", line: 3, column: 5))
        var sal = reference
        sal.error?.column = 9
        #expect(OutcomeComparison.verdict(sal: sal, reference: reference) == .agreed)
        sal.error?.line = 4
        guard case .diverged(let divergence) = OutcomeComparison.verdict(sal: sal, reference: reference) else {
            Issue.record("expected a divergence")
            return
        }
        #expect(divergence.kind.field == .errorLine)
        #expect(divergence.kind.salErrorType == "ZeroDivisionError")
    }

    @Test func addressesInCPythonReprsAreIgnored() {
        let reference = Outcome(status: .ok, answerRepr: "<function f at 0x7f3a2b1c>", answerType: "function",
                                stdout: "[<built-in function len>, <function g at 0xdeadbeef>] at 0xzz\n")
        let sal = Outcome(status: .ok, answerRepr: "<function f>", answerType: "function",
                          stdout: "[<built-in function len>, <function g>] at 0xzz\n")
        #expect(OutcomeComparison.verdict(sal: sal, reference: reference) == .agreed)
    }

    @Test func unsupportedSyntaxIsSkippedOnlyWhenCPythonAcceptsTheProgram() {
        let sal = Outcome(status: .syntax, error: ErrorInfo(type: "UnsupportedSyntax", message: "sal does not support class definitions", line: 1))
        #expect(OutcomeComparison.verdict(sal: sal, reference: Self.okFive) == .skipped(.unsupportedSyntax))
        let cpythonRejects = Outcome(status: .syntax, error: ErrorInfo(type: "SyntaxError", message: "invalid syntax", line: 2))
        #expect(OutcomeComparison.verdict(sal: sal, reference: cpythonRejects).isDivergence)
    }

    @Test func limitsOnEitherSideAreSkipped() {
        let salLimit = Outcome(status: .limit, error: ErrorInfo(type: "StepLimit", message: "too many steps"))
        let cpythonLimit = Outcome(status: .limit, error: ErrorInfo(type: "TimeLimit", message: "time limit"))
        let memoryError = Outcome(status: .error, error: ErrorInfo(type: "MemoryError", message: "", line: 1))
        #expect(OutcomeComparison.verdict(sal: salLimit, reference: Self.okFive) == .skipped(.resourceLimit))
        #expect(OutcomeComparison.verdict(sal: Self.okFive, reference: cpythonLimit) == .skipped(.resourceLimit))
        #expect(OutcomeComparison.verdict(sal: salLimit, reference: memoryError) == .skipped(.resourceLimit))
    }

    @Test func missingModulesAndSandboxedBuiltinsAreSkipped() {
        let noNumpy = Outcome(status: .error, error: ErrorInfo(type: "ModuleNotFoundError", message: "No module named 'numpy'", line: 1))
        #expect(OutcomeComparison.verdict(sal: Self.okFive, reference: noNumpy) == .skipped(.moduleUnavailable("numpy")))
        let salSide = Outcome(status: .error, error: ErrorInfo(type: "ModuleNotFoundError", message: "No module named 'os.path'", line: 2))
        #expect(OutcomeComparison.verdict(sal: salSide, reference: Self.okFive) == .skipped(.moduleUnavailable("os")))
        let noOpen = Outcome(status: .error, error: ErrorInfo(type: "NameError", message: "name 'open' is not defined", line: 1))
        #expect(OutcomeComparison.verdict(sal: noOpen, reference: Self.okFive) == .skipped(.sandboxedBuiltin("open")))
        let typo = Outcome(status: .error, error: ErrorInfo(type: "NameError", message: "name 'totl' is not defined", line: 1))
        #expect(OutcomeComparison.verdict(sal: typo, reference: Self.okFive).isDivergence)
    }

    @Test func summaryLineCountsSkipsByReason() {
        var summary = DiffSummary()
        summary.record(.agreed)
        summary.record(.skipped(.salOnly("sandbox")))
        summary.record(.skipped(.salOnly("resource limit")))
        summary.record(.skipped(.resourceLimit))
        summary.record(OutcomeComparison.verdict(sal: Outcome(status: .ok, answerRepr: "1"), reference: Self.okFive))
        #expect(summary.line == "5 programs, 1 diverged, 3 skipped (resource limit: 1, sal-only: 2)")
    }
}

extension Verdict {
    var isDivergence: Bool {
        if case .diverged = self { return true }
        return false
    }
}
