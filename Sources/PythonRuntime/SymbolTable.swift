import PythonSyntax

/// Scope analysis: decides for every name in every scope whether it is local, a cell (a local that an
/// inner scope captures), free (captured from an enclosing function) or global — CPython's rules.
///
/// Scopes are keyed by the source range of the node that opens them (def, lambda, comprehension),
/// so the compiler finds them without relying on traversal order. The trap: a comprehension's first
/// iterable belongs to the *enclosing* scope, and `:=` inside a comprehension binds in the enclosing
/// function (or module) scope.
final class Scope {
    enum Kind { case module, function, comprehension }
    enum Binding: Equatable { case local, cell, free, global, explicitGlobal }

    let kind: Kind
    let name: String
    weak var parent: Scope?
    var children: [Scope] = []

    /// Parameter names in slot order (positional, keyword-only, *args, **kwargs).
    var parameters: [String] = []
    var assigned: Set<String> = []
    var used: Set<String> = []
    var declaredGlobal: Set<String> = []
    var declaredNonlocal: Set<String> = []
    /// Where each name's first `global`/`nonlocal` directive is (CPython reports conflicts there).
    var firstDirective: [String: SourceRange] = [:]
    /// Names bound by `:=` in a comprehension, which bind in the nearest function or module scope.
    var walrusTargets: Set<String> = []

    var bindings: [String: Binding] = [:]
    /// Local names in register order (parameters first).
    var localOrder: [String] = []
    /// Cell names in cell order, then free names.
    var cellOrder: [String] = []
    var freeOrder: [String] = []

    init(kind: Kind, name: String, parent: Scope?) {
        self.kind = kind
        self.name = name
        self.parent = parent
    }

    func binding(of name: String) -> Binding {
        if kind == .module { return .global }
        return bindings[name] ?? .global
    }

    func localIndex(of name: String) -> Int? { localOrder.firstIndex(of: name) }
    /// Index into the frame's cell array: own cells first, then free variables.
    func cellIndex(of name: String) -> Int? {
        if let i = cellOrder.firstIndex(of: name) { return i }
        if let i = freeOrder.firstIndex(of: name) { return cellOrder.count + i }
        return nil
    }
}

/// Builds the scope tree for a module and resolves every binding.
struct SymbolTableBuilder {
    private(set) var scopes: [SourceRange: Scope] = [:]
    let module: Scope
    private var current: Scope
    /// First problem found (CPython reports these as SyntaxError at compile time).
    private(set) var error: (message: String, range: SourceRange)?

    init() {
        module = Scope(kind: .module, name: "<module>", parent: nil)
        current = module
    }

    static func build(_ program: Module) -> (SymbolTableBuilder) {
        var builder = SymbolTableBuilder()
        builder.visit(program.body)
        builder.resolve(builder.module)
        return builder
    }

    private mutating func fail(_ message: String, _ range: SourceRange) {
        if error == nil { error = (message, range) }
    }

    // MARK: Collection

    private mutating func visit(_ statements: [Statement]) {
        for statement in statements { visit(statement) }
    }

    private mutating func bind(_ name: String) {
        current.assigned.insert(name)
    }

