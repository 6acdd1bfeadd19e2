import BigInt
import PythonSyntax
import Synchronization

/// A compile-time problem CPython also reports before running (e.g. `'return' outside function`),
/// or a construct sal rejects. Carries a location so that it renders as `file:line:col`.
public struct CompileError: Error, Sendable, Equatable {
    public var message: String
    public var range: SourceRange
    /// `SyntaxError`, or nil for constructs sal rejects that CPython accepts.
    public var pythonType: String?
    /// A stable identifier of the problem, e.g. `compile.import-star-in-function`.
    public var id: String
}

/// The program-wide table of global names: every module-level name any code object refers to.
///
/// Globals are slots indexed by this table, so a global read is an array access, not a dictionary
/// lookup. A preamble and the program that runs after it share one table (the program extends the
/// preamble's), so both see the same namespace.
final class GlobalNameTable: @unchecked Sendable {
    private(set) var names: [String] = []
    private var indices: [String: Int32] = [:]
    /// The table this one was copied from, and how many names it had then: the first `baseCount` names
    /// of this table are that table's.
    private(set) var base: GlobalNameTable?
    private(set) var baseCount = 0
    /// Per module, the slots `from module import *` binds among this table's names and the members bound
    /// there, with the name count they were worked out for (`importAllPlan(for:)`).
    private let importAllPlans = Mutex<[ObjectIdentifier: ImportAllPlan]>([:])

    /// The bindings of `from module import *` among the first `covered` names of a table.
    typealias ImportAllPlan = (covered: Int, bindings: [(slot: Int32, member: ModuleMember)])

    init() {}

    /// A copy to extend (a preamble's table is shared by every program compiled after it).
    func copy() -> GlobalNameTable {
        let c = GlobalNameTable()
        c.names = names
        c.indices = indices
        c.base = self
        c.baseCount = names.count
        return c
    }

    /// The public members of `module` that `from module import *` binds among this table's names, with
    /// their slots: worked out once per module and shared by every program copied from this table, so
    /// a star import in a preamble costs each run a lookup per name the program added, not one per member
    /// of the module. The trap: a plan covers the names the table had when it was made; a caller whose
    /// copy was made at another count must not use it (`covered` tells).
    func importAllPlan(for module: PyModule) -> ImportAllPlan {
        let key = ObjectIdentifier(module)
        let count = names.count
        if let plan = importAllPlans.withLock({ $0[key] }), plan.covered == count { return plan }
        var bindings: [(slot: Int32, member: ModuleMember)] = []
        for (slot, name) in names.enumerated() where !name.hasPrefix("_") {
            if let member = module.members[name] { bindings.append((Int32(slot), member)) }
        }
        let plan = (covered: count, bindings: bindings)
        importAllPlans.withLock { $0[key] = plan }
        return plan
    }

    func index(of name: String) -> Int32 {
        if let i = indices[name] { return i }
        let i = Int32(names.count)
        names.append(name)
        indices[name] = i
        return i
    }

    func lookup(_ name: String) -> Int32? { indices[name] }
}

/// AST -> code objects for a whole program.
struct ProgramCompiler {
    let globals: GlobalNameTable
    let scopes: [SourceRange: Scope]

    /// Compiles `module`, adding its global names to `globals` (which the caller owns).
    static func compile(_ module: Module, globals: GlobalNameTable) throws(CompileError) -> CodeObject {
        let table = SymbolTableBuilder.build(module)
        if let problem = table.error {
            throw CompileError(message: problem.message, range: problem.range, pythonType: "SyntaxError", id: "compile.scope")
        }
        var program = ProgramCompiler(globals: globals, scopes: table.scopes)
        let compiler = FunctionCompiler(scope: table.module, qualifiedName: "<module>", kind: .module, globalNames: globals)
        return try compiler.compileModule(module.body, program: &program)
    }
}

/// Compiles one code object (module, function, lambda, comprehension).
///
/// Registers: locals first (parameters in order), temporaries above them allocated in stack order,
/// constants after the highest temporary. While compiling, a constant register is written as a
/// negative number and mapped to its final register when the code object is finished.
final class FunctionCompiler {
    typealias R = Int32

