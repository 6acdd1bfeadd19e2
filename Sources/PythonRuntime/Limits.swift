/// Resource limits for one program run. Defaults suit LLM solution programs (tiny, short-running).
///
/// Every limit is checked where the cost is incurred: steps and time inside the VM loop (a watchdog
/// cannot stop running Swift code), memory before each allocation whose size depends on program
/// data, output on every write. A breach is uncatchable (see `ExecutionError.limit`).
public struct Limits: Sendable, Equatable {
    /// VM instructions executed (including those of natives' per-element work, charged in bulk).
    public var maxSteps: Int = 10_000_000
    /// Estimated bytes of live program data.
    public var maxMemoryBytes: Int = 256 << 20
    /// Python call depth; exceeding it raises a catchable `RecursionError` first (CPython's default is 1000).
    public var maxRecursionDepth: Int = 1000
    /// Wall-clock time for the whole run, in seconds.
    public var maxSeconds: Double = 10
    /// Bytes the program may print.
    public var maxOutputBytes: Int = 1 << 20
    /// Calls of host functions (`ask_llm`, `lookup`, `compare`).
    public var maxHostCalls: Int = 1000

    public init() {}

    public static let `default` = Limits()
}
