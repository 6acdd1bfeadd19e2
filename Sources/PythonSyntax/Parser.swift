/// Diagnostics found while parsing that CPython reports only after a successful parse, kept in its order:
/// its symbol-table pass runs before its compiler pass, and sal's own rules come last so that whenever
/// CPython rejects a program, sal reports an error of the same Python type. Within a pass the first wins.
///
/// An array (at most one entry per pass) keeps the parser small: it is copied when speculating.
struct DeferredDiagnostics {
    enum Pass: UInt8, CaseIterable {
        case symbolTable, compiler, salOnly
    }

    private var recorded: [(pass: Pass, diagnostic: Diagnostic)] = []

    mutating func symbolTable(_ diagnostic: Diagnostic) { record(.symbolTable, diagnostic) }
    mutating func compiler(_ diagnostic: Diagnostic) { record(.compiler, diagnostic) }
    mutating func salOnly(_ diagnostic: Diagnostic) { record(.salOnly, diagnostic) }

    private mutating func record(_ pass: Pass, _ diagnostic: Diagnostic) {
        if !recorded.contains(where: { $0.pass == pass }) { recorded.append((pass, diagnostic)) }
    }

    /// Widens the recorded compiler diagnostic if it is still the one recorded with `original`.
    mutating func widenCompilerDiagnostic(from original: SourceRange, to range: SourceRange) {
        guard let index = recorded.firstIndex(where: { $0.pass == .compiler }),
              recorded[index].diagnostic.range == original else { return }
        recorded[index].diagnostic.range = range
    }

    var first: Diagnostic? {
        for pass in Pass.allCases {
            if let entry = recorded.first(where: { $0.pass == pass }) { return entry.diagnostic }
        }
        return nil
    }
}

/// State shared by the parser of a file and the parsers of the f-string expressions inside it.
struct ParseContext {
    var deferred = DeferredDiagnostics()
    /// Nesting units in use (brackets, prefix operators, operator chains): bounds the tree's depth.
    var nesting = 0
    /// The address of a local in the outermost parse call; the parser refuses to grow the stack far beyond it.
    var stackBase: UInt = 0
    var functionDepth = 0
    var lambdaDepth = 0
    /// Whether the innermost function is an `async def` (where `await` and `async for` are allowed).
    var insideAsyncFunction = false
    var insideLoop = false
}

/// A recursive-descent parser over the token array, one method per rule of `Grammar/python-subset.peg`
/// (rule `fooBar` is method `fooBar()`).
///
/// Every node's range runs from the first token its rule consumed to the last, as in CPython, so
/// `(a) + b` starts at the parenthesis. The parser throws the first error; CPython's specialised messages
/// (its `invalid_*` rules) are produced where the plain rule fails.
struct Parser {
    /// sal's bound on nesting units; CPython fails somewhere between 1,000 and 3,000 levels.
    static let maximumNesting = 1000
    /// Stack the parser may use below its entry point, whatever the frame sizes of the build. Threads get
    /// 8 MiB stacks on Linux (main, Dispatch, Foundation and Swift concurrency threads alike).
    static let stackBudget: UInt = 2 * 1024 * 1024

    let text: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    var position = 0
    var context: ParseContext
    /// Open brackets around the current token (CPython's token `level`, used by the missing-comma hint).
    var bracketDepth = 0
    /// Token span of the innermost `expression` whose disjunction ended last: the "forgot a comma?" candidate.
    var lastDisjunction: (start: Int, end: Int, location: SourceLocation) = (-1, -1, SourceLocation(line: 0, column: 0))
    /// The furthest token a speculative parse looked at (see `speculate`).
    var furthest = 0
    /// Tokens read by speculative parses so far, and the budget for them per token of input.
    var speculationWork = 0
    static let speculationBudgetPerToken = 16
    /// Where a `not` in operator position was checked for `not in` (CPython then reports the next token).
    var lookedPastNot = -1
    /// CPython parses a failing file twice; on the second pass its error rules are on everywhere, and one of
    /// them (`print x`) also matches valid code. sal's parser applies that rule only when re-parsing.
    var secondPass = false
    /// CPython's parser backtracks: an operator whose operand fails to parse is left unread and the shorter
    /// expression stands. sal's parser commits instead, except in this mode, used while it looks for the
    /// messages of CPython's error rules (whose lookaheads depend on that backtracking).
    var backtracking = false
    /// Hint searches in progress: a hint's own look-ahead may fail and look for hints, but not without end.
    var hintDepth = 0
    static let maximumHintDepth = 4

