import Dispatch

/// Splits an elementwise loop across as many workers as `BLAS.threadCount`, so the non-BLAS kernels
/// scale with the one thread setting sal has. The body gets disjoint index ranges; the trap is that it
/// must only write memory belonging to its own range (the compiler cannot check raw-pointer writes).
public enum ParallelLoop {
    /// Calls `body` on consecutive ranges covering 0..<count, concurrently when it is worth it.
    public static func chunks(count: Int, minimumChunk: Int = 4096, _ body: (Range<Int>) -> Void) {
        let workers = min(BLAS.threadCount, max(1, count / max(minimumChunk, 1)))
        if workers <= 1 {
            body(0..<count)
            return
        }
        withoutActuallyEscaping(body) { escapable in
            let box = UncheckedSendableBox(escapable)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let start = count * worker / workers, end = count * (worker + 1) / workers
                box.value(start..<end)
            }
        }
    }

    /// Calls `body(worker)` for every worker in 0..<count, concurrently (up to one per core), and
    /// returns when all have finished. Unlike `chunks` it ignores `BLAS.threadCount`: it is for callers
    /// that split work themselves (data-parallel training) and set BLAS to one thread per worker.
    /// The trap: bodies share everything they capture, so each must write only its own buffers.
    public static func concurrently(workers count: Int, _ body: (Int) -> Void) {
        precondition(count >= 1, "at least one worker")
        if count == 1 {
            body(0)
            return
        }
        withoutActuallyEscaping(body) { escapable in
            let box = UncheckedSendableBox(escapable)
            DispatchQueue.concurrentPerform(iterations: count) { worker in box.value(worker) }
        }
    }
}

/// Carries a value into a concurrent closure on the caller's promise that the use is race-free.
struct UncheckedSendableBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
