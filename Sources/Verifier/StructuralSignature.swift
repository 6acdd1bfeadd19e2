import PythonSyntax

/// A program's shape with names and literal values abstracted away, hashed: programs that differ only in
/// variable names, numbers, strings, comments or docstrings get the same signature.
///
/// Names the program binds (assignment and loop targets, functions, parameters, handler names, walrus
/// and comprehension targets) are renamed `v0`, `v1`, ... in order of first appearance; names it does
/// not bind (builtins, helpers, preamble and imported names) and attribute names stay, so `math.floor`
/// and `round` differ. Literals become their type (`int`, `float`, `str`, `bool`); `None` and `...` stay.
/// A string literal standing alone as a statement (a docstring) is dropped.
public struct StructuralSignature: Sendable, Hashable, CustomStringConvertible {
    /// The UTF-8 bytes of `canonicalText`, as written (the hash is taken of them directly).
    let canonicalBytes: [UInt8]
    /// Sixteen hex digits of a stable 64-bit hash of `canonicalText`.
    public let hash: String

    public init(_ module: Module) {
        var table = RenameTable()
        BoundNames.collect(module.body, into: &table)
        self.init(module, boundNames: table)
    }

    /// The signature of `module` whose bound names were already collected into `table`.
    init(_ module: Module, boundNames table: RenameTable) {
        var writer = SignatureWriter(names: table)
        writer.output.reserveCapacity(1024)
        writer.statements(module.body)
        canonicalBytes = writer.output
        hash = StableHash.hex(StableHash.fnv1a64(canonicalBytes))
    }

    /// The canonical token text the hash is taken of.
    public var canonicalText: String { String(decoding: canonicalBytes, as: UTF8.self) }

    public var description: String { hash }
}

/// Where `BoundNames` puts the names it finds.
protocol BoundNameSink {
    mutating func bind(_ name: String)
}

extension Set: BoundNameSink where Element == String {
    mutating func bind(_ name: String) { insert(name) }
}

/// Names a program binds anywhere (module level and inside functions alike).
enum BoundNames {
    static func collect(_ body: [Statement]) -> Set<String> {
        var names: Set<String> = []
        collect(body, into: &names)
        return names
    }

    /// Collects the bound names of `body` into `names`, showing every expression to `visit` on the way
    /// (a caller that needs another pass over the expressions gets it from the same walk).
    static func collect<Sink: BoundNameSink>(_ body: [Statement], into names: inout Sink,
                                             visit: (Expression) -> Void = { _ in }) {
        ASTWalk.statements(body, statement: { statement in
            switch statement.kind {
            case .assign(let targets, _): targets.forEach { targetNames($0, into: &names) }
            case .augmentedAssign(let target, _, _): targetNames(target, into: &names)
            case .annotatedAssign(let target, _, _): targetNames(target, into: &names)
            case .for(let target, _, _, _): targetNames(target, into: &names)
            case .functionDefinition(let definition):
                names.bind(definition.name)
                parameterNames(definition.parameters, into: &names)
            case .try(_, let handlers, _, _): for handler in handlers { if let name = handler.name { names.bind(name) } }
            case .global(let declared), .nonlocal(let declared): declared.forEach { names.bind($0) }
            default: break
            }
        }, expression: { expression in
            visit(expression)
            switch expression.kind {
            case .namedExpression(let target, _): names.bind(target)
            case .lambda(let parameters, _): parameterNames(parameters, into: &names)
            case .listComprehension(_, let generators), .setComprehension(_, let generators),
                 .generatorExpression(_, let generators), .dictionaryComprehension(_, _, let generators):
                generators.forEach { targetNames($0.target, into: &names) }
            default: break
            }
        })
    }

    static func targetNames<Sink: BoundNameSink>(_ target: Expression, into names: inout Sink) {
        switch target.kind {
        case .name(let name): names.bind(name)
        case .tuple(let items), .list(let items): items.forEach { targetNames($0, into: &names) }
        case .starred(let inner): targetNames(inner, into: &names)
        default: break
        }
    }

    static func parameterNames<Sink: BoundNameSink>(_ parameters: Parameters, into names: inout Sink) {
        for parameter in parameters.positionalOnly { names.bind(parameter.name) }
        for parameter in parameters.positional { names.bind(parameter.name) }
        for parameter in parameters.keywordOnly { names.bind(parameter.name) }
        if let varArgs = parameters.varArgs { names.bind(varArgs.name) }
        if let varKeywords = parameters.varKeywords { names.bind(varKeywords.name) }
    }
}

/// The program's bound names, each with the number it was renamed to (`v0`, `v1`, ...) or -1 before its
/// first appearance: one table, so a name in the text costs one hash lookup.
struct RenameTable: BoundNameSink {
    var numbers: [String: Int] = [:]
    var assigned = 0

