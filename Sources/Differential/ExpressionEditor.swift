import PythonSyntax

/// Replaces the expression with pre-order number `target` (if `replacement` gives one).
/// With a negative target it only counts: `counter` ends as the number of expressions.
final class ExpressionEditor {
    let target: Int
    let replacement: (Expression) -> Expression?
    private(set) var counter = 0
    private(set) var applied = false

    init(target: Int, replacement: @escaping (Expression) -> Expression?) {
        self.target = target
        self.replacement = replacement
    }

    func edit(_ module: Module) -> Module { Module(body: block(module.body)) }

    func block(_ statements: [Statement]) -> [Statement] {
        statements.map { TreeWalk.mapStatement($0, expression: expression, block: block) }
    }

    func expression(_ e: Expression) -> Expression {
        let index = counter
        counter += 1
        if index == target, let replaced = replacement(e) {
            applied = true
            return replaced
        }
        return TreeWalk.mapChildren(e, expression)
    }

    static func count(in module: Module) -> Int {
        let counter = ExpressionEditor(target: -1) { _ in nil }
        _ = counter.edit(module)
        return counter.counter
    }

    /// The expression with pre-order number `index`.
    static func expression(at index: Int, in module: Module) -> Expression? {
        var found: Expression?
        let finder = ExpressionEditor(target: index) { e in
            found = e
            return nil
        }
        _ = finder.edit(module)
        return found
    }
}

/// Replaces the statement with pre-order number `target` by a list of statements.
final class StatementEditor {
    let target: Int
    let replacement: (Statement) -> [Statement]?
    private(set) var counter = 0
    private(set) var applied = false

    init(target: Int, replacement: @escaping (Statement) -> [Statement]?) {
        self.target = target
        self.replacement = replacement
    }

    func edit(_ module: Module) -> Module { Module(body: block(module.body)) }

    func block(_ statements: [Statement]) -> [Statement] {
        var out: [Statement] = []
        for statement in statements {
            let index = counter
            counter += 1
            if index == target, let replaced = replacement(statement) {
                applied = true
                out += replaced
                continue
            }
            out.append(TreeWalk.mapStatement(statement, expression: { $0 }, block: block))
        }
        return out
    }

    static func count(in module: Module) -> Int {
        let counter = StatementEditor(target: -1) { _ in nil }
        _ = counter.edit(module)
        return counter.counter
    }

    static func statement(at index: Int, in module: Module) -> Statement? {
        var found: Statement?
        let finder = StatementEditor(target: index) { s in
            found = s
            return nil
        }
        _ = finder.edit(module)
        return found
    }
}
