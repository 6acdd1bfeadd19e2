import ProgramOutcome
import PythonRuntime
import Synchronization
import Testing

/// A clock the test moves by hand, so the time limit is tested without depending on the machine's speed.
/// With `secondsPerRead`, every reading also moves it on, so a run's own execution takes time.
final class ManualClock: Sendable {
    let nanoseconds = Atomic<UInt64>(0)
    let perRead: UInt64

    init(secondsPerRead: UInt64 = 0) {
        perRead = secondsPerRead * 1_000_000_000
    }

    var runClock: RunClock {
        RunClock { [self] in nanoseconds.add(perRead, ordering: .relaxed).oldValue }
    }

    func advance(seconds: UInt64) {
        nanoseconds.add(seconds * 1_000_000_000, ordering: .relaxed)
    }
}

/// What a paused `ProgramRun` exposes and how pausing interacts with its limits.
@Suite struct ProgramRunPauseTests {
    /// Pauses at one `ask_llm` call, then counts long enough for the VM to check its time limit.
    static let pauseThenLoop = """
        print("asking")
        reply = ask_llm("q")
        total = 0
        for i in range(100000):
            total += 1
        answer = total
        """

    static func pausedRun(_ source: String, seconds: Double, clock: ManualClock) throws -> ProgramRun {
        var limits = Limits()
        limits.maxSeconds = seconds
        let run = ProgramRun(try CompiledProgram(source: source), limits: limits, hostFunctions: ["ask_llm"],
                             clock: clock.runClock)
        guard case .paused = run.start() else {
            Issue.record("the program should pause at ask_llm")
            return run
        }
        return run
    }

    @Test func timeSpentPausedDoesNotCountTowardTheTimeLimit() throws {
        let clock = ManualClock()
        let run = try Self.pausedRun(Self.pauseThenLoop, seconds: 1, clock: clock)
        clock.advance(seconds: 5)
        guard case .finished(let outcome) = run.resume(returning: .string("ok")) else {
            Issue.record("the program should finish")
            return
        }
        #expect(outcome.status == .ok && outcome.answer == .int(100000))
    }

    @Test func executionAfterAResumeStillCountsTowardTheTimeLimit() throws {
        let clock = ManualClock(secondsPerRead: 1)
        let run = try Self.pausedRun(Self.pauseThenLoop, seconds: 3, clock: clock)
        guard case .finished(let outcome) = run.resume(returning: .string("ok")) else {
            Issue.record("the program should finish")
            return
        }
        #expect(outcome.status == .limit && outcome.error?.type == "TimeLimit")
    }

    @Test func outputSoFarHoldsWhatAPausedRunPrinted() throws {
        let run = try Self.pausedRun(Self.pauseThenLoop, seconds: 10, clock: ManualClock())
        #expect(run.outputSoFar == "asking\n")
        guard case .finished(let outcome) = run.resume(returning: .string("ok")) else {
            Issue.record("the program should finish")
            return
        }
        #expect(run.outputSoFar == outcome.stdout)
    }

    @Test func keywordArgumentsKeepCallOrder() throws {
        let run = ProgramRun(try CompiledProgram(source: "answer = ask_llm('q', zeta=1, alpha=2, mid=3)"),
                             hostFunctions: ["ask_llm"])
        guard case .paused(let call) = run.start() else {
            Issue.record("the program should pause at ask_llm")
            return
        }
        #expect(call.keywordArguments.map(\.name) == ["zeta", "alpha", "mid"])
        #expect(call.keywordArguments.map(\.value) == [.int(1), .int(2), .int(3)])
    }
}