    private mutating func visit(_ statement: Statement) {
        switch statement.kind {
        case .expression(let e): visit(e)
        case .assign(let targets, let value):
            visit(value)
            for t in targets { visitTarget(t) }
        case .augmentedAssign(let target, _, let value):
            visit(value)
            if case .name(let n) = target.kind { current.used.insert(n) }
            visitTarget(target)
        case .annotatedAssign(let target, let annotation, let value):
            visit(annotation)
            if let value {
                visit(value)
                visitTarget(target)
            } else if case .name = target.kind {
                // `x: int` alone makes x local without binding it.
                if case .name(let n) = target.kind, current.kind != .module { bind(n) }
            } else {
                visitTarget(target)
            }
        case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
            visit(test); visit(body); visit(orElse)
        case .for(let target, let iterable, let body, let orElse):
            visit(iterable); visitTarget(target); visit(body); visit(orElse)
        case .functionDefinition(let def):
            for p in allParameters(def.parameters) {
                if let d = p.defaultValue { visit(d) }
                if let a = p.annotation { visit(a) }
            }
            if let r = def.returns { visit(r) }
            bind(def.name)
            openFunction(name: def.name, parameters: def.parameters, range: statement.range) { builder in
                builder.visit(def.body)
            }
        case .return(let e): if let e { visit(e) }
        case .break, .continue, .pass: break
        case .try(let body, let handlers, let orElse, let finally):
            visit(body)
            for h in handlers {
                if let t = h.type { visit(t) }
                if let n = h.name { bind(n) }
                visit(h.body)
            }
            visit(orElse); visit(finally)
        case .raise(let e, let cause):
            if let e { visit(e) }
            if let cause { visit(cause) }
        case .assert(let test, let message):
            visit(test)
            if let message { visit(message) }
        case .delete(let targets):
            for t in targets { visitTarget(t) }
        case .global(let names):
            for n in names {
                if current.kind == .module { continue }
                if current.parameters.contains(n) { fail("name '\(n)' is parameter and global", statement.range) }
                if current.assigned.contains(n) {
                    fail("name '\(n)' is assigned to before global declaration", statement.range)
                } else if current.used.contains(n) {
                    fail("name '\(n)' is used prior to global declaration", statement.range)
                }
                if current.firstDirective[n] == nil { current.firstDirective[n] = statement.range }
                if current.declaredNonlocal.contains(n) {
                    fail("name '\(n)' is nonlocal and global", current.firstDirective[n]!)
                }
                current.declaredGlobal.insert(n)
            }
        case .nonlocal(let names):
            for n in names {
                if current.parameters.contains(n) { fail("name '\(n)' is parameter and nonlocal", statement.range) }
                if current.assigned.contains(n) {
                    fail("name '\(n)' is assigned to before nonlocal declaration", statement.range)
                } else if current.used.contains(n) {
                    fail("name '\(n)' is used prior to nonlocal declaration", statement.range)
                }
                if current.kind == .module {
                    fail("nonlocal declaration not allowed at module level", statement.range)
                }
                if current.firstDirective[n] == nil { current.firstDirective[n] = statement.range }
                if current.declaredGlobal.contains(n) {
                    fail("name '\(n)' is nonlocal and global", current.firstDirective[n]!)
                }
                current.declaredNonlocal.insert(n)
            }
        case .import(let aliases):
            for a in aliases {
                bind(a.asName ?? String(a.name.split(separator: ".").first ?? Substring(a.name)))
            }
        case .importFrom(_, let names, _):
            for a in names { bind(a.asName ?? a.name) }
        }
    }

    private mutating func visitTarget(_ target: Expression) {
        switch target.kind {
        case .name(let n): bind(n)
        case .tuple(let items), .list(let items): for i in items { visitTarget(i) }
        case .starred(let inner): visitTarget(inner)
        case .attribute(let object, _): visit(object)
        case .subscript(let object, let index): visit(object); visit(index)
        default: visit(target)
        }
    }

    private mutating func visit(_ expression: Expression) {
        switch expression.kind {
        case .name(let n): current.used.insert(n)
        case .constant: break
        case .formattedString(let parts): visit(parts)
        case .unary(_, let e): visit(e)
        case .binary(_, let a, let b): visit(a); visit(b)
        case .boolean(_, let items): for i in items { visit(i) }
        case .compare(let first, let rest): visit(first); for c in rest { visit(c.right) }
        case .call(let function, let arguments):
            visit(function)
            for a in arguments {
                switch a {
                case .positional(let e), .starred(let e), .doubleStarred(let e), .keyword(_, let e): visit(e)
                }
            }
        case .attribute(let e, _): visit(e)
        case .subscript(let e, let index): visit(e); visit(index)
        case .slice(let lower, let upper, let step):
            if let lower { visit(lower) }
            if let upper { visit(upper) }
            if let step { visit(step) }
        case .starred(let e): visit(e)
        case .list(let items), .tuple(let items), .set(let items): for i in items { visit(i) }
        case .dictionary(let items):
            for item in items {
                switch item {
                case .pair(let k, let v): visit(k); visit(v)
                case .unpack(let e): visit(e)
                }
            }
        case .listComprehension(let element, let generators), .setComprehension(let element, let generators),
             .generatorExpression(let element, let generators):
            visitComprehension(generators, range: expression.range) { builder in builder.visit(element) }
        case .dictionaryComprehension(let key, let value, let generators):
            visitComprehension(generators, range: expression.range) { builder in
                builder.visit(key); builder.visit(value)
            }
        case .conditional(let test, let body, let orElse): visit(test); visit(body); visit(orElse)
        case .lambda(let parameters, let body):
            for p in allParameters(parameters) { if let d = p.defaultValue { visit(d) } }
            openFunction(name: "<lambda>", parameters: parameters, range: expression.range) { builder in
                builder.visit(body)
            }
        case .namedExpression(let target, let value):
            visit(value)
            if current.kind == .comprehension {
                var scope: Scope? = current
                while let s = scope, s.kind == .comprehension {
                    s.walrusTargets.insert(target)
                    s.used.insert(target)
                    scope = s.parent
                }
                if let s = scope { s.assigned.insert(target) }
            } else {
                bind(target)
            }
        }
    }