    let scope: Scope
    let qualifiedName: String
    let kind: CodeObject.Kind

    var instructions: [Instruction] = []
    var lines: [Int32] = []
    var columns: [Int32] = []
    var constants: [Value] = []
    private var constantKeys: [ConstantKey: Int32] = [:]
    var names: [String] = []
    private var nameIndices: [String: Int32] = [:]
    var keywordNameTables: [[String]] = []
    var children: [CodeObject] = []
    var handlers: [ExceptionHandlerEntry] = []

    let localCount: Int32
    var nextTemp: Int32
    var maxTemp: Int32
    var location = SourceLocation(line: 1, column: 1)

    /// Locals known to be bound at the current point (reads of others get a `checkBound`).
    var definitelyBound: Set<Int32> = []

    struct LoopContext {
        var continueTarget: Int32
        var breakJumps: [Int]
        /// Depth of `finallyStack` when the loop started.
        var finallyDepth: Int
    }
    var loops: [LoopContext] = []

    /// `finally` bodies to run when a `return`, `break` or `continue` leaves their `try`.
    var finallyStack: [[Statement]] = []
    /// For each entry of `finallyStack`, the index in `protections` of its `try`'s region.
    var finallyDepths: [Int] = []
    /// Protected regions open at this point (innermost last), with the start of their current segment.
    struct ProtectedRegion {
        var segmentStart: Int32
        var target: Int32 = -1
        var exceptionRegister: R
        var pendingSegments: [(Int32, Int32)] = []
    }
    var protections: [ProtectedRegion] = []
    /// Registers holding the exception being handled, for bare `raise` (innermost last).
    var handledExceptions: [R] = []
    /// Every handler body compiled so far, for a bare `raise` in a function this one calls.
    var handledRanges: [HandledRange] = []

    let globalNames: GlobalNameTable

    init(scope: Scope, qualifiedName: String, kind: CodeObject.Kind, globalNames: GlobalNameTable) {
        self.globalNames = globalNames
        self.scope = scope
        self.qualifiedName = qualifiedName
        self.kind = kind
        localCount = Int32(scope.localOrder.count)
        nextTemp = localCount
        maxTemp = localCount
        for (i, name) in scope.localOrder.enumerated() where scope.parameters.contains(name) {
            definitelyBound.insert(Int32(i))
        }
    }

    // MARK: Registers, constants, names

    func temp() -> R {
        let r = nextTemp
        nextTemp += 1
        if nextTemp > maxTemp { maxTemp = nextTemp }
        return r
    }

    /// Allocates `count` consecutive temporaries and returns the first.
    func temps(_ count: Int) -> R {
        let first = nextTemp
        nextTemp += Int32(count)
        if nextTemp > maxTemp { maxTemp = nextTemp }
        return first
    }

    func release(to mark: R) { nextTemp = mark }

    func isLocalRegister(_ r: R) -> Bool { r >= 0 && r < localCount }

    enum ConstantKey: Hashable {
        case none, ellipsis, bool(Bool), int(Int), bigInt(String), float(UInt64), string(String)
    }

    func constant(_ c: Constant) -> R {
        let key: ConstantKey
        let value: Value
        switch c {
        case .none: key = .none; value = .none
        case .ellipsis: key = .ellipsis; value = .ellipsis
        case .bool(let b): key = .bool(b); value = .bool(b)
        case .int(let i): key = .int(i); value = .int(i)
        case .bigInt(let digits):
            key = .bigInt(digits)
            value = .integer(BigInt(digits) ?? 0)
        case .float(let d): key = .float(d.bitPattern); value = .float(d)
        case .string(let s):
            key = .string(s)
            let string = PyString(s)
            string.prepareForSharing()
            value = .str(string)
        }
        if let r = constantKeys[key] { return r }
        constants.append(value)
        let r = -Int32(constants.count)
        constantKeys[key] = r
        return r
    }

    func noneConstant() -> R { constant(.none) }

    /// A constant that is not a literal (a folded frozenset); never deduplicated.
    func constant(value: Value) -> R {
        constants.append(value)
        return -Int32(constants.count)
    }

