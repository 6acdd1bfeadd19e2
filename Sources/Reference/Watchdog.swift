import CPython
import Foundation

/// Interrupts a program that runs past its time limit by raising `TimeLimit` into it, again and again.
///
/// Delivery is a `Py_AddPendingCall` callback that raises the exception and queues itself anew, so it
/// fires at every eval-loop check until the run is disarmed: a bare `except:` catches one raise, never
/// all of them. Traps: CPython runs pending calls only on the thread that initialized it (hence
/// `InterpreterThread`), and a call queued from another thread does not wake the eval loop, so the
/// watchdog also takes the GIL once, which makes the running thread re-check. C code that never
/// returns to the eval loop (one enormous `pow`, `time.sleep`) is interrupted only when it does;
/// a run that ends past its deadline without an interruption still counts as a breach.
final class Watchdog: @unchecked Sendable {
    private let condition = NSCondition()
    private let timeLimitType: PythonObject
    // Guarded by `condition`:
    private var deadline: ContinuousClock.Instant?
    private var wakesAt: ContinuousClock.Instant?
    private var overdue = false
    private var callbackQueued = false
    private var interrupted = false

    /// How often an overdue run is re-checked, in case CPython's pending-call queue was full.
    private static let retryInterval = Duration.milliseconds(50)

    /// Starts the watchdog thread; `timeLimitType` is the exception class raised (a BaseException).
    init(timeLimitType: PythonObject) {
        self.timeLimitType = timeLimitType
        let thread = Thread { [self] in watch() }
        thread.name = "sal.reference.watchdog"
        thread.start()
    }

    /// Starts timing a run. Signals the watchdog thread only if it would otherwise sleep past the
    /// deadline, so back-to-back runs cost no thread wake-up.
    func arm(timeLimit: Duration) {
        condition.lock()
        defer { condition.unlock() }
        let newDeadline = ContinuousClock.now + timeLimit
        deadline = newDeadline
        overdue = false
        interrupted = false
        if let wakesAt, wakesAt <= newDeadline { return }
        condition.signal()
    }

    /// Stops timing the run; returns whether it was interrupted or ran past its deadline anyway
    /// (a single C call can run past it and end the program without one eval-loop check).
    /// Call with the GIL held.
    func disarm() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let breached = interrupted || deadline.map { ContinuousClock.now >= $0 } ?? false
        deadline = nil
        overdue = false
        interrupted = false
        return breached
    }

    private func watch() {
        condition.lock()
        while true {
            let now = ContinuousClock.now
            guard let deadline else {
                wakesAt = nil
                condition.wait()
                continue
            }
            if now < deadline {
                sleep(until: deadline, now: now)
                continue
            }
            overdue = true
            if !callbackQueued {
                callbackQueued = Py_AddPendingCall(deliverTimeLimit, Unmanaged.passUnretained(self).toOpaque()) == 0
                if callbackQueued {
                    condition.unlock()
                    wakeEvalLoop()
                    condition.lock()
                    continue
                }
            }
            sleep(until: now + Self.retryInterval, now: now)
        }
    }

    /// Waits on the condition until `instant` or a signal; the lock is held on entry and exit.
    private func sleep(until instant: ContinuousClock.Instant, now: ContinuousClock.Instant) {
        wakesAt = instant
        let (seconds, attoseconds) = (instant - now).components
        _ = condition.wait(until: Date(timeIntervalSinceNow: Double(seconds) + Double(attoseconds) * 1e-18))
    }

    /// Taking the GIL makes the running thread drop it and recompute its eval breaker on its own
    /// thread, where the queued call counts; without this the callback could wait forever.
    private func wakeEvalLoop() {
        let state = PyGILState_Ensure()
        PyGILState_Release(state)
    }

    /// The pending call: on the interpreter thread with the GIL held.
    fileprivate func deliver() -> Int32 {
        condition.lock()
        callbackQueued = false
        guard overdue else {
            condition.unlock()
            return 0
        }
        interrupted = true
        callbackQueued = Py_AddPendingCall(deliverTimeLimit, Unmanaged.passUnretained(self).toOpaque()) == 0
        condition.unlock()
        PyErr_SetNone(timeLimitType)
        return -1
    }
}

private func deliverTimeLimit(_ watchdog: UnsafeMutableRawPointer?) -> Int32 {
    Unmanaged<Watchdog>.fromOpaque(watchdog.unsafelyUnwrapped).takeUnretainedValue().deliver()
}
