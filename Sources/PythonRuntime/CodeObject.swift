/// Compiled code of a module, function, lambda, comprehension or generator expression.
///
/// Immutable once built and shared by every run of the program (and by every thread), so it holds no
/// program values except constants, which are immutable Python objects (numbers, strings, tuples of them).
final class CodeObject: @unchecked Sendable {
    enum Kind { case module, function, generator }

    let name: String
    let kind: Kind
    let instructions: [Instruction]
    /// Source line of each instruction (for tracebacks and error locations).
    let lines: [Int32]
    let columns: [Int32]
    let constants: [Value]
    /// Registers: locals, then constants (from `constantBase`), then temporaries, `registerCount` in all.
    let localCount: Int
    let constantBase: Int
    let registerCount: Int
    /// Names for locals (error messages), globals, attributes and keyword-name tuples.
    let localNames: [String]
    let names: [String]
    let keywordNames: [[String]]
    /// Nested code objects (functions, lambdas, comprehensions).
    let children: [CodeObject]
    let handlers: [ExceptionHandlerEntry]
    let handledRanges: [HandledRange]

    /// Parameters: `positionalCount` (incl. positional-only), then keyword-only, then `*args`, `**kwargs`,
    /// occupying locals 0..<parameterSlots.
    let positionalCount: Int
    let positionalOnlyCount: Int
    let keywordOnlyCount: Int
    let hasVarArgs: Bool
    let hasVarKeywords: Bool
    let defaultCount: Int
    let keywordOnlyDefaultNames: [String]

    /// Cells this frame owns: (local register to move in at start, or -1 for a plain cell).
    let cellLocals: [Int32]
    /// Free variables: indices into the *enclosing* frame's cells, captured when the function is made.
    let freeFromEnclosing: [Int32]

    init(name: String, kind: Kind, instructions: [Instruction], lines: [Int32], columns: [Int32], constants: [Value],
         localCount: Int, constantBase: Int, registerCount: Int, localNames: [String], names: [String],
         keywordNames: [[String]], children: [CodeObject], handlers: [ExceptionHandlerEntry], handledRanges: [HandledRange],
         positionalCount: Int, positionalOnlyCount: Int, keywordOnlyCount: Int, hasVarArgs: Bool,
         hasVarKeywords: Bool, defaultCount: Int, keywordOnlyDefaultNames: [String],
         cellLocals: [Int32], freeFromEnclosing: [Int32]) {
        self.name = name
        self.kind = kind
        self.instructions = instructions
        self.lines = lines
        self.columns = columns
        self.constants = constants
        self.localCount = localCount
        self.constantBase = constantBase
        self.registerCount = registerCount
        self.localNames = localNames
        self.names = names
        self.keywordNames = keywordNames
        self.children = children
        self.handlers = handlers
        self.handledRanges = handledRanges
        self.positionalCount = positionalCount
        self.positionalOnlyCount = positionalOnlyCount
        self.keywordOnlyCount = keywordOnlyCount
        self.hasVarArgs = hasVarArgs
        self.hasVarKeywords = hasVarKeywords
        self.defaultCount = defaultCount
        self.keywordOnlyDefaultNames = keywordOnlyDefaultNames
        self.cellLocals = cellLocals
        self.freeFromEnclosing = freeFromEnclosing
        instructionBuffer = UnsafeMutablePointer<Instruction>.allocate(capacity: max(1, instructions.count))
        instructionBuffer.initialize(from: instructions, count: instructions.count)
    }

    var cellCount: Int { cellLocals.count + freeFromEnclosing.count }

    /// Names of the frame's cells (own cells, then free variables), for error messages.
    var cellNames: [String] = []

    /// The instructions in a buffer whose address never changes, for the VM's dispatch loop.
    let instructionBuffer: UnsafeMutablePointer<Instruction>

    deinit {
        instructionBuffer.deinitialize(count: instructions.count)
        instructionBuffer.deallocate()
    }
}
