import PythonSyntax

/// Random, well-formed, terminating Python programs shaped like LLM solution programs, for
/// differential testing against CPython.
///
/// Program `index` of seed `seed` is always the same program (each index draws from its own
/// `SeededRandom` stream). The generator tracks types and rough magnitudes, so most operations are
/// well-typed and most programs run to their `answer = ...`; operations that may raise are put in
/// `try` blocks whose handlers name the exceptions. Termination: loops run over small ranges or
/// with explicit counters, recursion only on small literal arguments.
public struct ProgramGenerator: Sendable {
    public var seed: UInt64
    public var configuration: Configuration

    /// Sizes of generated programs.
    public struct Configuration: Sendable, Equatable {
        /// Statements generated at the top level (compound statements hold more).
        public var topLevelStatements: ClosedRange<Int>
        /// Depth of nested expressions.
        public var expressionDepth: Int
        /// Depth of nested blocks (loops, ifs, try, functions).
        public var blockDepth: Int

        public init(topLevelStatements: ClosedRange<Int> = 6...14, expressionDepth: Int = 3, blockDepth: Int = 3) {
            self.topLevelStatements = topLevelStatements
            self.expressionDepth = expressionDepth
            self.blockDepth = blockDepth
        }

        public static let `default` = Configuration()
    }

    public init(seed: UInt64, configuration: Configuration = .default) {
        self.seed = seed
        self.configuration = configuration
    }

    /// The program with this index: a tree and its source text.
    public func program(_ index: Int) -> GeneratedProgram {
        let random = SeededRandom(seed: seed).fork(UInt64(index))
        var state = GenerationState(random: random, configuration: configuration)
        let module = state.module()
        return GeneratedProgram(seed: seed, index: index, module: module, source: SourceRenderer.render(module))
    }
}

/// One generated program.
public struct GeneratedProgram: Sendable {
    public var seed: UInt64
    public var index: Int
    public var module: Module
    public var source: String

    /// A stable id: `fuzz-<seed>-<index>`.
    public var id: String { "fuzz-\(seed)-\(index)" }
}

/// A block scope of the program being generated.
struct Scope {
    var variables: [Variable] = []
    var functions: [FunctionInfo] = []
    /// A function body starts here: names of outer scopes can be read but not assigned.
    var isFunctionBody: Bool
    /// Loops enclosing this scope.
    var loopDepth: Int
}

/// The generator's working state for one program.
struct GenerationState {
    var random: SeededRandom
    let configuration: ProgramGenerator.Configuration
    var scopes: [Scope]
    var nameCounter = 0
    /// Exceptions the statement being generated may raise.
    var risk: Risk = []
    var loopDepth = 0
    /// Product of the iteration bounds of the enclosing loops.
    var iterationBound = 1
    var blockDepth = 0
    /// Inside a function defined by the program (not the `solution` wrapper).
    var functionDepth = 0
    /// Inside the body of an explicit `try`, whose handlers will be chosen for what the body raises.
    var tryDepth = 0
    /// Favour operations that raise (inside `try` bodies).
    var preferRisky = false
    /// The whole program is the body of `def solution():`.
    var wrappedInSolution = false
    var printsLeft = 4
    /// Modules the program refers to; imported at its top (sorted: a Set's order changes between runs).
    var usedModules: Set<String> = []
    var loopsAllowed = true
    /// Containers a loop is iterating over: changing their size in the loop would not terminate
    /// (a list) or raise (a dict), so no statement mutates them.
    var iterating: [String] = []

    init(random: SeededRandom, configuration: ProgramGenerator.Configuration) {
        self.random = random
        self.configuration = configuration
        scopes = [Scope(isFunctionBody: false, loopDepth: 0)]
    }

    // MARK: The program

