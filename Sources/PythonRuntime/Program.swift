import ProgramOutcome
import PythonSyntax

/// Why a program could not be compiled: a parse diagnostic or a compile-time error.
public enum ProgramError: Error, Sendable, Equatable {
    case syntax(Diagnostic)
    case compile(CompileError)

    /// The outcome error record (`SyntaxError`, `IndentationError`, or `UnsupportedSyntax` for constructs sal rejects).
    public var errorInfo: ErrorInfo {
        switch self {
        case .syntax(let d):
            ErrorInfo(type: d.pythonType ?? "UnsupportedSyntax", message: d.message,
                      line: Int(d.range.start.line), column: Int(d.range.start.column))
        case .compile(let c):
            ErrorInfo(type: c.pythonType ?? "UnsupportedSyntax", message: c.message,
                      line: Int(c.range.start.line), column: Int(c.range.start.column))
        }
    }

    /// A stable identifier of the problem.
    public var id: String {
        switch self {
        case .syntax(let d): d.id.rawValue
        case .compile(let c): c.id
        }
    }

    public var range: SourceRange {
        switch self {
        case .syntax(let d): d.range
        case .compile(let c): c.range
        }
    }

    public var message: String {
        switch self {
        case .syntax(let d): d.message
        case .compile(let c): c.message
        }
    }
}

/// Code that runs before a program in the same namespace (e.g. the imports a benchmark's harness provided).
/// Compiled once and shared by every program compiled against it.
public final class Preamble: @unchecked Sendable {
    let code: CodeObject
    let names: GlobalNameTable
    public let source: String

    public init(source: String) throws(ProgramError) {
        self.source = source
        let module: Module
        do throws(Diagnostic) { module = try PythonParser.parse(source) } catch { throw .syntax(error) }
        let names = GlobalNameTable()
        do throws(CompileError) { code = try ProgramCompiler.compile(module, globals: names) } catch { throw .compile(error) }
        self.names = names
    }
}

/// A program compiled and ready to run any number of times, on any thread.
public struct CompiledProgram: @unchecked Sendable {
    let code: CodeObject
    let preamble: Preamble?
    let names: GlobalNameTable

    public init(source: String, preamble: Preamble? = nil) throws(ProgramError) {
        let module: Module
        do throws(Diagnostic) { module = try PythonParser.parse(source) } catch { throw .syntax(error) }
        try self.init(module: module, preamble: preamble)
    }

    public init(module: Module, preamble: Preamble? = nil) throws(ProgramError) {
        let names = preamble?.names.copy() ?? GlobalNameTable()
        do throws(CompileError) { code = try ProgramCompiler.compile(module, globals: names) } catch { throw .compile(error) }
        self.preamble = preamble
        self.names = names
    }
}

/// A call of a host function the embedder must answer before the program continues.
///
/// Keyword arguments keep the order they were written in the call, as CPython's do: an embedder that
/// rejects bad keywords reports the first one written, as CPython would.
public struct HostCall: Sendable, Equatable {
    /// One `name=value` argument of the call.
    public struct Keyword: Sendable, Equatable {
        public var name: String
        public var value: JSONValue

        public init(_ name: String, _ value: JSONValue) {
            self.name = name
            self.value = value
        }
    }

    public var function: String
    public var arguments: [JSONValue]
    /// In call order.
    public var keywordArguments: [Keyword]

    public init(function: String, arguments: [JSONValue], keywordArguments: [Keyword] = []) {
        self.function = function
        self.arguments = arguments
        self.keywordArguments = keywordArguments
    }
}

/// Where a run stands after `start` or `resume`.
public enum RunStep: Sendable {
    case paused(HostCall)
    case finished(Outcome)
}

/// One execution of a compiled program: start it, answer each host call it pauses at, read its outcome.
///
/// All state lives in the run (its VM stack and frames), so thousands of runs can wait at host calls
/// at once without a thread each. A run is used by one thread at a time, but may move between threads.
public final class ProgramRun: @unchecked Sendable {
    public let program: CompiledProgram
    public let answer: AnswerSpec
    public let limits: Limits
    let context: ExecutionContext
    let vm: VirtualMachine
    let globals: Globals
    private var phase: Phase = .notStarted
    /// When the run last paused at a host call (by `context.clock`); nil while it runs.
    private var pausedAt: UInt64?
    public private(set) var outcome: Outcome?

