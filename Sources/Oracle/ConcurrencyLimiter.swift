/// A counting semaphore for async code: at most `limit` holders at once, waiters served first come first.
///
/// The trap: every `acquire` needs its `release` on every path, or the pool shrinks for good.
actor ConcurrencyLimiter {
    let limit: Int
    private var holders = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        precondition(limit > 0, "a limiter needs at least one permit")
        self.limit = limit
    }

    func acquire() async {
        if holders < limit {
            holders += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Hands the permit to the oldest waiter, or returns it to the pool.
    func release() {
        if waiters.isEmpty {
            holders -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}

/// Joins concurrent requests for the same call key onto one running task.
actor InFlightCalls {
    private var running: [String: Task<HelperAnswer, Never>] = [:]

    func answer(key: String, start: @escaping @Sendable () async -> HelperAnswer) async -> HelperAnswer {
        if let task = running[key] { return await task.value }
        let task = Task { await start() }
        running[key] = task
        let result = await task.value
        running[key] = nil
        return result
    }
}
