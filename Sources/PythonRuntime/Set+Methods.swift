/// Set algebra with CPython 3.11's algorithms (so results iterate in CPython's order), and the
/// methods of `set` and `frozenset`.
extension PySet {
    /// A new empty set of the same kind (`make_new_set_basetype`).
    func emptyLikeSelf() -> PySet { PySet(frozen: isFrozen) }

    /// `self | other` and `union(*others)`: a copy, then each other merged in.
    public func union(_ others: [Value], _ context: ExecutionContext) throws(ExecutionError) -> PySet {
        let result = copy()
        for other in others {
            if case .set(let s) = other, s === self { continue }
            try result.update(with: other, context)
        }
        return result
    }

    public func union(_ other: PySet) -> PySet {
        let result = copy()
        if other !== self { result.merge(other) }
        return result
    }

    /// `self & other` (`set_intersection`): walks the smaller set and keeps the elements of the
    /// walked side that the other side contains.
    public func intersection(_ other: PySet) -> PySet {
        if other === self { return copy() }
        let result = emptyLikeSelf()
        let (walked, probed) = other.count > count ? (self, other) : (other, self)
        for key in walked.keys where probed.contains(key: key) {
            result.add(key.value, hash: key.hash)
        }
        return result
    }

    /// `intersection(iterable)`: walks the iterable, keeping the elements this set contains.
    public func intersection(_ other: Value, _ context: ExecutionContext) throws(ExecutionError) -> PySet {
        if case .set(let s) = other { return intersection(s) }
        let result = emptyLikeSelf()
        let iterator = try Iteration.nativeIterator(other)
        while let element = try iterator.next(context) {
            let key = try HashKey.make(element)
            if contains(key: key) { result.add(key.value, hash: key.hash) }
        }
        return result
    }

    /// `set_intersection_multi`.
    func intersection(_ others: [Value], _ context: ExecutionContext) throws(ExecutionError) -> PySet {
        if others.isEmpty { return copy() }
        var result = self
        for other in others { result = try result.intersection(other, context) }
        return result
    }

    /// `self - other` (`set_difference`): copies and discards when this set is much larger, else
    /// walks this set keeping what `other` lacks.
    public func difference(_ other: PySet) -> PySet {
        if (count >> 2) > other.count {
            let result = copy()
            result.differenceUpdate(other)
            return result
        }
        let result = emptyLikeSelf()
        for key in keys where !other.contains(key: key) { result.add(key.value, hash: key.hash) }
        return result
    }

    /// `difference(iterable)`.
    public func difference(_ other: Value, _ context: ExecutionContext) throws(ExecutionError) -> PySet {
        switch other {
        case .set(let s):
            return difference(s)
        case .dict(let d) where (count >> 2) <= d.count:
            let result = emptyLikeSelf()
            for key in keys where d.storage.index(forKey: key) == nil { result.add(key.value, hash: key.hash) }
            return result
        default:
            let result = copy()
            try result.differenceUpdate(other, context)
            return result
        }
    }

    /// `set_difference_multi`.
    func difference(_ others: [Value], _ context: ExecutionContext) throws(ExecutionError) -> PySet {
        guard let first = others.first else { return copy() }
        let result = try difference(first, context)
        for other in others.dropFirst() { try result.differenceUpdate(other, context) }
        return result
    }

    /// `self -= other` (`set_difference_update_internal`), then shrinks away dummies if over a quarter.
    public func differenceUpdate(_ other: PySet) {
        if other === self {
            removeAll()
            return
        }
        let walked = (other.count >> 3) > count ? intersection(other) : other
        for key in walked.keys { discard(key.value, hash: key.hash) }
        shrinkAfterDeletions()
    }

    public func differenceUpdate(_ other: Value, _ context: ExecutionContext) throws(ExecutionError) {
        if case .set(let s) = other { return differenceUpdate(s) }
        let iterator = try Iteration.nativeIterator(other)
        while let element = try iterator.next(context) {
            let hash = try PySet.lookupHash(element)
            discard(element, hash: hash)
        }
        shrinkAfterDeletions()
    }

    private func shrinkAfterDeletions() {
        if fill - used <= mask / 4 { return }
        resize(minimumUsed: used > 50000 ? used * 2 : used * 4)
    }

    /// `self ^ other` (`set_symmetric_difference`): a copy of `other`, updated with this set.
    public func symmetricDifference(_ other: PySet) -> PySet {
        let result = emptyLikeSelf()
        result.merge(other)
        result.symmetricDifferenceUpdate(self)
        return result
    }

    public func symmetricDifference(_ other: Value, _ context: ExecutionContext) throws(ExecutionError) -> PySet {
        let result = emptyLikeSelf()
        try result.update(with: other, context)
        result.symmetricDifferenceUpdate(self)
        return result
    }

    /// `self ^= other` (`set_symmetric_difference_update`).
    public func symmetricDifferenceUpdate(_ other: PySet) {
        if other === self {
            removeAll()
            return
        }
        toggle(other.keys)
    }

    public func symmetricDifferenceUpdate(_ other: Value, _ context: ExecutionContext) throws(ExecutionError) {
        switch other {
        case .set(let s): symmetricDifferenceUpdate(s)
        case .dict(let d): toggle(Array(d.storage.keys))
        default:
            let temporary = emptyLikeSelf()
            try temporary.update(with: other, context)
            toggle(temporary.keys)
        }
    }

    private func toggle(_ keys: [HashKey]) {
        for key in keys where !discard(key.value, hash: key.hash) {
            add(key.value, hash: key.hash)
        }
    }

