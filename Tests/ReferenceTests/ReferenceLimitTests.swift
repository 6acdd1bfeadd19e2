import ProgramOutcome
import Reference
import Testing

@Suite("Reference resource limits")
struct ReferenceLimitTests {
    let reference = ReferenceInterpreter.shared

    @Test func infiniteLoopHitsTheTimeLimitAndTheNextProgramRuns() {
        let limits = ReferenceLimits(timeLimit: .milliseconds(200))
        let outcome = reference.run(program: "print('start')\nwhile True:\n    pass", answer: .auto, limits: limits)
        #expect(outcome == Outcome(status: .limit, stdout: "start\n", error: ErrorInfo(
            type: "TimeLimit", message: "time limit of 200 ms exceeded")))
        #expect(reference.run(program: "answer = 1", answer: .auto).answer == .int(1))
    }

    @Test func catchingTheTimeLimitDoesNotEscapeIt() {
        let program = """
        caught = 0
        while True:
            try:
                while True:
                    pass
            except BaseException:
                caught += 1
        """
        let outcome = reference.run(program: program, answer: .auto, limits: ReferenceLimits(timeLimit: .milliseconds(200)))
        #expect(outcome.status == .limit)
        #expect(outcome.error?.type == "TimeLimit")
    }

    @Test func timeLimitCoversTheAnswerCallAndFinalizers() {
        let limits = ReferenceLimits(timeLimit: .milliseconds(200))
        let call = reference.run(program: "def solution():\n    while True:\n        pass", answer: .auto, limits: limits)
        #expect(call.error?.type == "TimeLimit")
        let finalizer = "class Stuck:\n    def __del__(self):\n        while True:\n            pass\nkeep = Stuck()\nanswer = 1"
        #expect(reference.run(program: finalizer, answer: .auto, limits: limits).error?.type == "TimeLimit")
        #expect(reference.run(program: "answer = 2", answer: .auto).answer == .int(2))
    }

    @Test func longCallThatEndsTheProgramStillBreachesTheTimeLimit() {
        // One C call (most of a second of work) and no eval-loop check after it: nothing interrupts
        // the program, yet it ran past its 10 ms.
        let outcome = reference.run(program: "answer = 3 ** (3 * 10**6) % 10", answer: .auto,
                                    limits: ReferenceLimits(timeLimit: .milliseconds(10)))
        #expect(outcome.error?.type == "TimeLimit")
    }

    @Test func hugeStringHitsTheMemoryLimit() {
        let outcome = reference.run(program: "x = 'a' * (10**10)\nanswer = len(x)", answer: .auto)
        #expect(outcome.status == .limit)
        #expect(outcome.error?.type == "MemoryLimit")
        #expect(reference.run(program: "answer = len('a' * 1000)", answer: .auto).answer == .int(1000))
    }

    @Test func bytearrayOverASmallBudget() {
        let limits = ReferenceLimits(memoryBytes: 64 << 20)
        let outcome = reference.run(program: "b = bytearray(10**9)\nanswer = len(b)", answer: .auto, limits: limits)
        #expect(outcome.error?.type == "MemoryLimit")
        let fits = reference.run(program: "b = bytearray(10**7)\nanswer = len(b)", answer: .auto, limits: limits)
        #expect(fits.answer == .int(10_000_000))
    }

    @Test func budgetCountsLiveBytesNotCumulative() {
        let limits = ReferenceLimits(memoryBytes: 64 << 20)
        let program = "total = 0\nfor _ in range(50):\n    block = bytearray(10**7)\n    total += len(block)\n    del block\nanswer = total"
        #expect(reference.run(program: program, answer: .auto, limits: limits).answer == .int(500_000_000))
        for _ in 0..<3 {
            #expect(reference.run(program: "b = bytearray(5 * 10**7)\nanswer = 1", answer: .auto, limits: limits).status == .ok)
        }
    }

    @Test func caughtMemoryErrorStillCountsAsTheLimit() {
        let program = "try:\n    x = [0] * (10**9)\nexcept MemoryError:\n    x = []\nanswer = len(x)"
        let outcome = reference.run(program: program, answer: .auto, limits: ReferenceLimits(memoryBytes: 64 << 20))
        #expect(outcome.error?.type == "MemoryLimit")
    }

    @Test func sizeCPythonRefusesWithoutAllocatingIsTheMemoryLimitToo() {
        let outcome = reference.run(program: "x = [0] * (10**18)", answer: .auto)
        #expect(outcome.error?.type == "MemoryLimit")
    }

    @Test func zeroBudgetIsAMemoryLimitNotACrash() {
        let outcome = reference.run(program: "answer = [1, 2, 3]", answer: .auto, limits: ReferenceLimits(memoryBytes: 0))
        #expect(outcome.error?.type == "MemoryLimit")
        #expect(reference.run(program: "answer = [1, 2, 3]", answer: .auto).status == .ok)
    }

    @Test func outputCap() {
        let limits = ReferenceLimits(outputBytes: 100)
        let outcome = reference.run(program: "for i in range(1000):\n    print('line', i)\nanswer = 1", answer: .auto, limits: limits)
        #expect(outcome.status == .limit)
        #expect(outcome.error?.type == "OutputLimit")
        #expect(outcome.stdout.utf8.count <= 100)
        #expect(outcome.stdout.hasPrefix("line 0\nline 1\n"))
        let caught = "try:\n    print('x' * 200)\nexcept BaseException:\n    pass\nanswer = 1"
        #expect(reference.run(program: caught, answer: .auto, limits: limits).error?.type == "OutputLimit")
        let exact = reference.run(program: "print('é' * 49)\nanswer = 1", answer: .auto, limits: limits)
        #expect(exact.status == .ok)
    }

    @Test func deepRecursionWithARaisedLimitDoesNotCrash() {
        let program = """
        import sys
        from functools import lru_cache
        sys.setrecursionlimit(200000)

        @lru_cache(maxsize=None)
        def depth(n):
            return 0 if n == 0 else depth(n - 1) + 1

        answer = depth(90000)
        """
        let outcome = reference.run(program: program, answer: .auto)
        #expect(outcome.answer == .int(90_000), "\(outcome)")
        let limit = reference.run(program: "import sys\nanswer = sys.getrecursionlimit()", answer: .auto)
        #expect(limit.answer == .int(1000))
    }
}