    init(text: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, context: ParseContext) {
        self.text = text
        self.tokens = tokens
        self.context = context
    }

    // MARK: Tokens

    @inline(__always) var kind: TokenKind { tokens[position].kind }
    @inline(__always) var token: Token { tokens[position] }

    /// The kind of the token `offset` places ahead (ENDMARKER or the lexer-error token past the end).
    @inline(__always) func peekKind(_ offset: Int) -> TokenKind {
        let index = position + offset
        return index < tokens.count ? tokens[index].kind : tokens[tokens.count - 1].kind
    }

    /// Consumes the current token. The last token (ENDMARKER or the lexer's error) is never consumed.
    @inline(__always) @discardableResult
    mutating func advance() -> Token {
        let current = tokens[position]
        assert(position < tokens.count - 1, "the parser consumed its final token")
        position += 1
        return current
    }

    /// Consumes a token of `expected` kind or throws the generic error at the current token.
    @inline(__always) @discardableResult
    mutating func expect(_ expected: TokenKind) throws(Diagnostic) -> Token {
        guard kind == expected else { throw syntaxError() }
        return advance()
    }

    /// From the start of token `startIndex` to the end of the last consumed token.
    @inline(__always) func range(from startIndex: Int) -> SourceRange {
        SourceRange(start: tokens[startIndex].startLocation, end: tokens[position - 1].endLocation)
    }

    @inline(__always) func node(_ kind: Expression.Kind, from startIndex: Int) -> Expression {
        Expression(kind, range: range(from: startIndex))
    }

    // MARK: Nesting

    /// Takes one nesting unit; throws when the tree would grow too deep or the stack too large.
    @inline(__always) mutating func enterNesting() throws(Diagnostic) {
        context.nesting += 1
        if context.nesting > Parser.maximumNesting || Parser.stackIsExhausted(below: context.stackBase) {
            throw Diagnostic.nestingTooDeep(limit: Parser.maximumNesting, token.range)
        }
    }

    @inline(__always) mutating func leaveNesting(_ units: Int = 1) {
        context.nesting -= units
    }

    @inline(never)
    private static func stackIsExhausted(below base: UInt) -> Bool {
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return base > here && base - here > stackBudget
    }

    // MARK: Speculation

    /// Runs `body` and restores every bit of parser state afterwards. Gives nil when the body fails with
    /// plain "invalid syntax"; rethrows a refined error, since in CPython an error rule that fires inside a
    /// lookahead ends the parse, unless `refinedErrorsIgnored` (CPython's `expression_without_invalid`).
    ///
    /// How far it looked ahead is kept in `furthest`: CPython decides between a parser error and an unclosed
    /// bracket by the furthest token its parser fetched, speculative alternatives included.
    /// Speculation only refines error messages, so its total work is bounded (`speculationWork`): past the
    /// budget it gives nil at once, and an adversarial input costs linear time with plainer messages.
    @inline(never)
    mutating func speculate<T>(refinedErrorsIgnored: Bool = false,
                               _ body: (inout Parser) throws(Diagnostic) -> T) throws(Diagnostic) -> T? {
        guard speculationWork < speculationBudget else { return nil }
        let saved = self
        let outcome: Result<T, Diagnostic>
        do throws(Diagnostic) {
            outcome = .success(try body(&self))
        } catch {
            outcome = .failure(error)
        }
        let reached = max(furthest, position)
        let work = speculationWork + abs(position - saved.position) + 1
        self = saved
        furthest = max(furthest, reached)
        speculationWork = work
        switch outcome {
        case .success(let value):
            return value
        case .failure(let error):
            if !refinedErrorsIgnored && !error.isGenericSyntaxError { throw error }
            return nil
        }
    }

    /// Work past which speculation and backtracking give up (nil at once).
    var speculationBudget: Int { tokens.count * Parser.speculationBudgetPerToken + 10_000 }