    /// `self &= other` / `intersection_update(*others)`: computes the intersection, then takes its table.
    func intersectionUpdate(_ others: [Value], _ context: ExecutionContext) throws(ExecutionError) {
        let result = try intersection(others, context)
        replaceContents(with: result)
    }

    public func isSubset(of other: Value, _ context: ExecutionContext) throws(ExecutionError) -> Bool {
        let otherSet: PySet
        if case .set(let s) = other {
            otherSet = s
        } else {
            otherSet = PySet()
            try otherSet.update(with: other, context)
        }
        if count > otherSet.count { return false }
        for key in keys where !otherSet.contains(key: key) { return false }
        return true
    }

    public func isSuperset(of other: Value, _ context: ExecutionContext) throws(ExecutionError) -> Bool {
        if case .set(let s) = other { return try s.isSubset(of: .set(self), context) }
        let iterator = try Iteration.nativeIterator(other)
        while let element = try iterator.next(context) {
            if !(try contains(element)) { return false }
        }
        return true
    }

    public func isDisjoint(with other: Value, _ context: ExecutionContext) throws(ExecutionError) -> Bool {
        if case .set(let s) = other {
            if s === self { return count == 0 }
            let (walked, probed) = s.count > count ? (self, s) : (s, self)
            for key in walked.keys where probed.contains(key: key) { return false }
            return true
        }
        let iterator = try Iteration.nativeIterator(other)
        while let element = try iterator.next(context) {
            if try contains(element) { return false }
        }
        return true
    }
}

enum SetMethods {
    /// Methods of `set` (mutating ones included) and of `frozenset`.
    static let setTable: [String: BuiltinFunction] = makeTable(owner: "set", mutable: true)
    static let frozensetTable: [String: BuiltinFunction] = makeTable(owner: "frozenset", mutable: false)

    static func makeTable(owner: String, mutable: Bool) -> [String: BuiltinFunction] {
        var t: [String: BuiltinFunction] = [:]
        func add(_ name: String, _ body: @escaping @Sendable (PySet, Arguments, ExecutionContext) throws(ExecutionError) -> Value) {
            t[name] = BuiltinFunction(name, owner: owner) { args, context throws(ExecutionError) in
                let receiver = try args.receiver("\(owner).\(name)")
                guard case .set(let s) = receiver, s.isFrozen != mutable else {
                    throw Value.descriptorError(name, owner, receiver)
                }
                return try body(s, args, context)
            }
        }

        add("copy") { s, args, _ throws(ExecutionError) in
            try args.expectNone(method: "\(owner).copy")
            return s.isFrozen ? .set(s) : .set(s.copy())
        }
        add("union") { s, args, context throws(ExecutionError) in
            Value.set(try s.union(others(args, "union"), context))
        }
        add("intersection") { s, args, context throws(ExecutionError) in
            Value.set(try s.intersection(others(args, "intersection"), context))
        }
        add("difference") { s, args, context throws(ExecutionError) in
            Value.set(try s.difference(others(args, "difference"), context))
        }
        add("symmetric_difference") { s, args, context throws(ExecutionError) in
            Value.set(try s.symmetricDifference(args.expectOne(method: "\(owner).symmetric_difference"), context))
        }
        add("issubset") { s, args, context throws(ExecutionError) in
            .bool(try s.isSubset(of: args.expectOne(method: "\(owner).issubset"), context))
        }
        add("issuperset") { s, args, context throws(ExecutionError) in
            .bool(try s.isSuperset(of: args.expectOne(method: "\(owner).issuperset"), context))
        }
        add("isdisjoint") { s, args, context throws(ExecutionError) in
            .bool(try s.isDisjoint(with: args.expectOne(method: "\(owner).isdisjoint"), context))
        }
        guard mutable else { return t }

        add("add") { s, args, _ throws(ExecutionError) in
            try s.insert(args.expectOne(method: "set.add"))
            return .none
        }
        add("remove") { s, args, _ throws(ExecutionError) in
            let element = try args.expectOne(method: "set.remove")
            if !(try s.remove(element)) { throw .exception(.keyError(element)) }
            return .none
        }
        add("discard") { s, args, _ throws(ExecutionError) in
            try s.remove(args.expectOne(method: "set.discard"))
            return .none
        }
        add("pop") { s, args, _ throws(ExecutionError) in
            try args.expectNone(method: "set.pop")
            return try s.popElement()
        }
        add("clear") { s, args, _ throws(ExecutionError) in
            try args.expectNone(method: "set.clear")
            s.removeAll()
            return .none
        }
        add("update") { s, args, context throws(ExecutionError) in
            for other in try others(args, "update") { try s.update(with: other, context) }
            return .none
        }
        add("intersection_update") { s, args, context throws(ExecutionError) in
            try s.intersectionUpdate(others(args, "intersection_update"), context)
            return .none
        }
        add("difference_update") { s, args, context throws(ExecutionError) in
            for other in try others(args, "difference_update") { try s.differenceUpdate(other, context) }
            return .none
        }
        add("symmetric_difference_update") { s, args, context throws(ExecutionError) in
            try s.symmetricDifferenceUpdate(args.expectOne(method: "set.symmetric_difference_update"), context)
            return .none
        }
        return t
    }

    /// The positional arguments after the receiver (`union(*others)`); keywords are refused.
    static func others(_ args: Arguments, _ name: String) throws(ExecutionError) -> [Value] {
        if args.hasKeywords { throw .exception(.typeError("\(name)() takes no keyword arguments")) }
        return Array(args.values[1..<args.count])
    }
}
