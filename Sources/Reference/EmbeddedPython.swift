import CPython
import Foundation
import ProgramOutcome

/// CPython, started and owned by the interpreter thread: configuration, the per-run environment,
/// and the state that must be put back after each program.
///
/// Not Sendable: every member is touched only on `InterpreterThread` with the GIL held.
final class EmbeddedPython {
    let ledger: UnsafeMutablePointer<AllocationLedger>
    let watchdog: Watchdog
    /// The interpreter's builtins dict, which `exec` puts in a fresh namespace as `__builtins__` (borrowed; lives forever).
    let builtins: PythonObject
    /// The builtins as they were after start-up, put back after every run (owned).
    let pristineBuiltins: PythonObject
    let compileFunction: PythonObject
    let support: SupportTypes
    /// `sys` stream attributes and the objects CPython created for them (owned).
    let originalStreams: [(name: String, object: PythonObject)]
    let defaultRecursionLimit: Int32
    /// The last preamble compiled, reused while callers keep sending the same text.
    var cachedPreamble: (source: String, code: PythonObject)?

    static let streamNames = ["stdout", "stderr", "stdin", "__stdout__", "__stderr__", "__stdin__"]

    init() {
        ledger = Self.startInterpreter()
        builtins = PyEval_GetBuiltins()
        pristineBuiltins = PyDict_Copy(builtins)
        compileFunction = PyDict_GetItemString(builtins, "compile")
        Py_IncRef(compileFunction)
        defaultRecursionLimit = Py_GetRecursionLimit()
        originalStreams = Self.streamNames.map { name in
            let object = PySys_GetObject(name).unsafelyUnwrapped
            Py_IncRef(object)
            return (name, object)
        }
        support = SupportTypes.load(builtins: builtins, compile: compileFunction)
        watchdog = Watchdog(timeLimitType: support.timeLimit)
    }

    /// Starts CPython isolated from the environment and returns the ledger of the counting allocator.
    ///
    /// The trap: without `home`, CPython derives its prefix from the first `python3` on PATH, which
    /// may be another installation (pyenv's 3.11.7 here) whose stdlib would then be loaded into
    /// Debian's libpython 3.11.2. The prefix is found from the loaded libpython instead.
    private static func startInterpreter() -> UnsafeMutablePointer<AllocationLedger> {
        var preconfig = PyPreConfig()
        PyPreConfig_InitIsolatedConfig(&preconfig)
        preconfig.utf8_mode = 1
        requireSuccess(Py_PreInitialize(&preconfig), "Py_PreInitialize")

        let ledger = CountingAllocator.install()

        let config = UnsafeMutablePointer<PyConfig>.allocate(capacity: 1)
        defer {
            PyConfig_Clear(config)
            config.deallocate()
        }
        PyConfig_InitIsolatedConfig(config)
        config.pointee.site_import = 1
        config.pointee.write_bytecode = 0
        config.pointee.use_hash_seed = 1
        config.pointee.hash_seed = 0
        config.pointee.install_signal_handlers = 0
        config.pointee.parse_argv = 0
        if let prefix = installationPrefix() {
            requireSuccess(PyConfig_SetBytesString(config, &config.pointee.home, prefix), "PyConfig home")
            let executable = "\(prefix)/bin/python\(PY_MAJOR_VERSION).\(PY_MINOR_VERSION)"
            if FileManager.default.isExecutableFile(atPath: executable) {
                requireSuccess(PyConfig_SetBytesString(config, &config.pointee.executable, executable), "PyConfig executable")
            }
        }
        requireSuccess(Py_InitializeFromConfig(config), "Py_InitializeFromConfig")
        return ledger
    }

    /// The directory above the loaded libpython that holds `lib/pythonX.Y/os.py`, or nil.
    ///
    /// The library path is canonicalized first: the loader may report it under a symlinked
    /// directory (Debian's `/lib` → `/usr/lib`), from which the stdlib is not found by walking up.
    static func installationPrefix() -> String? {
        guard let libraryPath = loadedLibpythonPath(), let canonical = realpath(libraryPath, nil) else { return nil }
        defer { free(canonical) }
        let landmark = "lib/python\(PY_MAJOR_VERSION).\(PY_MINOR_VERSION)/os.py"
        var directory = URL(fileURLWithPath: String(cString: canonical)).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(landmark).path) {
                return directory.path
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// The file the dynamic loader mapped libpython from, read from /proc/self/maps (Linux).
    /// `dladdr` would be the portable way, but Swift's Glibc module omits it (it needs _GNU_SOURCE).
    static func loadedLibpythonPath() -> String? {
        // Read to EOF: procfs reports a size of 0, so a read sized by the file's length gets nothing.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps"),
              let data = try? handle.readToEnd() else { return nil }
        try? handle.close()
        let maps = String(decoding: data, as: UTF8.self)
        let libraryName = "libpython\(PY_MAJOR_VERSION).\(PY_MINOR_VERSION)"
        for line in maps.split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = line[slash...]
            if path.split(separator: "/").last?.hasPrefix(libraryName) == true {
                return String(path)
            }
        }
        return nil
    }

