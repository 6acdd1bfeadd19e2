import PythonSyntax

/// One activation: a code object running with its registers at `base` on the VM stack.
struct Frame {
    enum ReturnTarget {
        /// Store the result in this absolute register of the caller.
        case register(Int)
        /// A generator resumed by `forIter`: yields go to `register`; exhaustion jumps the caller to `exit`.
        case generatorConsumer(register: Int, exit: Int32)
        /// The bottom frame of a phase (module body, answer call, prelude setup).
        case stop
    }

    let code: CodeObject
    var pc: Int
    let base: Int
    let cells: [Cell]
    let globals: Globals
    let returnTarget: ReturnTarget
    let generator: PyGenerator?
}

/// The bytecode interpreter: an explicit frame stack over one register stack, so that
///  - a call of a host function returns control to the embedder (`.paused`) with all state kept here,
///    and `resume` continues exactly there — no thread per program;
///  - Python recursion never consumes the host stack.
///
/// One VM runs one program, on one thread at a time.
final class VirtualMachine {
    enum Stop {
        case returned(Value)
        case paused(HostFunction, [Value], [(String, Value)])
    }

    let context: ExecutionContext
    let limits: Limits
    let hostFunctions: [String: HostFunction]

    var stack: UnsafeMutablePointer<Value>
    var capacity: Int
    var frames: [Frame] = []
    var steps = 0
    var nextCheck = 0
    var hostCallCount = 0
    /// Absolute register awaiting a host function's answer.
    var pendingHostResult: Int?
    lazy var prelude = PreludeInstance(vm: self)

    init(context: ExecutionContext, hostFunctions: [String: HostFunction]) {
        self.context = context
        self.limits = context.limits
        self.hostFunctions = hostFunctions
        capacity = 256
        stack = .allocate(capacity: capacity)
        stack.initialize(repeating: .unbound, count: capacity)
        nextCheck = min(4096, Self.saturatingIncrement(limits.maxSteps))
    }

    deinit {
        stack.deinitialize(count: capacity)
        stack.deallocate()
    }

    /// Grows the register stack so that `needed` registers fit. Invalidates pointers into it.
    func ensureCapacity(_ needed: Int) {
        guard needed > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newStack = UnsafeMutablePointer<Value>.allocate(capacity: newCapacity)
        newStack.moveInitialize(from: stack, count: capacity)
        (newStack + capacity).initialize(repeating: .unbound, count: newCapacity - capacity)
        stack.deallocate()
        stack = newStack
        capacity = newCapacity
    }

    /// First free register above the current frame.
    var stackTop: Int {
        guard let top = frames.last else { return 0 }
        return top.base + top.code.registerCount
    }

    // MARK: Frames

    /// Pushes a frame for `code` at the stack top with locals and constants set up; arguments are bound by the caller.
    func pushFrame(code: CodeObject, cells closure: [Cell], globals: Globals, returnTarget: Frame.ReturnTarget,
                   generator: PyGenerator? = nil, bind: (UnsafeMutablePointer<Value>) throws(ExecutionError) -> Void) throws(ExecutionError) {
        if frames.count >= limits.maxRecursionDepth {
            throw .exception(PyException(.recursionError, "maximum recursion depth exceeded"))
        }
        let base = stackTop
        ensureCapacity(base + code.registerCount)
        let regs = stack + base
        do throws(ExecutionError) {
            try bind(regs)
        } catch {
            (regs).update(repeating: .unbound, count: code.registerCount)
            throw error
        }
        for (i, c) in code.constants.enumerated() { regs[code.constantBase + i] = c }
        var cells: [Cell] = []
        if code.cellCount > 0 {
            cells.reserveCapacity(code.cellCount)
            for local in code.cellLocals {
                cells.append(Cell(local >= 0 ? regs[Int(local)] : .unbound))
            }
            cells += closure
        }
        frames.append(Frame(code: code, pc: 0, base: base, cells: cells, globals: globals,
                            returnTarget: returnTarget, generator: generator))
    }

    /// Removes the top frame, releasing its registers.
    func popFrame() -> Frame {
        let frame = frames.removeLast()
        (stack + frame.base).update(repeating: .unbound, count: frame.code.registerCount)
        return frame
    }

    // MARK: Limits

    func checkLimits() throws(ExecutionError) {
        if steps &+ context.nativeSteps > limits.maxSteps {
            throw .limit(LimitBreach(.steps, "step limit of \(limits.maxSteps) exceeded"))
        }
        if context.clock.now() > context.deadline {
            throw .limit(LimitBreach(.time, "time limit of \(limits.maxSeconds) seconds exceeded"))
        }
        nextCheck = min(steps &+ 4096, Self.saturatingIncrement(limits.maxSteps))
    }

    static func saturatingIncrement(_ x: Int) -> Int { x == .max ? x : x + 1 }

    // MARK: Running

    /// Runs from the top frame until a `.stop` frame returns or a host call pauses.
    /// On a Python exception, unwinds to a handler or rethrows when none is left.
    func run() throws(ExecutionError) -> Stop {
        while true {
            do throws(ExecutionError) {
                return try execute()
            } catch .exception(let exception) {
                try unwind(exception)
            }
        }
    }

    /// Finds a handler for `exception`, popping frames as needed; rethrows at a `.stop` frame with none.
    func unwind(_ exception: PyException) throws(ExecutionError) {
        while let frame = frames.last {
            let faultPC = max(0, frame.pc - 1)
            if exception.line == nil, faultPC < frame.code.lines.count {
                exception.line = Int(frame.code.lines[faultPC])
                exception.column = Int(frame.code.columns[faultPC])
            }
            for handler in frame.code.handlers where Int(handler.start) <= faultPC && faultPC < Int(handler.end) {
                stack[frame.base + Int(handler.exceptionRegister)] = .exception(exception)
                frames[frames.count - 1].pc = Int(handler.target)
                return
            }
            let popped = popFrame()
            if let generator = popped.generator { generator.state = .finished }
            if case .stop = popped.returnTarget { throw .exception(exception) }
        }
        throw .exception(exception)
    }

    /// Resumes after a pause with the host function's answer.
    func resume(with answer: Value) throws(ExecutionError) -> Stop {
        if let r = pendingHostResult { stack[r] = answer }
        pendingHostResult = nil
        return try run()
    }

    /// Resumes after a pause by raising `exception` at the host call.
    func resume(raising exception: PyException) throws(ExecutionError) -> Stop {
        pendingHostResult = nil
        try unwind(exception)
        return try run()
    }
}
