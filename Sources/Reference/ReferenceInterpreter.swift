import CPython
import ProgramOutcome

/// The embedded CPython is not of the series sal is pinned to.
public struct ReferenceSeriesMismatch: Error, Sendable, CustomStringConvertible {
    public var embedded: String
    public var pinned: String
    public var description: String {
        "the embedded CPython is \(embedded), but sal follows CPython \(pinned): install libpython\(pinned)-dev "
            + "(pkg-config python3-embed must name it) and rebuild"
    }
}

/// CPython 3.11, embedded, producing the `Outcome` sal's runtime must match for each program.
///
/// One per process (`shared`): CPython is started lazily on first use, on a dedicated thread that
/// runs every program in turn, and is never finalized. Calls from any thread are queued and served
/// one at a time; each blocks its caller until its outcome is ready.
/// GIL and threads: the interpreter thread holds the GIL only while it runs a program; a watchdog
/// thread takes it briefly to wake an overdue program. See `Watchdog`, `CountingAllocator` and
/// `SupportTypes` for the trap in each limit.
public final class ReferenceInterpreter: Sendable {
    public static let shared = ReferenceInterpreter()

    private let thread = InterpreterThread()

    private init() {}

    /// CPython's version string (`Py_GetVersion`), e.g. "3.11.2 (main, Apr 28 2025, 14:11:48) [GCC 12.2.0]".
    public var version: String {
        String(cString: Py_GetVersion())
    }

    /// The CPython series whose semantics sal follows and whose outcomes bless the corpus.
    public static let pinnedSeries = "3.11"

    /// The series of the libpython this build links (its headers' major and minor version).
    public static var embeddedSeries: String { "\(PY_MAJOR_VERSION).\(PY_MINOR_VERSION)" }

    /// Throws unless the embedded CPython is of the pinned series. The trap: another series is not an
    /// error anywhere else, it just differs (messages, `round`, new builtins), so blessing from it would
    /// silently move the corpus's target; the commands that consult the reference check first.
    public static func requirePinnedSeries() throws(ReferenceSeriesMismatch) {
        guard embeddedSeries == pinnedSeries else {
            throw ReferenceSeriesMismatch(embedded: embeddedSeries, pinned: pinnedSeries)
        }
    }

    /// Runs `program` in a fresh namespace (after `preamble`, in the same namespace) and returns
    /// its outcome: the answer read per `answer`, what it printed, or the exception, syntax error
    /// or limit that ended it.
    ///
    /// The namespace starts as `exec` would make it from `{}`: only `__builtins__`, so `__name__` is
    /// 'builtins' and an `if __name__ == "__main__":` block does not run.
    public func run(program: String, answer: AnswerSpec, preamble: String? = nil,
                    limits: ReferenceLimits = .init()) -> Outcome {
        thread.perform { python in
            python.run(program: program, answer: answer, preamble: preamble, limits: limits)
        }
    }

    /// Appends `directories` to `sys.path` (once each), for modules such as sympy and numpy that
    /// preambles import and the Debian installation lacks. Takes effect for the following runs.
    ///
    /// The trap: extension modules there must be built for CPython 3.11 (cp311 wheels).
    public func appendModuleSearchPaths(_ directories: [String]) {
        thread.perform { python in python.appendModuleSearchPaths(directories) }
    }

    /// Runs `work` on the interpreter thread; for the batch and throughput entry points.
    func perform<Result: Sendable>(_ work: @escaping @Sendable (EmbeddedPython) -> Result) -> Result {
        thread.perform(work)
    }
}
