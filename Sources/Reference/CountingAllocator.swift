import CPython

/// Live bytes on CPython's MEM and OBJ heaps, and the ceiling a run may not pass.
///
/// Only touched with the GIL held (CPython requires it for these two domains), so plain fields suffice.
struct AllocationLedger {
    /// Bytes requested by blocks that are allocated now (headers not included).
    var liveBytes = 0
    /// Allocations that would lift `liveBytes` above this fail; `Int.max` when no run is armed.
    var ceiling = Int.max
    /// Whether an allocation was refused since the last `arm`.
    var refusedSinceArmed = false
    /// Frees of blocks that carry no header; stays 0 when the hooks were installed in time.
    var blocksWithoutHeader = 0

    /// Lets a run add `budget` bytes to what is live now.
    mutating func arm(budget: Int) {
        ceiling = budget > Int.max - liveBytes ? Int.max : liveBytes + budget
        refusedSinceArmed = false
    }

    /// Lifts the ceiling; returns whether the run had an allocation refused.
    mutating func disarm() -> Bool {
        ceiling = Int.max
        return refusedSinceArmed
    }

    /// Whether `extra` more live bytes fit under the ceiling; records a refusal when not.
    mutating func admit(_ extra: Int) -> Bool {
        if extra <= ceiling - liveBytes { return true }
        refusedSinceArmed = true
        return false
    }
}

/// One domain's hook: the allocator it wraps and the shared ledger.
struct AllocationHook {
    var underlying: PyMemAllocatorEx
    let ledger: UnsafeMutablePointer<AllocationLedger>
}

/// Wraps CPython's MEM and OBJ allocators so that every block is counted and a run can be refused memory.
///
/// Each block gets a 16-byte header (its size and a mark) so that `free` knows what to subtract;
/// 16 keeps pymalloc's 16-byte alignment. The trap: blocks allocated before the hooks carry no
/// header, so `install` must run after `Py_PreInitialize` and before `Py_InitializeFromConfig`,
/// when no MEM or OBJ block exists yet (the mark check is a guard, counted in `blocksWithoutHeader`).
enum CountingAllocator {
    /// Installs the hooks; the returned ledger and the hooks live as long as the process.
    static func install() -> UnsafeMutablePointer<AllocationLedger> {
        let ledger = UnsafeMutablePointer<AllocationLedger>.allocate(capacity: 1)
        ledger.initialize(to: AllocationLedger())
        for domain in [PYMEM_DOMAIN_MEM, PYMEM_DOMAIN_OBJ] {
            var underlying = PyMemAllocatorEx()
            PyMem_GetAllocator(domain, &underlying)
            let hook = UnsafeMutablePointer<AllocationHook>.allocate(capacity: 1)
            hook.initialize(to: AllocationHook(underlying: underlying, ledger: ledger))
            var counting = PyMemAllocatorEx(
                ctx: UnsafeMutableRawPointer(hook),
                malloc: countingMalloc, calloc: countingCalloc,
                realloc: countingRealloc, free: countingFree
            )
            PyMem_SetAllocator(domain, &counting)
        }
        return ledger
    }
}

private let headerSize = 16
private let headerMark: UInt = 0x5341_4C5F_4845_4150

@inline(__always)
private func hook(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<AllocationHook> {
    context.unsafelyUnwrapped.assumingMemoryBound(to: AllocationHook.self)
}

/// Writes the header of a fresh block and returns the address handed to CPython.
@inline(__always)
private func stamp(_ block: UnsafeMutableRawPointer, size: Int) -> UnsafeMutableRawPointer {
    block.storeBytes(of: size, as: Int.self)
    block.storeBytes(of: headerMark, toByteOffset: MemoryLayout<Int>.size, as: UInt.self)
    return block + headerSize
}

private func countingMalloc(_ context: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    let hook = hook(context)
    guard size <= Int.max - headerSize, hook.pointee.ledger.pointee.admit(size) else { return nil }
    let underlying = hook.pointee.underlying
    guard let block = underlying.malloc(underlying.ctx, size + headerSize) else { return nil }
    hook.pointee.ledger.pointee.liveBytes += size
    return stamp(block, size: size)
}

private func countingCalloc(
    _ context: UnsafeMutableRawPointer?, _ count: Int, _ elementSize: Int
) -> UnsafeMutableRawPointer? {
    let hook = hook(context)
    let (size, overflow) = count.multipliedReportingOverflow(by: elementSize)
    guard !overflow, size <= Int.max - headerSize, hook.pointee.ledger.pointee.admit(size) else {
        if overflow { hook.pointee.ledger.pointee.refusedSinceArmed = true }
        return nil
    }
    let underlying = hook.pointee.underlying
    guard let block = underlying.calloc(underlying.ctx, 1, size + headerSize) else { return nil }
    hook.pointee.ledger.pointee.liveBytes += size
    return stamp(block, size: size)
}

private func countingRealloc(
    _ context: UnsafeMutableRawPointer?, _ pointer: UnsafeMutableRawPointer?, _ size: Int
) -> UnsafeMutableRawPointer? {
    guard let pointer else { return countingMalloc(context, size) }
    let hook = hook(context)
    let underlying = hook.pointee.underlying
    let block = pointer - headerSize
    guard block.load(fromByteOffset: MemoryLayout<Int>.size, as: UInt.self) == headerMark else {
        hook.pointee.ledger.pointee.blocksWithoutHeader += 1
        return underlying.realloc(underlying.ctx, pointer, size)
    }
    let oldSize = block.load(as: Int.self)
    guard size <= Int.max - headerSize, hook.pointee.ledger.pointee.admit(size - oldSize) else { return nil }
    guard let moved = underlying.realloc(underlying.ctx, block, size + headerSize) else { return nil }
    hook.pointee.ledger.pointee.liveBytes += size - oldSize
    return stamp(moved, size: size)
}

private func countingFree(_ context: UnsafeMutableRawPointer?, _ pointer: UnsafeMutableRawPointer?) {
    guard let pointer else { return }
    let hook = hook(context)
    let underlying = hook.pointee.underlying
    let block = pointer - headerSize
    guard block.load(fromByteOffset: MemoryLayout<Int>.size, as: UInt.self) == headerMark else {
        hook.pointee.ledger.pointee.blocksWithoutHeader += 1
        underlying.free(underlying.ctx, pointer)
        return
    }
    hook.pointee.ledger.pointee.liveBytes -= block.load(as: Int.self)
    block.storeBytes(of: 0, toByteOffset: MemoryLayout<Int>.size, as: UInt.self)
    underlying.free(underlying.ctx, block)
}
