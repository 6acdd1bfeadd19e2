#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Releases the contents of containers without unbounded recursion.
///
/// Freeing a list that holds a list that holds a list ... (built by `x = [x]` in a loop) would run one
/// nested `deinit` per level on the host stack and overflow it. Each container's `deinit` hands its
/// elements here instead: up to `maximumDepth` nested releases run directly, deeper ones are parked
/// and released one by one by the outermost release, so the host stack stays bounded. One queue per
/// thread (programs run on many threads at once), reached through a pthread key.
final class DeallocationQueue {
    static let maximumDepth = 64

    private var depth = 0
    private var parked: [Value] = []

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<DeallocationQueue>.fromOpaque(pointer).release() }
        }
        return key
    }()

    private static var current: DeallocationQueue {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<DeallocationQueue>.fromOpaque(pointer).takeUnretainedValue()
        }
        let queue = DeallocationQueue()
        pthread_setspecific(key, Unmanaged.passRetained(queue).toOpaque())
        return queue
    }

    /// Empties `items`, releasing its elements now or parking them when the stack is already deep.
    static func release(_ items: inout [Value]) {
        let queue = current
        if queue.depth >= maximumDepth {
            queue.parked.append(contentsOf: items)
            items = []
            return
        }
        queue.depth += 1
        items = []
        if queue.depth == 1 {
            while let value = queue.parked.popLast() {
                _ = value
            }
        }
        queue.depth -= 1
    }
}
