import ArgumentParser
import ProgramOutcome
import PythonRuntime

/// Resource limits shared by every command that runs programs.
struct LimitOptions: ParsableArguments {
    @Option(help: "Maximum VM steps (loop iterations and calls) per program.")
    var maxSteps: Int = Limits.default.maxSteps
    @Option(help: "Maximum estimated memory per program, in MiB.")
    var maxMemoryMib: Int = Limits.default.maxMemoryBytes >> 20
    @Option(help: "Maximum Python call depth per program.")
    var maxRecursion: Int = Limits.default.maxRecursionDepth
    @Option(help: "Maximum wall-clock seconds per program.")
    var maxSeconds: Double = Limits.default.maxSeconds
    @Option(help: "Maximum bytes of output per program.")
    var maxOutputBytes: Int = Limits.default.maxOutputBytes
    @Option(help: "Maximum host-function calls per program.")
    var maxHostCalls: Int = Limits.default.maxHostCalls

    /// True when no limit option was given.
    var isDefault: Bool { limits == Limits.default }

    var limits: Limits {
        var l = Limits()
        l.maxSteps = maxSteps
        l.maxMemoryBytes = maxMemoryMib << 20
        l.maxRecursionDepth = maxRecursion
        l.maxSeconds = maxSeconds
        l.maxOutputBytes = maxOutputBytes
        l.maxHostCalls = maxHostCalls
        return l
    }
}

extension AnswerSpec: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
