import PythonSyntax

/// Delta debugging for programs: the smallest program found that still has the property.
///
/// On a program sal parses, it works on the syntax tree: removes statements (in halves first,
/// then one by one), replaces compound statements by one of their blocks, then replaces
/// expressions by a sub-expression or a small constant and drops list elements and call arguments,
/// repeating until nothing more can go. Otherwise (or when rendering the tree loses the property)
/// it removes lines. Every candidate costs one `isInteresting` call, capped by `budget`.
public struct ProgramShrinker {
    public var budget: Int

    public init(budget: Int = 1500) {
        self.budget = budget
    }

    public enum Method: String, Sendable {
        case syntaxTree = "syntax tree"
        case lines
    }

    public struct Result: Sendable {
        public var source: String
        public var evaluations: Int
        public var method: Method
    }

    /// Shrinks `source`, which must itself be interesting.
    public func shrink(_ source: String, isInteresting: (String) -> Bool) -> Result {
        withoutActuallyEscaping(isInteresting) { predicate in
            var session = ShrinkSession(budget: budget, isInteresting: predicate)
            return shrink(source, session: &session)
        }
    }

    private func shrink(_ source: String, session: inout ShrinkSession) -> Result {
        if let module = try? PythonParser.parse(source) {
            let rendered = SourceRenderer.render(module)
            if rendered == source || session.test(rendered) {
                let smaller = session.shrinkTree(module)
                let text = session.shrinkLines(SourceRenderer.render(smaller))
                return Result(source: text, evaluations: session.evaluations, method: .syntaxTree)
            }
        }
        return Result(source: session.shrinkLines(source), evaluations: session.evaluations, method: .lines)
    }
}

/// The state of one shrink: the predicate, the evaluations spent and the texts already rejected.
struct ShrinkSession {
    let budget: Int
    let isInteresting: (String) -> Bool
    var evaluations = 0
    var rejected: Set<String> = []

    init(budget: Int, isInteresting: @escaping (String) -> Bool) {
        self.budget = budget
        self.isInteresting = isInteresting
    }

    var exhausted: Bool { evaluations >= budget }

    mutating func test(_ text: String) -> Bool {
        guard !exhausted, !rejected.contains(text) else { return false }
        evaluations += 1
        if isInteresting(text) { return true }
        rejected.insert(text)
        return false
    }

    mutating func test(_ module: Module) -> Bool { test(SourceRenderer.render(module)) }

    // MARK: Tree passes

    mutating func shrinkTree(_ start: Module) -> Module {
        var best = start
        var progress = true
        while progress && !exhausted {
            progress = false
            if removeTopLevelChunks(&best) { progress = true }
            if reduceStatements(&best) { progress = true }
            if reduceExpressions(&best) { progress = true }
        }
        return best
    }

    /// Removes runs of top-level statements, halves first (ddmin on the module body).
    mutating func removeTopLevelChunks(_ best: inout Module) -> Bool {
        var changed = false
        var chunk = max(1, best.body.count / 2)
        while chunk >= 1 && !exhausted {
            var start = 0
            while start < best.body.count && !exhausted {
                var candidate = best
                candidate.body.removeSubrange(start..<min(start + chunk, candidate.body.count))
                if !candidate.body.isEmpty && test(candidate) {
                    best = candidate
                    changed = true
                } else {
                    start += chunk
                }
            }
            if chunk == 1 { break }
            chunk /= 2
        }
        return changed
    }

    /// Removes each statement, or replaces a compound one by one of its blocks.
    mutating func reduceStatements(_ best: inout Module) -> Bool {
        var changed = false
        var index = 0
        while index < StatementEditor.count(in: best) && !exhausted {
            guard let statement = StatementEditor.statement(at: index, in: best) else { break }
            var accepted = false
            for replacement in Self.statementReductions(statement) {
                let editor = StatementEditor(target: index) { _ in replacement }
                let candidate = editor.edit(best)
                if test(candidate) {
                    best = candidate
                    accepted = true
                    changed = true
                    break
                }
                if exhausted { break }
            }
            if !accepted { index += 1 }
        }
        return changed
    }

