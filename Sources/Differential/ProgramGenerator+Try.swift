import PythonSyntax

extension GenerationState {
    /// An explicit `try` whose body favours operations that raise; its handlers name what the body
    /// may raise (now and then leaving one out, so the exception propagates further).
    mutating func tryStatement() -> Statement {
        let savedRisky = preferRisky
        tryDepth += 1
        preferRisky = true
        let (body, raised) = collectingRisk { $0.block(1...3) }
        tryDepth -= 1
        preferRisky = savedRisky
        let (handlers, uncovered) = self.handlers(for: raised, partial: random.chance(0.1))
        risk.formUnion(uncovered)
        let orElse = random.chance(0.25) ? block(1...1) : []
        let finally = random.chance(0.2) ? block(1...1) : []
        return Build.statement(.try(body: body, handlers: handlers, orElse: orElse, finally: finally))
    }

    /// Handlers for the exceptions in `raised`, and the ones they leave uncaught.
    mutating func handlers(for raised: Risk, partial: Bool) -> (handlers: [ExceptHandler], uncovered: Risk) {
        var names = raised.exceptionNames
        var uncovered: Risk = []
        if names.isEmpty {
            names = [random.pick(["ValueError", "ZeroDivisionError", "KeyError", "IndexError"])]
        } else if partial && names.count > 1 {
            let dropped = names.remove(at: random.int(in: 0..<names.count))
            uncovered = Risk.all.first { $0.1 == dropped }.map { $0.0 } ?? []
        }
        enum Style { case grouped, separate, exception, parents, bare }
        let style: Style = uncovered.isEmpty
            ? random.weighted([(45, .grouped), (25, .separate), (15, .exception), (10, .parents), (5, .bare)])
            : random.weighted([(1, .grouped), (1, .separate)])
        let binding = random.chance(0.6) ? random.pick(["e", "err", "exc", "error"]) : nil
        func type(_ names: [String]) -> Expression {
            names.count == 1 ? Build.name(names[0]) : Build.tuple(names.map { Build.name($0) })
        }
        switch style {
        case .grouped:
            return ([Build.handler(type(names), name: binding, handlerBody(binding))], uncovered)
        case .separate:
            let handlers = names.map { name in Build.handler(Build.name(name), name: binding, handlerBody(binding)) }
            return (handlers, uncovered)
        case .exception:
            return ([Build.handler(Build.name("Exception"), name: binding, handlerBody(binding))], [])
        case .parents:
            var parents: [String] = []
            for name in names {
                let parent = switch name {
                case "ZeroDivisionError", "OverflowError": "ArithmeticError"
                case "IndexError", "KeyError": "LookupError"
                default: name
                }
                if !parents.contains(parent) { parents.append(parent) }
            }
            return ([Build.handler(type(parents), name: binding, handlerBody(binding))], [])
        case .bare:
            return ([Build.handler(nil, name: nil, handlerBody(nil))], [])
        }
    }

    /// What a handler does: report the exception, fall back to a value, or nothing.
    mutating func handlerBody(_ binding: String?) -> [Statement] {
        let fallbacks = scopes[functionScopeStart...].flatMap { $0.variables.filter { $0.assignable && $0.type.isScalar } }
        if let binding, random.chance(0.6) {
            let name = Build.name(binding)
            let report: Expression = random.pick([
                Build.call("str", [name]), Build.call("repr", [name]), name, Build.attribute(name, "args"),
                Build.expression(.formattedString([.literal("error: "), .replacement(value: name, conversion: nil, spec: nil, debugText: nil)])),
                Build.expression(.formattedString([.literal("caught "), .replacement(value: name, conversion: .repr, spec: nil, debugText: nil)])),
            ])
            return [Build.print([Build.string(random.pick(["error:", "failed", "skipping"])), report])]
        }
        if !fallbacks.isEmpty, random.chance(0.7) {
            let variable = random.pick(fallbacks)
            let value = safeExpression(variable.type, depth: 1)
            update(variable.name) { v in
                v.size = max(v.size, value.size)
                v.nonEmpty = v.nonEmpty && value.nonEmpty
            }
            return [Build.assign(variable.name, value.expression)]
        }
        return [Build.statement(.pass)]
    }

    /// An expression of `type` that raises nothing (redrawn a few times, then the type's default value).
    mutating func safeExpression(_ type: ValueType, depth: Int) -> Generated {
        let savedRisky = preferRisky
        preferRisky = false
        defer { preferRisky = savedRisky }
        for _ in 0..<4 {
            let (generated, raised) = collectingRisk { $0.expression(type, depth: depth) }
            if raised.isEmpty { return generated }
        }
        return Generated(defaultValue(of: type), size: 1)
    }
}