    /// Runs `body`, keeping its effects if it succeeds and restoring the parser if it fails with plain
    /// "invalid syntax" (nil). Refined errors propagate: in CPython an error rule that fires ends the parse.
    ///
    /// Only backtracking mode (the search for CPython's error messages) attempts, and its alternatives can
    /// re-read the same nested brackets once per enclosing level: the tokens each attempt spans are charged
    /// to `speculationWork`, so past the budget every attempt fails at once and `f(a[f(a[...` stays linear.
    @inline(never)
    mutating func attempt<T>(_ body: (inout Parser) throws(Diagnostic) -> T) throws(Diagnostic) -> T? {
        guard speculationWork < speculationBudget else { return nil }
        let saved = self
        do throws(Diagnostic) {
            let value = try body(&self)
            speculationWork += position - saved.position + 1
            return value
        } catch {
            guard error.isGenericSyntaxError else { throw error }
            let reached = max(furthest, position)
            let work = speculationWork + max(0, position - saved.position) + 1
            self = saved
            furthest = max(furthest, reached)
            speculationWork = work
            return nil
        }
    }

    /// Consumes the current token if it is of `expected` kind.
    @inline(__always) mutating func accept(_ expected: TokenKind) -> Bool {
        guard kind == expected else { return false }
        advance()
        return true
    }

    /// Reads the operand after the current operator token (taking a nesting unit when `nests`). When
    /// `backtracking`, an operand that fails to parse leaves the operator unread and gives nil.
    @inline(__always)
    mutating func operand(nests: Bool = true,
                          _ parse: (inout Parser) throws(Diagnostic) -> Expression) throws(Diagnostic) -> Expression? {
        guard backtracking else {
            advance()
            if nests { try enterNesting() }
            return try parse(&self)
        }
        return try attempt { (parser: inout Parser) throws(Diagnostic) -> Expression in
            parser.advance()
            if nests { try parser.enterNesting() }
            return try parse(&parser)
        }
    }

    // MARK: Names

    /// The identifier a NAME token spells, with sal's sandbox rule on dunder names applied.
    mutating func identifier(_ nameToken: Token) -> String {
        let start = Int(nameToken.start)
        let end = Int(nameToken.end)
        let name = string(start, end)
        if end - start >= 8, text[start] == UInt8(ascii: "_"), text[start + 1] == UInt8(ascii: "_"),
           name == "__import__" || name == "__builtins__" || name == "__loader__" || name == "__spec__" {
            context.deferred.salOnly(.forbiddenName(name, nameToken.range))
        }
        return name
    }

    /// Consumes a NAME token and returns its identifier.
    mutating func name() throws(Diagnostic) -> String {
        guard kind == .name else { throw syntaxError() }
        return identifier(advance())
    }

    @inline(__always) func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    }

    /// Whether token `index` is a NAME spelling `word`.
    func tokenSpells(_ index: Int, _ word: StaticString) -> Bool {
        let candidate = tokens[index]
        guard candidate.kind == .name, Int(candidate.end - candidate.start) == word.utf8CodeUnitCount else {
            return false
        }
        let bytes = word.utf8Start
        for offset in 0..<word.utf8CodeUnitCount where text[Int(candidate.start) + offset] != bytes[offset] {
            return false
        }
        return true
    }

    /// Whether token `index` counts as a soft keyword (`_`, `case`, `match`) for CPython 3.11's lookahead
    /// `SOFT_KEYWORD`, which compares only the name's length: `c`, `ca`, `ma`... count too.
    func isSoftKeyword(_ index: Int) -> Bool {
        let candidate = tokens[index]
        guard candidate.kind == .name else { return false }
        let start = Int(candidate.start)
        let length = Int(candidate.end) - start
        for keyword: StaticString in ["_", "case", "match"] where length <= keyword.utf8CodeUnitCount {
            var matches = true
            for offset in 0..<length where text[start + offset] != keyword.utf8Start[offset] {
                matches = false
                break
            }
            if matches { return true }
        }
        return false
    }
}

extension Expression {
    var isStarred: Bool {
        if case .starred = kind { return true }
        return false
    }
}