    mutating func bind(_ name: String) { numbers[name] = -1 }
}

/// Writes the canonical token text as UTF-8 bytes: prefix notation, one token per node, children in
/// parentheses.
struct SignatureWriter {
    /// Bound names and what they were renamed to; a name not in it is written as it is.
    var names: RenameTable
    var output: [UInt8] = []

    init(names: RenameTable) {
        self.names = names
    }

    mutating func token(_ text: String) {
        output.append(contentsOf: text.utf8)
        output.append(UInt8(ascii: " "))
    }

    /// `v` and the decimal digits of `number`, then a space.
    mutating func renamedToken(_ number: Int) {
        output.append(UInt8(ascii: "v"))
        output.append(contentsOf: String(number).utf8)
        output.append(UInt8(ascii: " "))
    }

    /// A bound name is renamed at its first appearance, in order; one hash lookup per name written.
    mutating func name(_ name: String) {
        guard let index = names.numbers.index(forKey: name) else { return token(name) }
        let number = names.numbers.values[index]
        if number >= 0 { return renamedToken(number) }
        let fresh = names.assigned
        names.assigned += 1
        names.numbers.values[index] = fresh
        renamedToken(fresh)
    }

    /// `label( ... ) `, written piece by piece rather than through a concatenated label.
    mutating func group(_ label: String, _ body: (inout SignatureWriter) -> Void) {
        output.append(contentsOf: label.utf8)
        output.append(UInt8(ascii: "("))
        output.append(UInt8(ascii: " "))
        body(&self)
        output.append(UInt8(ascii: ")"))
        output.append(UInt8(ascii: " "))
    }

    mutating func statements(_ body: [Statement]) {
        for statement in body {
            if case .expression(let expression) = statement.kind, case .constant(.string) = expression.kind { continue }
            self.statement(statement)
        }
    }

    mutating func block(_ label: String, _ body: [Statement]) {
        group(label) { $0.statements(body) }
    }

    mutating func statement(_ statement: Statement) {
        switch statement.kind {
        case .expression(let expression): group("expr") { $0.expression(expression) }
        case .assign(let targets, let value):
            group("assign") { writer in
                targets.forEach { writer.expression($0) }
                writer.token("=")
                writer.expression(value)
            }
        case .augmentedAssign(let target, let op, let value):
            group("augassign" + op.rawValue) { $0.expression(target); $0.expression(value) }
        case .annotatedAssign(let target, _, let value):
            group("annassign") { writer in
                writer.expression(target)
                if let value { writer.expression(value) }
            }
        case .if(let test, let body, let orElse):
            group("if") { $0.expression(test); $0.block("then", body); $0.block("else", orElse) }
        case .while(let test, let body, let orElse):
            group("while") { $0.expression(test); $0.block("do", body); $0.block("else", orElse) }
        case .for(let target, let iterable, let body, let orElse):
            group("for") { writer in
                writer.expression(target)
                writer.expression(iterable)
                writer.block("do", body)
                writer.block("else", orElse)
            }
        case .functionDefinition(let definition):
            group("def") { writer in
                writer.name(definition.name)
                writer.parameters(definition.parameters)
                writer.block("body", definition.body)
            }
        case .return(let value): group("return") { writer in value.map { writer.expression($0) } }
        case .break: token("break")
        case .continue: token("continue")
        case .pass: token("pass")
        case .try(let body, let handlers, let orElse, let finally):
            group("try") { writer in
                writer.block("body", body)
                for handler in handlers {
                    writer.group("except") { inner in
                        if let type = handler.type { inner.expression(type) }
                        if let name = handler.name { inner.name(name) }
                        inner.block("body", handler.body)
                    }
                }
                writer.block("else", orElse)
                writer.block("finally", finally)
            }
        case .raise(let exception, let cause):
            group("raise") { writer in
                exception.map { writer.expression($0) }
                cause.map { writer.expression($0) }
            }
        case .assert(let test, let message):
            group("assert") { writer in
                writer.expression(test)
                message.map { writer.expression($0) }
            }
        case .delete(let targets): group("del") { writer in targets.forEach { writer.expression($0) } }
        case .global(let names): group("global") { writer in names.forEach { writer.name($0) } }
        case .nonlocal(let names): group("nonlocal") { writer in names.forEach { writer.name($0) } }
        case .import(let aliases):
            group("import") { writer in aliases.forEach { writer.token($0.name + ($0.asName.map { "@" + $0 } ?? "")) } }
        case .importFrom(let module, let names, let level):
            group("from\(level)." + module) { writer in
                names.forEach { writer.token($0.name + ($0.asName.map { "@" + $0 } ?? "")) }
            }
        }
    }

