import PythonSyntax

extension GenerationState {
    /// A method call or item assignment that changes a list in place.
    mutating func listMutation() -> [Statement]? {
        let element = random.pick([ValueType.int, .float, .str])
        let candidates = variables(of: .list(element)).filter { !iterating.contains($0.name) }
        guard !candidates.isEmpty else { return nil }
        let list = random.pick(candidates)
        let name = Build.name(list.name)
        let shrinkable = shrinkableVariables { $0.name == list.name }.count == 1
        let growth = max(1, iterationBound)
        switch random.int(in: 0..<9) {
        case 0, 1:
            let value = expression(element, depth: 1)
            update(list.name) { v in
                v.size += growth
                v.elementSize = max(v.elementSize, value.size)
            }
            return [Build.expressionStatement(Build.method(name, "append", [value.expression]))]
        case 2:
            let values = listLiteral(of: element, depth: 0)
            update(list.name) { v in
                v.size += values.size * growth
                v.elementSize = max(v.elementSize, values.elementSize)
            }
            return [Build.expressionStatement(Build.method(name, "extend", [values.expression]))]
        case 3:
            let value = expression(element, depth: 0)
            update(list.name) { v in
                v.size += growth
                v.elementSize = max(v.elementSize, value.size)
            }
            return [Build.expressionStatement(Build.method(name, "insert", [Build.int(random.int(in: -2...3)), value.expression]))]
        case 4:
            var keywords: [(String, Expression)] = []
            if random.chance(0.4) { keywords.append(("reverse", Build.bool(true))) }
            if random.chance(0.3) { keywords.append(("key", sortKey(for: element))) }
            return [Build.expressionStatement(random.chance(0.8) ? Build.method(name, "sort", keywords: keywords) : Build.method(name, "reverse"))]
        case 5 where shrinkable:
            if !list.nonEmpty { risk.insert(.index) }
            update(list.name) { $0.nonEmpty = false }
            let index: [Expression] = random.chance(0.5) ? [] : [Build.int(random.pick([0, -1]))]
            return [Build.expressionStatement(Build.method(name, "pop", index))]
        case 6 where shrinkable:
            risk.insert(.value)
            update(list.name) { $0.nonEmpty = false }
            return [Build.expressionStatement(Build.method(name, "remove", [expression(element, depth: 0).expression]))]
        case 7:
            let value = expression(element, depth: 1)
            if !list.nonEmpty { risk.insert(.index) }
            update(list.name) { $0.elementSize = max($0.elementSize, value.size) }
            return [Build.assign(Build.subscriptItem(name, Build.int(random.pick([0, -1]))), value.expression)]
        default:
            guard shrinkable else { return nil }
            let values = listLiteral(of: element, depth: 0)
            update(list.name) { v in
                v.nonEmpty = false
                v.size += values.size
                v.elementSize = max(v.elementSize, values.elementSize)
            }
            if random.chance(0.3) {
                // An extended slice must receive exactly as many elements as it selects.
                risk.insert(.value)
                return [Build.assign(Build.slice(name, nil, nil, Build.int(2)), values.expression)]
            }
            return [Build.assign(Build.slice(name, Build.int(random.int(in: 0...2)), Build.int(random.int(in: 1...4))), values.expression)]
        }
    }

    /// An update of a dict (or set) in place.
    mutating func dictUpdate() -> [Statement]? {
        let bound = iterationBound
        if random.chance(0.25) { return setUpdate() }
        let valueType = random.pick([ValueType.int, .float])
        let candidates = variables(of: .dict(.str, valueType)).filter { !iterating.contains($0.name) }
        guard !candidates.isEmpty else { return nil }
        let dictionary = random.pick(candidates)
        let name = Build.name(dictionary.name)
        let key = Build.string(random.pick(StringPools.words))
        let shrinkable = shrinkableVariables { $0.name == dictionary.name }.count == 1
        switch random.int(in: 0..<6) {
        case 0:
            let value = expression(valueType, depth: 1)
            update(dictionary.name) { v in
                v.size += max(1, bound)
                v.elementSize = max(v.elementSize, value.size)
                if v.knownKeys.count < 8 { v.knownKeys.append(key) }
            }
            return [Build.assign(Build.subscriptItem(name, key), value.expression)]
        case 1:
            let value = expression(valueType, depth: 0)
            let zero: Expression = valueType == .int ? Build.int(0) : Build.float(0.0)
            update(dictionary.name) { v in
                v.size += max(1, bound)
                v.elementSize = max(v.elementSize, value.size) + String(bound).count
            }
            return [Build.assign(Build.subscriptItem(name, key), Build.binary(.add, Build.method(name, "get", [key, zero]), value.expression))]
        case 2:
            let value = expression(valueType, depth: 0)
            update(dictionary.name) { v in
                v.size += 1
                v.elementSize = max(v.elementSize, value.size)
            }
            if random.chance(0.5) {
                return [Build.expressionStatement(Build.method(name, "update", keywords: [(random.pick(StringPools.words).lowercased(), value.expression)]))]
            }
            return [Build.expressionStatement(Build.method(name, "setdefault", [key, value.expression]))]
        case 3 where shrinkable:
            if random.chance(0.5) {
                return [Build.expressionStatement(Build.method(name, "pop", [key, Build.none]))]
            }
            risk.insert(.key)
            update(dictionary.name) { v in
                v.knownKeys.removeAll { Self.sameKey($0, key) }
                v.nonEmpty = false
            }
            return [Build.statement(.delete([Build.subscriptItem(name, key)]))]
        default:
            let other = dictionaryLiteral(key: .str, value: valueType, depth: 0).0
            update(dictionary.name) { v in
                v.size += other.size
                v.elementSize = max(v.elementSize, other.elementSize)
            }
            return [Build.expressionStatement(Build.method(name, "update", [other.expression]))]
        }
    }

