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
}

/// Carries a value into a concurrent closure on the caller's promise that the use is race-free.
struct UncheckedSendableBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
