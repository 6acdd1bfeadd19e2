extension Instruction {
    /// The instruction with every register operand passed through `f` (jump targets and table
    /// indices unchanged). Used once per code object to place constant registers.
    func mappingRegisters(_ f: (R) -> R) -> Instruction {
        let g = f
        switch self {
        case let .move(d, s): return .move(dst: g(d), src: g(s))
        case let .loadGlobal(d, n): return .loadGlobal(dst: g(d), name: n)
        case let .storeGlobal(n, s): return .storeGlobal(name: n, src: g(s))
        case .deleteGlobal: return self
        case let .loadCell(d, c): return .loadCell(dst: g(d), cell: c)
        case let .storeCell(c, s): return .storeCell(cell: c, src: g(s))
        case .deleteCell: return self
        case let .checkBound(r, n): return .checkBound(reg: g(r), name: n)
        case let .deleteLocal(r, n): return .deleteLocal(reg: g(r), name: n)
        case let .binary(d, l, r, op): return .binary(dst: g(d), lhs: g(l), rhs: g(r), op: op)
        case let .inPlace(d, l, r, op): return .inPlace(dst: g(d), lhs: g(l), rhs: g(r), op: op)
        case let .unary(d, s, op): return .unary(dst: g(d), src: g(s), op: op)
        case let .not(d, s): return .not(dst: g(d), src: g(s))
        case let .compare(d, l, r, op): return .compare(dst: g(d), lhs: g(l), rhs: g(r), op: op)
        case let .jumpUnlessCompare(l, r, op, t): return .jumpUnlessCompare(lhs: g(l), rhs: g(r), op: op, target: t)
        case .jump: return self
        case let .jumpIfFalse(s, t): return .jumpIfFalse(src: g(s), target: t)
        case let .jumpIfTrue(s, t): return .jumpIfTrue(src: g(s), target: t)
        case let .getIterator(d, s): return .getIterator(dst: g(d), src: g(s))
        case let .forIter(i, d, e): return .forIter(iterator: g(i), dst: g(d), exit: e)
        case let .unpack(s, d, c): return .unpack(src: g(s), dst: g(d), count: c)
        case let .unpackStarred(s, d, b, a): return .unpackStarred(src: g(s), dst: g(d), before: b, after: a)
        case let .buildList(d, f, c): return .buildList(dst: g(d), first: g(f), count: c)
        case let .buildTuple(d, f, c): return .buildTuple(dst: g(d), first: g(f), count: c)
        case let .buildSet(d, f, c): return .buildSet(dst: g(d), first: g(f), count: c)
        case let .buildDictionary(d, f, c): return .buildDictionary(dst: g(d), first: g(f), count: c)
        case let .buildSlice(d, f): return .buildSlice(dst: g(d), first: g(f))
        case let .buildString(d, f, c): return .buildString(dst: g(d), first: g(f), count: c)
        case let .formatValue(d, s, spec, conv): return .formatValue(dst: g(d), src: g(s), spec: spec == Instruction.noRegister ? spec : g(spec), conversion: conv)
        case let .listAppend(l, s): return .listAppend(list: g(l), src: g(s))
        case let .listExtend(l, s): return .listExtend(list: g(l), src: g(s))
        case let .listToTuple(d, s): return .listToTuple(dst: g(d), src: g(s))
        case let .setAdd(s, v): return .setAdd(set: g(s), src: g(v))
        case let .setUpdate(s, v): return .setUpdate(set: g(s), src: g(v))
        case let .dictionarySet(d, k, v): return .dictionarySet(dictionary: g(d), key: g(k), value: g(v))
        case let .dictionaryUpdate(d, s): return .dictionaryUpdate(dictionary: g(d), src: g(s))
        case let .getItem(d, c, i): return .getItem(dst: g(d), container: g(c), index: g(i))
        case let .setItem(c, i, s): return .setItem(container: g(c), index: g(i), src: g(s))
        case let .deleteItem(c, i): return .deleteItem(container: g(c), index: g(i))
        case let .getAttribute(d, o, n): return .getAttribute(dst: g(d), object: g(o), name: n)
        case let .setAttribute(o, n, s): return .setAttribute(object: g(o), name: n, src: g(s))
        case let .makeFunction(d, c, df, n): return .makeFunction(dst: g(d), code: c, defaults: g(df), defaultCount: n)
        case let .call(d, f, first, c): return .call(dst: g(d), function: g(f), first: g(first), count: c)
        case let .callKeywords(d, f, first, c, n): return .callKeywords(dst: g(d), function: g(f), first: g(first), count: c, names: n)
        case let .callUnpacked(d, f, a, k): return .callUnpacked(dst: g(d), function: g(f), arguments: g(a), keywords: k == Instruction.noRegister ? k : g(k))
        case let .callMethod(d, r, n, c): return .callMethod(dst: g(d), receiver: g(r), name: n, count: c)
        case let .callMethodKeywords(d, r, n, c, k): return .callMethodKeywords(dst: g(d), receiver: g(r), name: n, count: c, names: k)
        case let .returnValue(s): return .returnValue(src: g(s))
        case let .yieldValue(s): return .yieldValue(src: g(s))
        case let .raise(e, c): return .raise(exception: e == Instruction.noRegister ? e : g(e), cause: c == Instruction.noRegister ? c : g(c))
        case let .reraise(s): return .reraise(src: g(s))
        case let .exceptionMatches(d, e, t): return .exceptionMatches(dst: g(d), exception: g(e), type: g(t))
        case let .assertionFailed(m): return .assertionFailed(message: m == Instruction.noRegister ? m : g(m))
        case let .importModule(d, n): return .importModule(dst: g(d), name: n)
        case let .importAll(m): return .importAll(module: g(m))
        case let .importFrom(d, m, n): return .importFrom(dst: g(d), module: g(m), name: n)
        }
    }

    /// Marks an absent optional register operand. Constant registers are negative only while compiling,
    /// so this value is reserved and never remapped.
    static let noRegister: R = Int32.min
}