    mutating func parameters(_ parameters: Parameters) {
        func write(_ parameter: Parameter, _ label: String, _ writer: inout SignatureWriter) {
            writer.group(label) { inner in
                inner.name(parameter.name)
                if let defaultValue = parameter.defaultValue { inner.expression(defaultValue) }
            }
        }
        group("params") { writer in
            parameters.positionalOnly.forEach { write($0, "posonly", &writer) }
            parameters.positional.forEach { write($0, "arg", &writer) }
            parameters.varArgs.map { write($0, "*", &writer) }
            parameters.keywordOnly.forEach { write($0, "kwonly", &writer) }
            parameters.varKeywords.map { write($0, "**", &writer) }
        }
    }

    mutating func expression(_ expression: Expression) {
        switch expression.kind {
        case .name(let identifier): name(identifier)
        case .constant(let constant): token(Self.literalType(constant))
        case .formattedString(let parts): group("fstr") { $0.formattedParts(parts) }
        case .unary(let op, let operand): group("unary" + op.rawValue) { $0.expression(operand) }
        case .binary(let op, let left, let right): group(op.rawValue) { $0.expression(left); $0.expression(right) }
        case .boolean(let op, let operands): group(op.rawValue) { writer in operands.forEach { writer.expression($0) } }
        case .compare(let first, let comparisons):
            group("compare") { writer in
                writer.expression(first)
                for comparison in comparisons {
                    writer.token(comparison.op.rawValue)
                    writer.expression(comparison.right)
                }
            }
        case .call(let function, let arguments):
            group("call") { writer in
                writer.expression(function)
                for argument in arguments {
                    switch argument {
                    case .positional(let value): writer.expression(value)
                    case .starred(let value): writer.group("*") { $0.expression(value) }
                    case .keyword(let keyword, let value): writer.group(keyword + "=") { $0.expression(value) }
                    case .doubleStarred(let value): writer.group("**") { $0.expression(value) }
                    }
                }
            }
        case .attribute(let base, let attribute): group("." + attribute) { $0.expression(base) }
        case .subscript(let base, let index): group("[]") { $0.expression(base); $0.expression(index) }
        case .slice(let lower, let upper, let step):
            group("slice") { writer in
                for part in [lower, upper, step] {
                    if let part { writer.expression(part) } else { writer.token("_") }
                }
            }
        case .starred(let inner): group("*") { $0.expression(inner) }
        case .list(let items): group("list") { writer in items.forEach { writer.expression($0) } }
        case .tuple(let items): group("tuple") { writer in items.forEach { writer.expression($0) } }
        case .set(let items): group("set") { writer in items.forEach { writer.expression($0) } }
        case .dictionary(let items):
            group("dict") { writer in
                for item in items {
                    switch item {
                    case .pair(let key, let value): writer.expression(key); writer.expression(value)
                    case .unpack(let mapping): writer.group("**") { $0.expression(mapping) }
                    }
                }
            }
        case .listComprehension(let element, let generators):
            group("listcomp") { $0.comprehension([element], generators) }
        case .setComprehension(let element, let generators):
            group("setcomp") { $0.comprehension([element], generators) }
        case .generatorExpression(let element, let generators):
            group("genexp") { $0.comprehension([element], generators) }
        case .dictionaryComprehension(let key, let value, let generators):
            group("dictcomp") { $0.comprehension([key, value], generators) }
        case .conditional(let test, let body, let orElse):
            group("ifexp") { $0.expression(test); $0.expression(body); $0.expression(orElse) }
        case .lambda(let parameters, let body):
            group("lambda") { $0.parameters(parameters); $0.expression(body) }
        case .namedExpression(let target, let value):
            group(":=") { $0.name(target); $0.expression(value) }
        }
    }

    mutating func comprehension(_ elements: [Expression], _ generators: [Comprehension]) {
        for generator in generators {
            group("for") { writer in
                writer.expression(generator.target)
                writer.expression(generator.iterable)
                generator.conditions.forEach { writer.expression($0) }
            }
        }
        elements.forEach { expression($0) }
    }

    mutating func formattedParts(_ parts: [FormattedStringPart]) {
        for part in parts {
            switch part {
            case .literal: token("str")
            case .replacement(let value, let conversion, let spec, _):
                group("{" + (conversion.map { "!" + String($0.rawValue) } ?? "")) { writer in
                    writer.expression(value)
                    if let spec { writer.group("spec") { $0.formattedParts(spec) } }
                }
            }
        }
    }

    static func literalType(_ constant: Constant) -> String {
        switch constant {
        case .none: "None"
        case .bool: "bool"
        case .int, .bigInt: "int"
        case .float: "float"
        case .string: "str"
        case .ellipsis: "..."
        }
    }
}