    static func statementReductions(_ statement: Statement) -> [[Statement]] {
        var out: [[Statement]] = [[]]
        func with(_ kind: Statement.Kind) -> Statement { Statement(kind, range: statement.range) }
        switch statement.kind {
        case .if(let test, let body, let orElse):
            out += [body, orElse]
            if !orElse.isEmpty { out.append([with(.if(test: test, body: body, orElse: []))]) }
        case .while(_, let body, let orElse), .for(_, _, let body, let orElse):
            out += [body, orElse]
        case .try(let body, let handlers, let orElse, let finally):
            out += [body, body + finally, orElse, finally] + handlers.map(\.body)
            if handlers.count > 1 {
                for index in handlers.indices {
                    var fewer = handlers
                    fewer.remove(at: index)
                    out.append([with(.try(body: body, handlers: fewer, orElse: orElse, finally: finally))])
                }
            }
            if !orElse.isEmpty { out.append([with(.try(body: body, handlers: handlers, orElse: [], finally: finally))]) }
            if !finally.isEmpty && !handlers.isEmpty {
                out.append([with(.try(body: body, handlers: handlers, orElse: orElse, finally: []))])
            }
        case .functionDefinition(let definition):
            // The function reduced to its final return.
            if definition.body.count > 1, case .return = definition.body.last?.kind {
                var copy = definition
                copy.body = [definition.body.last!]
                out.append([with(.functionDefinition(copy))])
            }
        default:
            break
        }
        var seen: [String] = []
        return out.filter { candidate in
            let key = candidate.map { $0.dumped() }.joined(separator: ";")
            if seen.contains(key) { return false }
            seen.append(key)
            return true
        }
    }

    /// Replaces each expression by a simpler one (sub-expression, fewer elements, a constant).
    mutating func reduceExpressions(_ best: inout Module) -> Bool {
        var changed = false
        var index = 0
        while index < ExpressionEditor.count(in: best) && !exhausted {
            guard let expression = ExpressionEditor.expression(at: index, in: best) else { break }
            var accepted = false
            for replacement in Self.expressionReductions(expression) {
                let editor = ExpressionEditor(target: index) { _ in replacement }
                let candidate = editor.edit(best)
                if test(candidate) {
                    best = candidate
                    accepted = true
                    changed = true
                    break
                }
                if exhausted { break }
            }
            if !accepted { index += 1 }
        }
        return changed
    }

    static func expressionReductions(_ e: Expression) -> [Expression] {
        var out: [Expression] = []
        func with(_ kind: Expression.Kind) -> Expression { Expression(kind, range: e.range) }
        func without<T>(_ items: [T], _ make: ([T]) -> Expression.Kind) {
            guard items.count > 1 else { return }
            for index in items.indices {
                var fewer = items
                fewer.remove(at: index)
                out.append(with(make(fewer)))
            }
        }
        var children: [Expression] = []
        _ = TreeWalk.mapChildren(e) { child in
            children.append(child)
            return child
        }
        switch e.kind {
        case .constant:
            return []
        case .name:
            return [Build.int(0), Build.int(1)]
        case .call(let function, let arguments):
            out += children.dropFirst()
            if !arguments.isEmpty {
                for index in arguments.indices {
                    var fewer = arguments
                    fewer.remove(at: index)
                    out.append(with(.call(function: function, arguments: fewer)))
                }
            }
        case .list(let elements):
            out += children
            without(elements) { .list($0) }
        case .tuple(let elements):
            out += children
            without(elements) { .tuple($0) }
        case .set(let elements):
            out += children
            without(elements) { .set($0) }
        case .dictionary(let items):
            without(items) { .dictionary($0) }
            out += children
        case .boolean(let op, let operands):
            out += children
            if operands.count > 2 { without(operands) { .boolean(op, $0) } }
        case .compare(let first, let comparisons):
            out += children
            if comparisons.count > 1 { out.append(with(.compare(first, Array(comparisons.dropLast())))) }
        case .formattedString(let parts):
            without(parts) { .formattedString($0) }
            out += children
        default:
            out += children
        }
        out += [Build.int(0), Build.int(1), Build.string("")]
        return out
    }

    // MARK: Lines

    /// ddmin over lines: removes runs of lines, from halves down to single lines.
    mutating func shrinkLines(_ source: String) -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        var parts = 2
        while lines.count >= 2 && !exhausted {
            let chunk = (lines.count + parts - 1) / parts
            var reduced = false
            var start = 0
            while start < lines.count && !exhausted {
                var candidate = lines
                candidate.removeSubrange(start..<min(start + chunk, lines.count))
                if !candidate.isEmpty && test(candidate.joined(separator: "\n") + "\n") {
                    lines = candidate
                    reduced = true
                    break
                }
                start += chunk
            }
            if reduced {
                parts = max(parts - 1, 2)
            } else {
                if chunk == 1 { break }
                parts = min(parts * 2, lines.count)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
