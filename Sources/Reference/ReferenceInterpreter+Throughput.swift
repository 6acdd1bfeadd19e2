import CPython

/// Programs per second of the reference, measured in process.
public struct ReferenceThroughput: Sendable, Equatable {
    /// Programs in one pass of each mode.
    public var programCount: Int
    /// Passes over the programs in each mode.
    public var passes: Int
    /// Programs (of those that compile) measured in the precompiled mode.
    public var precompiledCount: Int
    /// Compile plus exec, per program.
    public var compileAndExecPerSecond: Double
    /// Exec of a code object compiled beforehand (untimed), per program.
    public var execPrecompiledPerSecond: Double
}

extension ReferenceInterpreter {
    /// Measures CPython's compile+exec and its exec of precompiled code over `programs`.
    ///
    /// Each program gets what a reference run gives it — fresh namespace, captured stdout, limits
    /// armed, `preamble` (compiled once, untimed) executed first — but its answer is not read, and
    /// the hand-over between threads is not timed. Programs
    /// that fail to compile still count in the first mode (a failed compile is work done) and are
    /// left out of the second. The trap: a program that loops costs a whole time limit per pass.
    public func measureThroughput(programs: [String], preamble: String? = nil, passes: Int = 1,
                                  limits: ReferenceLimits = .init()) -> ReferenceThroughput {
        precondition(passes > 0, "at least one pass is needed")
        return perform { python in
            python.measureThroughput(programs: programs, preamble: preamble, passes: passes, limits: limits)
        }
    }
}

extension EmbeddedPython {
    func measureThroughput(programs: [String], preamble: String?, passes: Int,
                           limits: ReferenceLimits) -> ReferenceThroughput {
        let preambleCode = preamble.flatMap { compile($0, filename: Self.preambleFilename) }
        PyErr_Clear()
        defer { Py_DecRef(preambleCode) }
        let clock = ContinuousClock()
        let compileAndExec = clock.measure {
            for _ in 0..<passes {
                for program in programs {
                    let environment = enter(limits: limits)
                    if let preambleCode { execute(preambleCode, in: environment.globals) }
                    if let code = compile(program, filename: Self.programFilename) {
                        execute(code, in: environment.globals)
                        Py_DecRef(code)
                    }
                    PyErr_Clear()
                    _ = leave(environment)
                }
            }
        }

        let codes = programs.compactMap { program in
            let code = compile(program, filename: Self.programFilename)
            PyErr_Clear()
            return code
        }
        defer { codes.forEach { Py_DecRef($0) } }
        let precompiled = clock.measure {
            for _ in 0..<passes {
                for code in codes {
                    let environment = enter(limits: limits)
                    if let preambleCode { execute(preambleCode, in: environment.globals) }
                    execute(code, in: environment.globals)
                    _ = leave(environment)
                }
            }
        }

        return ReferenceThroughput(
            programCount: programs.count, passes: passes, precompiledCount: codes.count,
            compileAndExecPerSecond: Self.rate(programs.count * passes, in: compileAndExec),
            execPrecompiledPerSecond: Self.rate(codes.count * passes, in: precompiled))
    }

    /// Runs `code` in `globals` and drops its result or exception.
    private func execute(_ code: PythonObject, in globals: PythonObject) {
        if let result = PyEval_EvalCode(code, globals, globals) {
            Py_DecRef(result)
        } else {
            PyErr_Clear()
        }
    }

    private static func rate(_ count: Int, in duration: Duration) -> Double {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return seconds > 0 ? Double(count) / seconds : 0
    }
}
