/// Why execution stopped early: a Python exception, or a resource limit.
///
/// Natives and the VM throw this (typed throws, no boxing). The two families never mix: a Python
/// `try` catches only `.exception`; a `.limit` always ends the program, so it cannot be caught,
/// retried or swallowed by a bare `except:`.
public enum ExecutionError: Error {
    case exception(PyException)
    case limit(LimitBreach)
}

/// A resource limit that ended a program. Its `id` is the outcome's error type (`StepLimit`, ...).
public struct LimitBreach: Error, Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case steps = "StepLimit"
        case memory = "MemoryLimit"
        case recursion = "RecursionLimit"
        case time = "TimeLimit"
        case output = "OutputLimit"
        case hostCalls = "HostCallLimit"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