    /// What the program has printed so far. An embedder that abandons a paused run (it never resumes it)
    /// reads the run's output here; once the run finished, it equals the outcome's `stdout`.
    public var outputSoFar: String { context.outputText }

    enum Phase { case notStarted, preamble, program, answerCall, finished }

    /// `clock` is what the time limit reads (a test passes one it advances by hand).
    public init(_ program: CompiledProgram, answer: AnswerSpec = .auto, limits: Limits = .default,
                hostFunctions: Set<String> = [], clock: RunClock = .monotonic) {
        self.program = program
        self.answer = answer
        self.limits = limits
        context = ExecutionContext(limits: limits, clock: clock)
        var hosts: [String: HostFunction] = [:]
        for name in hostFunctions { hosts[name] = HostFunction(name: name) }
        vm = VirtualMachine(context: context, hostFunctions: hosts)
        globals = Globals(names: program.names)
    }

    /// Runs until the program finishes or calls a host function.
    public func start() -> RunStep {
        precondition(phase == .notStarted, "a run starts once")
        let seconds = limits.maxSeconds.isFinite ? max(0, limits.maxSeconds) : 1e9
        context.deadline = context.clock.now() &+ UInt64(min(seconds, 1e9) * 1e9)
        return drive { () throws(ExecutionError) in
            if let preamble = program.preamble {
                phase = .preamble
                try vm.pushFrame(code: preamble.code, cells: [], globals: globals, returnTarget: .stop) { _ throws(ExecutionError) in }
            } else {
                phase = .program
                try vm.pushFrame(code: program.code, cells: [], globals: globals, returnTarget: .stop) { _ throws(ExecutionError) in }
            }
            return try vm.run()
        }
    }

    /// Continues a paused run with the host function's result.
    public func resume(returning value: JSONValue) -> RunStep {
        precondition(vm.pendingHostResult != nil, "resume only a paused run")
        excludePausedTime()
        return drive { () throws(ExecutionError) in try vm.resume(with: Value(json: value)) }
    }

    /// Continues a paused run by raising an exception at the host call (`type` names a builtin
    /// exception class; an unknown name raises RuntimeError).
    public func resume(raising type: String, message: String) -> RunStep {
        precondition(vm.pendingHostResult != nil, "resume only a paused run")
        let exceptionType = PyType.exceptionTypes.first { $0.name == type } ?? .runtimeError
        excludePausedTime()
        return drive { () throws(ExecutionError) in try vm.resume(raising: PyException(exceptionType, message)) }
    }

    /// Moves the deadline later by the time since the run paused: the time limit bounds the program's
    /// own execution, not how long the embedder took to answer (a slow oracle, many rounds).
    private func excludePausedTime() {
        guard let pausedAt else { return }
        let now = context.clock.now()
        let paused = now > pausedAt ? now - pausedAt : 0
        let (deadline, overflow) = context.deadline.addingReportingOverflow(paused)
        context.deadline = overflow ? .max : deadline
        self.pausedAt = nil
    }

    private func drive(_ body: () throws(ExecutionError) -> VirtualMachine.Stop) -> RunStep {
        do throws(ExecutionError) {
            var stop = try body()
            while true {
                switch stop {
                case .paused(let host, let positional, let keywords):
                    pausedAt = context.clock.now()
                    return .paused(HostCall(function: host.name, arguments: positional.map { $0.jsonRendering() },
                                            keywordArguments: keywords.map { HostCall.Keyword($0.0, $0.1.jsonRendering()) }))
                case .returned(let value):
                    switch phase {
                    case .preamble:
                        phase = .program
                        try vm.pushFrame(code: program.code, cells: [], globals: globals, returnTarget: .stop) { _ throws(ExecutionError) in }
                        stop = try vm.run()
                    case .program:
                        switch try readAnswer() {
                        case .value(let v):
                            return finish(answer: v)
                        case .missing(let message):
                            return finish(error: ErrorInfo(type: "NoAnswer", message: message), status: .error)
                        case .call(let callee):
                            phase = .answerCall
                            stop = try callAnswerFunction(callee)
                        }
                    case .answerCall:
                        return finish(answer: value)
                    case .notStarted, .finished:
                        preconditionFailure("run in an impossible phase")
                    }
                }
            }
        } catch {
            switch error {
            case .exception(let e):
                return finish(error: ErrorInfo(type: e.type.name, message: e.message, line: e.line, column: e.column), status: .error)
            case .limit(let breach):
                let line = vm.frames.last.map { f in Int(f.code.lines[max(0, min(f.pc - 1, f.code.lines.count - 1))]) }
                return finish(error: ErrorInfo(type: breach.kind.rawValue, message: breach.message, line: line), status: .limit)
            }
        }
    }

