import Dispatch
import Foundation
import Synchronization

/// `map` over all cores, results in input order: for independent, pure work on many items (verdicts of
/// questions, output files).
///
/// The trap: `transform` runs on several threads at once, so it must not touch shared mutable state; the
/// items and results cross threads inside this call only, which is why they need not be `Sendable`.
enum ParallelMap {
    static func map<Item, Result>(_ items: [Item], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                  _ transform: @Sendable (Item) -> Result) -> [Result] {
        guard threads > 1, items.count > 1 else { return items.map(transform) }
        let slots = UnsafeMutableBufferPointer<Result>.allocate(capacity: items.count)
        defer { slots.deallocate() }
        let shared = UncheckedSlots(work: items, slots: slots)
        let cursor = WorkCursor()
        DispatchQueue.concurrentPerform(iterations: min(threads, items.count)) { _ in
            while case let index = cursor.next.add(1, ordering: .relaxed).oldValue, index < shared.work.count {
                (shared.slots.baseAddress! + index).initialize(to: transform(shared.work[index]))
            }
        }
        let results = Array(slots)
        slots.baseAddress!.deinitialize(count: items.count)
        return results
    }
}

/// Items and result slots shared with the threads of one `ParallelMap.map`. Each index is read and
/// written by exactly one thread, and the call waits for all of them.
struct UncheckedSlots<Item, Result>: @unchecked Sendable {
    let work: [Item]
    let slots: UnsafeMutableBufferPointer<Result>
}

/// The index of the next item a worker takes, so a slow item does not hold up a fixed share.
final class WorkCursor: Sendable {
    let next = Atomic<Int>(0)
}