    private mutating func visit(_ parts: [FormattedStringPart]) {
        for part in parts {
            if case .replacement(let value, _, let spec, _) = part {
                visit(value)
                if let spec { visit(spec) }
            }
        }
    }

    private func allParameters(_ p: Parameters) -> [Parameter] {
        var all = p.positionalOnly + p.positional
        if let v = p.varArgs { all.append(v) }
        all += p.keywordOnly
        if let k = p.varKeywords { all.append(k) }
        return all
    }

    private mutating func openFunction(name: String, parameters: Parameters, range: SourceRange,
                                       _ body: (inout SymbolTableBuilder) -> Void) {
        let scope = Scope(kind: .function, name: name, parent: current)
        var order = (parameters.positionalOnly + parameters.positional).map(\.name)
        order += parameters.keywordOnly.map(\.name)
        if let v = parameters.varArgs { order.append(v.name) }
        if let k = parameters.varKeywords { order.append(k.name) }
        var seen: Set<String> = []
        for n in order where !seen.insert(n).inserted {
            fail("duplicate argument '\(n)' in function definition", range)
        }
        scope.parameters = order
        scope.assigned.formUnion(order)
        enter(scope, range: range, body)
    }

    private mutating func visitComprehension(_ generators: [Comprehension], range: SourceRange,
                                             _ element: (inout SymbolTableBuilder) -> Void) {
        guard let first = generators.first else { return }
        visit(first.iterable)
        let scope = Scope(kind: .comprehension, name: "<comprehension>", parent: current)
        scope.parameters = [".0"]
        scope.assigned.insert(".0")
        enter(scope, range: range) { builder in
            for (i, g) in generators.enumerated() {
                if i > 0 { builder.visit(g.iterable) }
                builder.visitTarget(g.target)
                for c in g.conditions { builder.visit(c) }
            }
            element(&builder)
        }
    }

    private mutating func enter(_ scope: Scope, range: SourceRange, _ body: (inout SymbolTableBuilder) -> Void) {
        current.children.append(scope)
        scopes[range] = scope
        let saved = current
        current = scope
        body(&self)
        current = saved
    }

    // MARK: Resolution

    private mutating func resolve(_ scope: Scope) {
        if scope.kind != .module {
            for n in scope.parameters where !scope.localOrder.contains(n) { scope.localOrder.append(n) }
            for n in scope.assigned.sorted() where !scope.declaredGlobal.contains(n) && !scope.declaredNonlocal.contains(n)
                && !scope.walrusTargets.contains(n) && scope.bindings[n] == nil {
                scope.bindings[n] = .local
                if !scope.localOrder.contains(n) { scope.localOrder.append(n) }
            }
            for n in scope.parameters { scope.bindings[n] = .local }
            for n in scope.declaredGlobal { scope.bindings[n] = .explicitGlobal }
            for n in scope.declaredNonlocal.sorted() {
                if !captureFromEnclosing(n, into: scope) {
                    fail("no binding for nonlocal '\(n)' found",
                         scope.firstDirective[n] ?? SourceRange(start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)))
                }
            }
            for n in (scope.used.union(scope.walrusTargets)).sorted() where scope.bindings[n] == nil {
                if !captureFromEnclosing(n, into: scope) { scope.bindings[n] = .global }
            }
        }
        for child in scope.children { resolve(child) }
    }

    /// Makes `name` free in `scope` if an enclosing function scope binds it; marks it a cell there.
    private func captureFromEnclosing(_ name: String, into scope: Scope) -> Bool {
        var chain: [Scope] = []
        var candidate = scope.parent
        while let s = candidate, s.kind != .module {
            if s.declaredGlobal.contains(name) { return false }
            let ownsName = (s.assigned.contains(name) || s.parameters.contains(name))
                && !s.declaredNonlocal.contains(name) && !s.walrusTargets.contains(name)
            if ownsName {
                s.bindings[name] = .cell
                if !s.cellOrder.contains(name) { s.cellOrder.append(name) }
                if !s.localOrder.contains(name) { s.localOrder.append(name) }
                for link in chain + [scope] where link.bindings[name] != .free {
                    link.bindings[name] = .free
                    if !link.freeOrder.contains(name) { link.freeOrder.append(name) }
                }
                return true
            }
            if s.bindings[name] == .free || s.declaredNonlocal.contains(name) || s.walrusTargets.contains(name) {
                chain.append(s)
                candidate = s.parent
                continue
            }
            chain.append(s)
            candidate = s.parent
        }
        return false
    }
}