    mutating func module() -> Module {
        wrappedInSolution = random.chance(0.2)
        if wrappedInSolution { scopes = [Scope(isFunctionBody: true, loopDepth: 0)] }
        var body: [Statement] = []
        if random.chance(0.1) { usedModules.insert("math") }
        let count = random.int(in: configuration.topLevelStatements)
        for _ in 0..<count { body += statement() }
        let answer = answerExpression()
        let imports = usedModules.sorted().map { name in
            Build.statement(.import([ImportAlias(name: name, asName: nil, range: Build.noRange)]))
        }
        if wrappedInSolution {
            body.append(Build.statement(.return(answer)))
            let definition = FunctionDefinition(name: "solution", parameters: Parameters(), body: body, returns: nil)
            var top = imports + [Build.statement(.functionDefinition(definition))]
            if random.chance(0.3) { top.append(Build.assign("answer", Build.call("solution", []))) }
            return Module(body: top)
        }
        body.append(Build.assign("answer", answer))
        return Module(body: imports + body)
    }

    /// The final value: a few of the program's variables, aggregated.
    mutating func answerExpression() -> Expression {
        let candidates = visibleVariables.filter { $0.type.isScalar || random.chance(0.3) }
        switch random.int(in: 0..<6) {
        case 0 where candidates.count >= 2:
            let picked = (0..<min(3, candidates.count)).map { _ in random.pick(candidates) }
            return Build.tuple(picked.map { Build.name($0.name) })
        case 1:
            return safeExpression(.float, depth: 2).expression.rounded(random.int(in: 0...3))
        case 2:
            return safeExpression(.str, depth: 2).expression
        case 3 where !candidates.isEmpty:
            return Build.name(random.pick(candidates).name)
        default:
            return safeExpression(random.pick([ValueType.int, .float, .str, .list(.int), .dict(.str, .int)]), depth: 2).expression
        }
    }

    // MARK: Names and scopes

    mutating func freshName(_ stem: String) -> String {
        nameCounter += 1
        return "\(stem)_\(nameCounter)"
    }

    mutating func freshName(for type: ValueType) -> String { freshName(random.pick(type.nameStems)) }

    var visibleVariables: [Variable] { scopes.flatMap(\.variables) }

    func variables(of type: ValueType) -> [Variable] {
        scopes.flatMap { $0.variables.filter { $0.type == type } }
    }

    /// Index of the innermost scope that starts a function body (names below it are read-only).
    var functionScopeStart: Int { scopes.lastIndex(where: \.isFunctionBody) ?? 0 }

    /// Variables of `type` this block may assign: defined in the current function and not loop variables.
    func assignableVariables(of type: ValueType) -> [Variable] {
        scopes[functionScopeStart...].flatMap { $0.variables.filter { $0.type == type && $0.assignable } }
    }

    /// Variables defined at the current loop depth in the current function: their containers may be
    /// emptied without breaking an earlier statement of an enclosing loop body.
    func shrinkableVariables(where predicate: (Variable) -> Bool) -> [Variable] {
        scopes[functionScopeStart...].filter { $0.loopDepth == loopDepth }.flatMap { $0.variables.filter(predicate) }
    }

    mutating func declare(_ variable: Variable) {
        scopes[scopes.count - 1].variables.append(variable)
    }

    mutating func declare(_ function: FunctionInfo) {
        scopes[scopes.count - 1].functions.append(function)
    }

    var visibleFunctions: [FunctionInfo] { scopes.flatMap(\.functions) }

    /// Changes what is known of a variable wherever it is declared.
    mutating func update(_ name: String, _ change: (inout Variable) -> Void) {
        for s in scopes.indices.reversed() {
            if let v = scopes[s].variables.firstIndex(where: { $0.name == name }) {
                change(&scopes[s].variables[v])
                return
            }
        }
    }

    /// Runs `body` in a new scope and forgets the names it declared.
    mutating func inScope<T>(functionBody: Bool = false, _ body: (inout GenerationState) -> T) -> T {
        scopes.append(Scope(isFunctionBody: functionBody, loopDepth: loopDepth))
        defer { scopes.removeLast() }
        return body(&self)
    }

    /// Generates with `risk` collected separately and returns what was collected.
    mutating func collectingRisk<T>(_ body: (inout GenerationState) -> T) -> (T, Risk) {
        let saved = risk
        risk = []
        let result = body(&self)
        let collected = risk
        risk = saved
        return (result, collected)
    }
}

extension Expression {
    /// `round(self, digits)`.
    func rounded(_ digits: Int) -> Expression { Build.call("round", [self, Build.int(digits)]) }
}
