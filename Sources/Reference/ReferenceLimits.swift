/// Resource limits for one reference run; a breach ends the run with status `limit`.
///
/// The trap: the limits cover everything done for the program — compiling it, running the preamble
/// and the program, calling the answer function and rendering the answer — not only its top level.
public struct ReferenceLimits: Sendable, Equatable {
    /// Wall-clock time before the program is interrupted with `TimeLimit`.
    public var timeLimit: Duration = .seconds(5)
    /// Live bytes the run may add to CPython's object and memory heaps (the RAW heap is not counted).
    public var memoryBytes: Int = 512 << 20
    /// UTF-8 bytes the program may print to stdout.
    public var outputBytes: Int = 1 << 20

    public init(timeLimit: Duration = .seconds(5), memoryBytes: Int = 512 << 20, outputBytes: Int = 1 << 20) {
        precondition(timeLimit > .zero, "the time limit must be positive")
        precondition(memoryBytes >= 0 && outputBytes >= 0, "limits must not be negative")
        self.timeLimit = timeLimit
        self.memoryBytes = memoryBytes
        self.outputBytes = outputBytes
    }
}