    static func sameKey(_ a: Expression, _ b: Expression) -> Bool {
        if case .constant(.string(let x)) = a.kind, case .constant(.string(let y)) = b.kind { return x == y }
        return false
    }

    mutating func setUpdate() -> [Statement]? {
        let bound = iterationBound
        let candidates = variables(of: .set(.int)).filter { !iterating.contains($0.name) }
        guard !candidates.isEmpty else { return nil }
        let set = random.pick(candidates)
        let name = Build.name(set.name)
        let value = intExpression(depth: 1)
        switch random.int(in: 0..<4) {
        case 0:
            update(set.name) { $0.size += max(1, bound) }
            return [Build.expressionStatement(Build.method(name, "add", [value.expression]))]
        case 1:
            return [Build.expressionStatement(Build.method(name, "discard", [value.expression]))]
        case 2 where shrinkableVariables(where: { $0.name == set.name }).count == 1:
            risk.insert(.key)
            update(set.name) { $0.nonEmpty = false }
            return [Build.expressionStatement(Build.method(name, "remove", [value.expression]))]
        default:
            let list = listLiteral(of: .int, depth: 0)
            update(set.name) { $0.size += list.size }
            return [Build.expressionStatement(Build.method(name, "update", [list.expression]))]
        }
    }

    /// Tuple assignments: `q, r = divmod(a, b)`, swaps, `first, *rest = items`.
    mutating func unpack() -> [Statement] {
        switch random.int(in: 0..<4) {
        case 0:
            let a = intExpression(depth: 1), b = intDivisor(depth: 1)
            let quotient = freshName("q"), remainder = freshName("r")
            declare(Variable(name: quotient, type: .int, size: a.size, nonEmpty: false, elementSize: 0))
            declare(Variable(name: remainder, type: .int, size: a.size, nonEmpty: false, elementSize: 0))
            return [Build.assign(Build.tuple([Build.name(quotient), Build.name(remainder)]), Build.call("divmod", [a.expression, b.expression]))]
        case 1:
            let type = random.pick([ValueType.int, .float, .str])
            let candidates = assignableVariables(of: type)
            guard candidates.count >= 2 else { return [assignNew()] }
            let first = random.pick(candidates)
            let others = candidates.filter { $0.name != first.name }
            guard !others.isEmpty else { return [assignNew()] }
            let second = random.pick(others)
            let size = max(first.size, second.size)
            update(first.name) { $0.size = size; $0.nonEmpty = first.nonEmpty && second.nonEmpty }
            update(second.name) { $0.size = size; $0.nonEmpty = first.nonEmpty && second.nonEmpty }
            return [Build.assign(Build.tuple([Build.name(first.name), Build.name(second.name)]),
                                 Build.tuple([Build.name(second.name), Build.name(first.name)]))]
        case 2:
            let element = random.pick([ValueType.int, .str])
            let list = expression(.list(element), depth: 1)
            if !list.nonEmpty { risk.insert(.value) }
            let first = freshName("first"), rest = freshName("rest")
            declare(Variable(name: first, type: element, size: list.elementSize, nonEmpty: false, elementSize: 0))
            declare(Variable(name: rest, type: .list(element), size: list.size, nonEmpty: false, elementSize: list.elementSize))
            return [Build.assign(Build.tuple([Build.name(first), Build.expression(.starred(Build.name(rest)))]), list.expression)]
        default:
            let list = expression(.list(.int), depth: 1)
            let low = freshName("low"), high = freshName("high")
            if !list.nonEmpty { risk.insert(.value) }
            declare(Variable(name: low, type: .int, size: list.elementSize, nonEmpty: false, elementSize: 0))
            declare(Variable(name: high, type: .int, size: list.elementSize, nonEmpty: false, elementSize: 0))
            return [Build.assign(Build.tuple([Build.name(low), Build.name(high)]),
                                 Build.tuple([Build.call("min", [list.expression]), Build.call("max", [list.expression])]))]
        }
    }
}