    enum AnswerLookup {
        case value(Value)
        case call(Value)
        case missing(String)
    }

    private func readAnswer() throws(ExecutionError) -> AnswerLookup {
        switch answer {
        case .variable(let name):
            if let v = globals.value(named: name) { return .value(v) }
            return .missing("program did not define '\(name)'")
        case .call(let name):
            if let f = globals.value(named: name) { return .call(f) }
            return .missing("program did not define '\(name)'")
        case .auto:
            for name in AnswerSpec.autoVariables {
                if let v = globals.value(named: name) { return .value(v) }
            }
            for name in AnswerSpec.autoFunctions {
                if let f = globals.value(named: name) { return .call(f) }
            }
            return .missing("program did not define 'answer', 'ans', 'solution', 'solver' or 'main'")
        }
    }

    /// Calls the answer function with no arguments, as the bottom frame of its own phase.
    private func callAnswerFunction(_ callee: Value) throws(ExecutionError) -> VirtualMachine.Stop {
        if case .function(let f) = callee, f.code.kind != .generator {
            try vm.pushFrame(code: f.code, cells: f.closure, globals: f.globals, returnTarget: .stop) { (regs) throws(ExecutionError) in
                try vm.bindArguments(f, UnsafeBufferPointer(start: nil, count: 0), [], into: regs)
            }
            return try vm.run()
        }
        // A native or other callable: call it through a scratch frame-free path.
        let scratch = vm.stackTop
        vm.ensureCapacity(scratch + 1)
        switch try vm.callWithArray(callee, [], keywordNames: [], result: scratch) {
        case .value(let v): return .returned(v)
        case .paused(let stop): return stop
        case .pushed: return try vm.run()
        }
    }

    private func finish(answer value: Value) -> RunStep {
        let repr: String
        do throws(ExecutionError) {
            repr = try Repr.repr(value)
        } catch {
            switch error {
            case .exception(let e):
                return finish(error: ErrorInfo(type: e.type.name, message: e.message), status: .error)
            case .limit(let breach):
                return finish(error: ErrorInfo(type: breach.kind.rawValue, message: breach.message), status: .limit)
            }
        }
        phase = .finished
        let result = Outcome(status: .ok, answer: value.jsonRendering(), answerRepr: repr, answerType: value.typeName,
                             stdout: context.outputText, error: nil)
        outcome = result
        return .finished(result)
    }

    private func finish(error: ErrorInfo, status: OutcomeStatus) -> RunStep {
        phase = .finished
        let result = Outcome(status: status, stdout: context.outputText, error: error)
        outcome = result
        return .finished(result)
    }
}

/// Runs programs that call no host functions, in one call.
public enum Interpreter {
    /// Compiles and runs `source`; every failure becomes an outcome (never a thrown error).
    public static func run(source: String, preamble: Preamble? = nil, answer: AnswerSpec = .auto,
                           limits: Limits = .default) -> Outcome {
        let program: CompiledProgram
        do {
            program = try CompiledProgram(source: source, preamble: preamble)
        } catch {
            return Outcome(status: .syntax, error: error.errorInfo)
        }
        return run(program, answer: answer, limits: limits)
    }

    public static func run(_ program: CompiledProgram, answer: AnswerSpec = .auto, limits: Limits = .default) -> Outcome {
        switch ProgramRun(program, answer: answer, limits: limits).start() {
        case .finished(let outcome): return outcome
        case .paused: preconditionFailure("no host functions were provided, so nothing can pause")
        }
    }
}