    func name(_ text: String) -> Int32 {
        if let i = nameIndices[text] { return i }
        let i = Int32(names.count)
        names.append(text)
        nameIndices[text] = i
        return i
    }

    func keywordTable(_ list: [String]) -> Int32 {
        keywordNameTables.append(list)
        return Int32(keywordNameTables.count - 1)
    }

    // MARK: Emission

    @discardableResult
    func emit(_ instruction: Instruction) -> Int {
        instructions.append(instruction)
        lines.append(location.line)
        columns.append(location.column)
        return instructions.count - 1
    }

    var here: Int32 { Int32(instructions.count) }

    /// Points the jump at `index` to `target`.
    func patch(_ index: Int, to target: Int32) {
        switch instructions[index] {
        case .jump: instructions[index] = .jump(target: target)
        case .jumpIfFalse(let src, _): instructions[index] = .jumpIfFalse(src: src, target: target)
        case .jumpIfTrue(let src, _): instructions[index] = .jumpIfTrue(src: src, target: target)
        case .jumpUnlessCompare(let l, let r, let op, _): instructions[index] = .jumpUnlessCompare(lhs: l, rhs: r, op: op, target: target)
        case .forIter(let it, let dst, _): instructions[index] = .forIter(iterator: it, dst: dst, exit: target)
        default: preconditionFailure("patching a non-jump instruction")
        }
    }

    func at(_ range: SourceRange) {
        location = range.start
    }

    // MARK: Finishing

    func finish(program: inout ProgramCompiler, parameters: Parameters? = nil, defaultCount: Int = 0) -> CodeObject {
        let constantBase = maxTemp
        let remap: (R) -> R = { r in r < 0 ? constantBase + (-r - 1) : r }
        let finalInstructions = instructions.map { $0.mappingRegisters(remap) }
        let finalHandlers = handlers.map { h in
            ExceptionHandlerEntry(start: h.start, end: h.end, target: h.target, exceptionRegister: remap(h.exceptionRegister))
        }
        let finalHandledRanges = handledRanges.map { h in
            HandledRange(start: h.start, end: h.end, exceptionRegister: remap(h.exceptionRegister))
        }
        var cellLocals: [Int32] = []
        for name in scope.cellOrder {
            if scope.parameters.contains(name), let i = scope.localIndex(of: name) {
                cellLocals.append(Int32(i))
            } else {
                cellLocals.append(-1)
            }
        }
        var freeFromEnclosing: [Int32] = []
        if let parent = scope.parent {
            for name in scope.freeOrder {
                freeFromEnclosing.append(Int32(parent.cellIndex(of: name) ?? -1))
            }
        }
        let p = parameters
        let positional = (p?.positionalOnly.count ?? 0) + (p?.positional.count ?? 0)
        let code = CodeObject(
            name: qualifiedName, kind: kind, instructions: finalInstructions, lines: lines, columns: columns,
            constants: constants, localCount: Int(localCount), constantBase: Int(constantBase),
            registerCount: Int(constantBase) + constants.count, localNames: scope.localOrder, names: names,
            keywordNames: keywordNameTables, children: children, handlers: finalHandlers,
            handledRanges: finalHandledRanges,
            positionalCount: scope.kind == .comprehension ? 1 : positional,
            positionalOnlyCount: p?.positionalOnly.count ?? 0,
            keywordOnlyCount: p?.keywordOnly.count ?? 0, hasVarArgs: p?.varArgs != nil,
            hasVarKeywords: p?.varKeywords != nil, defaultCount: defaultCount,
            keywordOnlyDefaultNames: (p?.keywordOnly ?? []).filter { $0.defaultValue != nil }.map(\.name),
            cellLocals: cellLocals, freeFromEnclosing: freeFromEnclosing)
        code.cellNames = scope.cellOrder + scope.freeOrder
        return code
    }

    func compileModule(_ body: [Statement], program: inout ProgramCompiler) throws(CompileError) -> CodeObject {
        try statements(body, program: &program)
        emit(.returnValue(src: noneConstant()))
        return finish(program: &program)
    }

    func fail(_ message: String, _ range: SourceRange, id: String, pythonType: String? = "SyntaxError") -> CompileError {
        CompileError(message: message, range: range, pythonType: pythonType, id: id)
    }
}
