import CPython
import ProgramOutcome

extension EmbeddedPython {
    static let programFilename = "<program>"
    static let preambleFilename = "<preamble>"

    /// Runs one program under `limits` and reads its answer: the whole reference semantics.
    func run(program: String, answer: AnswerSpec, preamble: String?, limits: ReferenceLimits) -> Outcome {
        let environment = enter(limits: limits)
        var outcome = execute(program: program, answer: answer, preamble: preamble, in: environment.globals)
        let ending = leave(environment)
        outcome.stdout = ending.stdout
        return Self.applying(ending, limits: limits, to: outcome)
    }

    /// A breach decides the outcome whatever the program did afterwards (it may have caught the
    /// exception); an uncaught MemoryError counts as the memory limit too, since CPython raises it
    /// without allocating for sizes it knows it cannot serve (`[0] * 10**18`).
    static func applying(_ ending: RunEnding, limits: ReferenceLimits, to outcome: Outcome) -> Outcome {
        let uncaughtMemoryError = outcome.status == .error && outcome.error?.type == "MemoryError"
        let error: ErrorInfo
        if ending.memoryBreached || uncaughtMemoryError {
            error = ErrorInfo(type: "MemoryLimit", message: "memory limit of \(limits.memoryBytes) bytes exceeded")
        } else if ending.outputBreached {
            error = ErrorInfo(type: "OutputLimit", message: "output limit of \(limits.outputBytes) bytes exceeded")
        } else if ending.timeBreached {
            let milliseconds = limits.timeLimit / .milliseconds(1)
            error = ErrorInfo(type: "TimeLimit", message: "time limit of \(Int(milliseconds.rounded())) ms exceeded")
        } else {
            return outcome
        }
        return Outcome(status: .limit, stdout: outcome.stdout, error: error)
    }

    /// Compiles the program, runs the preamble and the program in `globals`, and reads the answer.
    /// Leaves no exception set.
    private func execute(program: String, answer: AnswerSpec, preamble: String?, in globals: PythonObject) -> Outcome {
        guard let code = compile(program, filename: Self.programFilename) else {
            return compileFailure(programSource: program)
        }
        defer { Py_DecRef(code) }
        if let preamble {
            guard let preambleCode = compiledPreamble(preamble) else {
                return compileFailure(programSource: nil)
            }
            guard let result = PyEval_EvalCode(preambleCode, globals, globals) else {
                return exceptionOutcome(programSource: program)
            }
            Py_DecRef(result)
        }
        guard let result = PyEval_EvalCode(code, globals, globals) else {
            return exceptionOutcome(programSource: program)
        }
        Py_DecRef(result)

        let value: PythonObject
        switch lookUpAnswer(answer, in: globals) {
        case .found(let found):
            value = found
        case .missing(let message):
            return Outcome(status: .error, error: ErrorInfo(type: "NoAnswer", message: message))
        case .raised:
            return exceptionOutcome(programSource: program)
        }
        defer { Py_DecRef(value) }
        do {
            let repr = try reprText(value)
            let type = try typeName(of: value)
            let rendering = try render(value)
            return Outcome(status: .ok, answer: rendering, answerRepr: repr, answerType: type)
        } catch {
            return exceptionOutcome(programSource: program)
        }
    }

    /// `compile(source, filename, "exec", dont_inherit=True)`, or nil with the exception set.
    ///
    /// Goes through the builtin rather than `Py_CompileString` so that a NUL inside the source is
    /// reported as CPython reports it instead of silently ending the C string.
    func compile(_ source: String, filename: String) -> PythonObject? {
        do {
            let text = try pythonString(source)
            defer { Py_DecRef(text) }
            let name = try pythonString(filename)
            defer { Py_DecRef(name) }
            let mode = try pythonString("exec")
            defer { Py_DecRef(mode) }
            let flags = try checked(PyLong_FromLong(0))
            defer { Py_DecRef(flags) }
            let dontInherit = try checked(PyBool_FromLong(1))
            defer { Py_DecRef(dontInherit) }
            return try call(compileFunction, [text, name, mode, flags, dontInherit])
        } catch {
            return nil
        }
    }

    /// The preamble's code object (borrowed from the one-entry cache), or nil with the exception set.
    private func compiledPreamble(_ preamble: String) -> PythonObject? {
        if let cachedPreamble, cachedPreamble.source == preamble {
            return cachedPreamble.code
        }
        guard let code = compile(preamble, filename: Self.preambleFilename) else { return nil }
        if let cachedPreamble { Py_DecRef(cachedPreamble.code) }
        cachedPreamble = (preamble, code)
        return code
    }

    enum AnswerLookup {
        /// The answer value (owned).
        case found(PythonObject)
        /// No name the spec allows is defined; the NoAnswer message.
        case missing(String)
        /// Calling the answer function raised; the exception is set.
        case raised
    }

    /// Reads the answer per `spec`; `auto` never calls a function when a variable matched.
    func lookUpAnswer(_ spec: AnswerSpec, in globals: PythonObject) -> AnswerLookup {
        switch spec {
        case .variable(let name):
            return variable(name, in: globals).map(AnswerLookup.found) ?? .missing("program did not define '\(name)'")
        case .call(let name):
            return callFunction(name, in: globals) ?? .missing("program did not define '\(name)'")
        case .auto:
            for name in AnswerSpec.autoVariables {
                if let value = variable(name, in: globals) { return .found(value) }
            }
            for name in AnswerSpec.autoFunctions {
                if let lookup = callFunction(name, in: globals) { return lookup }
            }
            let names = (AnswerSpec.autoVariables + AnswerSpec.autoFunctions).map { "'\($0)'" }
            let list = names.dropLast().joined(separator: ", ") + " or " + names.last.unsafelyUnwrapped
            return .missing("program did not define \(list)")
        }
    }

    /// `globals[name]` (owned), or nil when absent.
    private func variable(_ name: String, in globals: PythonObject) -> PythonObject? {
        guard let value = PyDict_GetItemString(globals, name) else { return nil }
        Py_IncRef(value)
        return value
    }

    /// `globals[name]()`, or nil when `name` is absent.
    private func callFunction(_ name: String, in globals: PythonObject) -> AnswerLookup? {
        guard let function = variable(name, in: globals) else { return nil }
        defer { Py_DecRef(function) }
        guard let value = PyObject_CallNoArgs(function) else { return .raised }
        return .found(value)
    }
}
