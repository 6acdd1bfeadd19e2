import CPython
import Foundation

/// The one thread that initializes CPython and runs every program; callers queue work and wait.
///
/// Why one dedicated thread: CPython runs pending calls (the time-limit delivery) only on the thread
/// that initialized it, and recursion through C code needs a deeper stack than pool threads have.
/// The thread holds the GIL while it runs a job and releases it between jobs, so the watchdog can
/// take it. The trap: a job must never wait for another job (the queue is served by this thread alone).
final class InterpreterThread: @unchecked Sendable {
    typealias Job = @Sendable (EmbeddedPython) -> Void

    /// Stack of the interpreter thread; only the pages a program touches are committed.
    static let stackBytes = 1 << 30

    private let condition = NSCondition()
    // Guarded by `condition`:
    private var jobs: [Job] = []
    private var started = false
    private var thread: Thread?

    /// Runs `work` on the interpreter thread with the GIL held and returns its result;
    /// starts the thread (and CPython) on first use.
    func perform<Result: Sendable>(_ work: @escaping @Sendable (EmbeddedPython) -> Result) -> Result {
        precondition(Thread.current !== currentThread, "a reference job cannot wait for another reference job")
        let slot = ResultSlot<Result>()
        condition.lock()
        jobs.append { python in slot.fill(work(python)) }
        startIfNeeded()
        condition.signal()
        condition.unlock()
        return slot.take()
    }

    private var currentThread: Thread? {
        condition.lock()
        defer { condition.unlock() }
        return thread
    }

    /// Called with the lock held.
    private func startIfNeeded() {
        guard !started else { return }
        started = true
        let newThread = Thread { [self] in serve() }
        newThread.name = "sal.reference.cpython"
        newThread.stackSize = Self.stackBytes
        thread = newThread
        newThread.start()
    }

    private func serve() {
        let python = EmbeddedPython()
        let threadState = PyEval_SaveThread()
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            PyEval_RestoreThread(threadState)
            job(python)
            _ = PyEval_SaveThread()
        }
    }
}

/// A one-shot hand-over of a job's result to the waiting caller.
private final class ResultSlot<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    func fill(_ newValue: Value) {
        condition.lock()
        value = newValue
        condition.signal()
        condition.unlock()
    }

    func take() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value.unsafelyUnwrapped
    }
}
