#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Per-run services natives need: the limits budget and the output buffer.
///
/// One context per program run, used by one thread at a time. Natives call `reserve(bytes:)` before any
/// allocation whose size comes from program data (`'a' * n`, `[0] * n`, `x ** y`, `' '.join`, padding,
/// format widths, `int(s)`), so an amplification attack fails before memory is touched.
public final class ExecutionContext {
    public let limits: Limits
    /// The largest single reservation so far (for reports).
    public private(set) var largestReservation: Int = 0
    /// Captured output (UTF-8).
    public private(set) var output: [UInt8] = []

    /// Steps charged by natives for per-element work (`sum(range(n))`), checked with the VM's own.
    public internal(set) var nativeSteps: Int = 0
    private var nextNativeCheck: Int = 1 << 16
    /// Monotonic nanoseconds after which the run stops with a time limit (set when the run starts, moved
    /// later by the time a run spends paused at host calls).
    var deadline: UInt64 = .max
    /// Where the time limit reads the time.
    public let clock: RunClock

    /// Charges `steps` units of native work; every so often checks the step and time limits.
    /// Natives call this inside loops whose length comes from program data.
    @inlinable
    public func tick(_ steps: Int = 1) throws(ExecutionError) {
        nativeStepsAdd(steps)
        if nativeSteps >= nextNativeCheckPoint { try checkNativeLimits() }
    }

    @usableFromInline var nextNativeCheckPoint: Int { nextNativeCheck }

    @usableFromInline func nativeStepsAdd(_ n: Int) { nativeSteps &+= n }

    @usableFromInline
    func checkNativeLimits() throws(ExecutionError) {
        nextNativeCheck = nativeSteps &+ (1 << 16)
        if nativeSteps > limits.maxSteps {
            throw .limit(LimitBreach(.steps, "step limit of \(limits.maxSteps) exceeded"))
        }
        if clock.now() > deadline {
            throw .limit(LimitBreach(.time, "time limit of \(limits.maxSeconds) seconds exceeded"))
        }
    }

    /// Allocations below this size are not checked: they are bounded by the step limit.
    public static let smallAllocation = 4096

    public init(limits: Limits, clock: RunClock = .monotonic) {
        self.limits = limits
        self.clock = clock
    }

    /// Checks that an allocation of `bytes` fits the memory budget, and counts it if it is large.
    @inlinable
    public func reserve(bytes: Int) throws(ExecutionError) {
        if bytes < Self.smallAllocation { return }
        try reserveLarge(bytes: bytes)
    }

    /// Each allocation is checked on its own against the budget. Memory that accumulates over many
    /// small allocations (a list appended to in a loop) is bounded by the step limit instead: sal does
    /// not track when Swift frees an object, so it cannot keep an exact live total.
    @usableFromInline
    func reserveLarge(bytes: Int) throws(ExecutionError) {
        if bytes < 0 || bytes > limits.maxMemoryBytes {
            throw .limit(LimitBreach(.memory, "memory limit of \(limits.maxMemoryBytes) bytes exceeded (an allocation of \(bytes < 0 ? "more than \(Int.max)" : String(bytes)) bytes was requested)"))
        }
        largestReservation = max(largestReservation, bytes)
    }

    /// Checks a size computed as `count * elementSize` without overflowing, then reserves it.
    public func reserve(count: Int, elementSize: Int) throws(ExecutionError) {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: elementSize)
        if overflow || count < 0 {
            throw .limit(LimitBreach(.memory, "memory limit of \(limits.maxMemoryBytes) bytes exceeded (\(count) elements requested)"))
        }
        try reserve(bytes: bytes)
    }

    /// Appends program output, enforcing the output limit.
    public func write(_ text: String) throws(ExecutionError) {
        let count = text.utf8.count
        if output.count + count > limits.maxOutputBytes {
            throw .limit(LimitBreach(.output, "output limit of \(limits.maxOutputBytes) bytes exceeded"))
        }
        output.append(contentsOf: text.utf8)
    }

    /// Output so far as text.
    public var outputText: String { String(decoding: output, as: UTF8.self) }

    func resetOutput() { output.removeAll(keepingCapacity: true) }
}

/// The time source of a run's time limit: the monotonic clock, or a stand-in that a test advances by hand
/// (so a test of the time limit never depends on how fast the machine is).
public struct RunClock: Sendable {
    let read: @Sendable () -> UInt64

    /// `nanoseconds` must never go backwards.
    public init(nanoseconds: @escaping @Sendable () -> UInt64) {
        read = nanoseconds
    }

    public static let monotonic = RunClock(nanoseconds: Clock.nanoseconds)

    func now() -> UInt64 { read() }
}

/// Monotonic time for limit checks.
enum Clock {
    static func nanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }
}