    private static func requireSuccess(_ status: PyStatus, _ step: String) {
        guard PyStatus_Exception(status) != 0 else { return }
        let function = status.func.map { String(cString: $0) } ?? step
        let message = status.err_msg.map { String(cString: $0) } ?? "unknown failure"
        fatalError("CPython could not start (\(function)): \(message)")
    }
}

// MARK: - The environment of one run

/// What a run installs.
struct ProgramEnvironment {
    /// The program's namespace (owned).
    let globals: PythonObject
    /// The `CappedOutput` that is the program's stdout (owned).
    let output: PythonObject
}

/// How a run ended outside its outcome: the limits it breached and what it printed.
struct RunEnding {
    var memoryBreached = false
    var outputBreached = false
    var timeBreached = false
    var stdout = ""
}

extension EmbeddedPython {
    /// Resets the recursion limit, installs fresh streams and namespace, then arms the limits.
    ///
    /// The memory budget is armed after the set-up allocations, so that even a budget of 0 bytes
    /// yields a MemoryLimit outcome rather than a failed set-up.
    func enter(limits: ReferenceLimits) -> ProgramEnvironment {
        Py_SetRecursionLimit(defaultRecursionLimit)
        let environment: ProgramEnvironment
        do {
            let capacity = try checked(PyLong_FromSsize_t(limits.outputBytes))
            defer { Py_DecRef(capacity) }
            let output = try call(support.cappedOutput, [capacity])
            let errors = try call(support.discard, [])
            defer { Py_DecRef(errors) }
            let input = try call(support.stringIO, [])
            defer { Py_DecRef(input) }
            for (name, stream) in [("stdout", output), ("stderr", errors), ("stdin", input),
                                   ("__stdout__", output), ("__stderr__", errors), ("__stdin__", input)] {
                PySys_SetObject(name, stream)
            }
            let globals = try checked(PyDict_New())
            PyDict_SetItemString(globals, "__builtins__", builtins)
            environment = ProgramEnvironment(globals: globals, output: output)
        } catch {
            preconditionFailure("the reference could not set up a run: \(describeAndClearError())")
        }
        watchdog.arm(timeLimit: limits.timeLimit)
        ledger.pointee.arm(budget: limits.memoryBytes)
        return environment
    }

    /// Empties the namespace and puts back the builtins while the limits are still armed (finalizers
    /// of the program's objects run here, may print, and may loop), then disarms the limits, reads
    /// stdout and restores the streams.
    func leave(_ environment: ProgramEnvironment) -> RunEnding {
        PyDict_Clear(environment.globals)
        Py_DecRef(environment.globals)
        restorePristineBuiltins()
        var ending = RunEnding()
        ending.timeBreached = watchdog.disarm()
        ending.memoryBreached = ledger.pointee.disarm()
        PyErr_Clear()
        if let overflowed = PyObject_GetAttrString(environment.output, "overflowed") {
            ending.outputBreached = PyObject_IsTrue(overflowed) == 1
            Py_DecRef(overflowed)
        }
        ending.stdout = capturedOutput(environment.output)
        PyErr_Clear()
        for (name, object) in originalStreams {
            PySys_SetObject(name, object)
        }
        Py_DecRef(environment.output)
        return ending
    }

    /// What the program printed.
    private func capturedOutput(_ output: PythonObject) -> String {
        do {
            let text = try callMethod(output, "getvalue")
            defer { Py_DecRef(text) }
            return try swiftString(text)
        } catch {
            PyErr_Clear()
            return ""
        }
    }

    /// Puts back builtins a program added, replaced or deleted (`import builtins; builtins.x = ...`).
    ///
    /// Compared by identity first, so the common case costs one pass and no writes. Added names are
    /// deleted one by one rather than clearing the dict, so finalizers never see empty builtins.
    private func restorePristineBuiltins() {
        var position = 0
        var key: PythonObject?
        var value: PythonObject?
        var changed = PyDict_Size(builtins) != PyDict_Size(pristineBuiltins)
        while !changed, PyDict_Next(builtins, &position, &key, &value) != 0 {
            changed = PyDict_GetItemWithError(pristineBuiltins, key) != value
        }
        PyErr_Clear()
        guard changed, let names = PyDict_Keys(builtins) else { return }
        defer { Py_DecRef(names) }
        for index in 0..<PyList_Size(names) {
            let name = PyList_GetItem(names, index)
            if PyDict_Contains(pristineBuiltins, name) == 0 {
                PyDict_DelItem(builtins, name)
            }
        }
        PyDict_Update(builtins, pristineBuiltins)
        PyErr_Clear()
    }

    /// Appends each directory to `sys.path` unless it is there already.
    func appendModuleSearchPaths(_ directories: [String]) {
        guard let path = PySys_GetObject("path"), sal_is_list(path) != 0 else { return }
        for directory in directories {
            guard let entry = try? pythonString(directory) else { continue }
            if PySequence_Contains(path, entry) == 0 {
                PyList_Append(path, entry)
            }
            Py_DecRef(entry)
        }
        PyErr_Clear()
    }

    /// Fetches and clears the pending exception, as "Type: message", for precondition messages.
    func describeAndClearError() -> String {
        guard PyErr_Occurred() != nil else { return "no exception" }
        let raised = fetchRaisedException(programSource: nil, compiling: false)
        return "\(raised.typeName): \(raised.message)"
    }
}
