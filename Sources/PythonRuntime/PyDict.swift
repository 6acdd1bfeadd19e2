import OrderedCollections

/// A key in a dict or set: a hashable value with Python's hash and equality.
///
/// Python equality crosses types (`1 == 1.0 == True`), so equal keys must hash alike. Build one with
/// `HashKey.make(_:)`, which raises `TypeError: unhashable type` for lists, dicts and sets. The Swift
/// `Hashable` conformance feeds the Python hash to the hasher, so dicts never expose Swift's seeded order.
public struct HashKey: Hashable {
    public let value: Value
    /// The Python hash (`hash(value)`); never -1.
    public let hash: Int

    /// A key whose `hash` the caller already computed with `Value.pythonHash()`.
    @inlinable
    public init(value: Value, hash: Int) {
        self.value = value
        self.hash = hash
    }

    @inlinable
    public static func make(_ value: Value) throws(ExecutionError) -> HashKey {
        HashKey(value: value, hash: try value.pythonHash())
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    @inlinable
    public static func == (a: HashKey, b: HashKey) -> Bool {
        a.hash == b.hash && PythonHash.keysEqual(a.value, b.value)
    }
}

/// A Python `dict`: insertion-ordered.
///
/// Re-assigning an equal key keeps the original key object and position (`d[1.0] = x` after `d[1]`
/// keeps the key `1`). Mutate through the methods here so that `keyVersion` tracks insertions and
/// removals; iterators use it (with `count`) to raise CPython's "changed during iteration" errors.
public final class PyDict {
    public var storage: OrderedDictionary<HashKey, Value>
    /// Bumped whenever a key is added or removed (not when a value is replaced).
    public internal(set) var keyVersion: Int = 0

    public init() { storage = [:] }

    public init(storage: OrderedDictionary<HashKey, Value>) { self.storage = storage }

    deinit {
        if !storage.isEmpty {
            var values = storage.values.elements
            storage = [:]
            DeallocationQueue.release(&values)
        }
    }

    public var count: Int { storage.count }

    public func get(_ key: Value) throws(ExecutionError) -> Value? {
        storage[try HashKey.make(key)]
    }

    public func get(key: HashKey) -> Value? { storage[key] }

    public func set(_ key: Value, _ value: Value) throws(ExecutionError) {
        set(key: try HashKey.make(key), value)
    }

    public func set(key: HashKey, _ value: Value) {
        if storage.updateValue(value, forKey: key) == nil { keyVersion &+= 1 }
    }

    @discardableResult
    public func remove(_ key: Value) throws(ExecutionError) -> Value? {
        remove(key: try HashKey.make(key))
    }

    @discardableResult
    public func remove(key: HashKey) -> Value? {
        let removed = storage.removeValue(forKey: key)
        if removed != nil { keyVersion &+= 1 }
        return removed
    }

    public func removeAll() {
        if !storage.isEmpty { keyVersion &+= 1 }
        storage.removeAll()
    }

    public func contains(_ key: Value) throws(ExecutionError) -> Bool {
        storage.index(forKey: try HashKey.make(key)) != nil
    }

    public var keys: [Value] { storage.keys.map(\.value) }
    public var values: [Value] { Array(storage.values) }
    /// `(key, value)` pairs in insertion order.
    public var items: [(key: Value, value: Value)] { storage.map { ($0.key.value, $0.value) } }

    /// A shallow copy (`d.copy()`, `dict(d)`).
    public func copy() -> PyDict { PyDict(storage: storage) }
}

/// A Python `set` or `frozenset`, laid out exactly like CPython 3.11's set table.
///
/// Iteration order is observable (`print({3, 1, 2})`), so this reproduces `setobject.c`: open
/// addressing with 9 linear probes then perturbed jumps, a table of 8 slots growing when
/// `fill*5 >= mask*3`, dummies left by deletion, and the same algorithms for copies, merges and set
/// algebra (`union(_:)`, `intersection(_:)`, ...). The trap: building the same elements in another
/// way (incremental insertion versus merging a whole set) can give another order, as in CPython.
public final class PySet {
    /// One slot. Empty: `key == nil, hash == 0`; dummy (deleted): `key == nil, hash == -1`.
    @usableFromInline
    struct Entry {
        @usableFromInline var key: Value?
        @usableFromInline var hash: Int
        @inlinable init(key: Value?, hash: Int) {
            self.key = key
            self.hash = hash
        }
        @usableFromInline static var empty: Entry { Entry(key: nil, hash: 0) }
        @usableFromInline static var dummy: Entry { Entry(key: nil, hash: -1) }
    }

    static let minimumSize = 8
    static let linearProbes = 9
    static let perturbShift = 5

    @usableFromInline var table: [Entry]
    @usableFromInline var mask: Int
    /// Active plus dummy slots.
    @usableFromInline var fill: Int
    /// Active slots (the set's length).
    @usableFromInline var used: Int
    /// Where `pop()` resumes its scan.
    var finger: Int = 0
    var cachedHash: Int?
    public let isFrozen: Bool

    public init(frozen: Bool = false) {
        table = Array(repeating: .empty, count: PySet.minimumSize)
        mask = PySet.minimumSize - 1
        fill = 0
        used = 0
        isFrozen = frozen
    }

    /// A set holding `elements`, added one by one in order (`set(list)`, a set display with
    /// non-constant elements, a set comprehension).
    public convenience init(frozen: Bool = false, inserting elements: [Value]) throws(ExecutionError) {
        self.init(frozen: frozen)
        for element in elements { try insert(element) }
    }

    /// The frozenset CPython's compiler makes of a display of more than two constants: the
    /// constants are added one by one, then the compiler's constant merging rebuilds the frozenset
    /// by adding them again in its iteration order. `for x in {3, 1, 2}` iterates this frozenset.
    public static func constantFrozenset(_ elements: [Value]) throws(ExecutionError) -> PySet {
        let folded = try PySet(frozen: true, inserting: elements)
        let rebuilt = PySet(frozen: true)
        for key in folded.keys { rebuilt.add(key.value, hash: key.hash) }
        return rebuilt
    }

    /// The set a display of more than two constants builds (`{16, 1, 2, 3, 4}`): an empty set
    /// merged with `constantFrozenset(_:)`, which can order elements differently from adding them
    /// one by one (as `set([16, 1, 2, 3, 4])` does).
    public static func constantDisplay(_ elements: [Value]) throws(ExecutionError) -> PySet {
        let result = PySet()
        result.merge(try constantFrozenset(elements))
        return result
    }

    public var count: Int { used }

    public func insert(_ element: Value) throws(ExecutionError) {
        let key = try HashKey.make(element)
        add(key.value, hash: key.hash)
    }

    public func insert(key: HashKey) { add(key.value, hash: key.hash) }

    public func contains(_ element: Value) throws(ExecutionError) -> Bool {
        let hash = try PySet.lookupHash(element)
        return findSlot(element, hash: hash).found
    }

    public func contains(key: HashKey) -> Bool { findSlot(key.value, hash: key.hash).found }

    /// Removes `element` if present; true when it was.
    @discardableResult
    public func remove(_ element: Value) throws(ExecutionError) -> Bool {
        let hash = try PySet.lookupHash(element)
        return discard(element, hash: hash)
    }

    /// Elements in iteration order.
    public var elements: [Value] {
        var out: [Value] = []
        out.reserveCapacity(used)
        for entry in table { if let key = entry.key { out.append(key) } }
        return out
    }

    /// Elements with their hashes, in iteration order.
    public var keys: [HashKey] {
        var out: [HashKey] = []
        out.reserveCapacity(used)
        for entry in table { if let key = entry.key { out.append(HashKey(value: key, hash: entry.hash)) } }
        return out
    }

    /// The element in table slot `index`, if active (iterators walk slots, like CPython's).
    @inlinable
    func element(atSlot index: Int) -> Value? { table[index].key }

    @inlinable
    var slotCount: Int { mask + 1 }

    /// The hash used to look `element` up: a plain set is looked up as the frozenset it equals
    /// (`{1} in {frozenset({1})}` is True in CPython).
    static func lookupHash(_ element: Value) throws(ExecutionError) -> Int {
        if case .set(let s) = element, !s.isFrozen {
            let frozen = s.copy(frozen: true)
            return frozen.frozenHash()
        }
        return try element.pythonHash()
    }

    // MARK: The table

    /// `set_lookkey`: the slot holding an equal key, or the empty slot ending the probe sequence.
    @usableFromInline
    func findSlot(_ key: Value, hash: Int) -> (index: Int, found: Bool) {
        let mask = UInt(bitPattern: self.mask)
        var perturb = UInt(bitPattern: hash)
        var i = UInt(bitPattern: hash) & mask
        while true {
            var probes = i + UInt(PySet.linearProbes) <= mask ? PySet.linearProbes : 0
            var j = Int(i)
            while true {
                let entry = table[j]
                if entry.hash == 0 && entry.key == nil { return (j, false) }
                if entry.hash == hash, let existing = entry.key, PythonHash.keysEqual(existing, key) {
                    return (j, true)
                }
                if probes == 0 { break }
                probes -= 1
                j += 1
            }
            perturb >>= UInt(PySet.perturbShift)
            i = (i &* 5 &+ 1 &+ perturb) & mask
        }
    }

    /// `set_add_entry`: adds unless an equal key is present; reuses the last dummy on the probe path.
    @usableFromInline
    func add(_ key: Value, hash: Int) {
        let mask = UInt(bitPattern: self.mask)
        var perturb = UInt(bitPattern: hash)
        var i = UInt(bitPattern: hash) & mask
        var freeSlot: Int?
        while true {
            var probes = i + UInt(PySet.linearProbes) <= mask ? PySet.linearProbes : 0
            var j = Int(i)
            while true {
                let entry = table[j]
                if entry.hash == 0 && entry.key == nil {
                    cachedHash = nil
                    if let slot = freeSlot {
                        used += 1
                        table[slot] = Entry(key: key, hash: hash)
                        return
                    }
                    fill += 1
                    used += 1
                    table[j] = Entry(key: key, hash: hash)
                    if fill * 5 < self.mask * 3 { return }
                    resize(minimumUsed: used > 50000 ? used * 2 : used * 4)
                    return
                }
                if entry.hash == hash, let existing = entry.key, PythonHash.keysEqual(existing, key) {
                    return
                }
                if entry.hash == -1 && entry.key == nil { freeSlot = j }
                if probes == 0 { break }
                probes -= 1
                j += 1
            }
            perturb >>= UInt(PySet.perturbShift)
            i = (i &* 5 &+ 1 &+ perturb) & mask
        }
    }

    /// `set_insert_clean`: places a key known to be absent into a table without dummies.
    private static func insertClean(_ table: inout [Entry], mask: Int, key: Value, hash: Int) {
        let umask = UInt(bitPattern: mask)
        var perturb = UInt(bitPattern: hash)
        var i = UInt(bitPattern: hash) & umask
        while true {
            if table[Int(i)].key == nil {
                table[Int(i)] = Entry(key: key, hash: hash)
                return
            }
            if i + UInt(linearProbes) <= umask {
                for j in 1...linearProbes where table[Int(i) + j].key == nil {
                    table[Int(i) + j] = Entry(key: key, hash: hash)
                    return
                }
            }
            perturb >>= UInt(perturbShift)
            i = (i &* 5 &+ 1 &+ perturb) & umask
        }
    }

    /// `set_table_resize`: rebuilds into the smallest power-of-two table larger than `minimumUsed`.
    func resize(minimumUsed: Int) {
        var newSize = PySet.minimumSize
        while newSize <= minimumUsed { newSize <<= 1 }
        if newSize == PySet.minimumSize && table.count == PySet.minimumSize && fill == used { return }
        let old = table
        var newTable = Array(repeating: Entry.empty, count: newSize)
        let newMask = newSize - 1
        for entry in old {
            if let key = entry.key { PySet.insertClean(&newTable, mask: newMask, key: key, hash: entry.hash) }
        }
        table = newTable
        mask = newMask
        fill = used
    }

    /// `set_discard_entry`: turns the slot of an equal key into a dummy.
    @discardableResult
    func discard(_ key: Value, hash: Int) -> Bool {
        let (index, found) = findSlot(key, hash: hash)
        guard found else { return false }
        table[index] = .dummy
        used -= 1
        cachedHash = nil
        return true
    }

    /// `set_clear_internal`: back to an empty 8-slot table (the pop finger is kept, as in CPython).
    public func removeAll() {
        table = Array(repeating: .empty, count: PySet.minimumSize)
        mask = PySet.minimumSize - 1
        fill = 0
        used = 0
        cachedHash = nil
    }

    /// `set_merge`: adds every element of `other`, with CPython's up-front resize and fast paths.
    func merge(_ other: PySet) {
        if other === self || other.used == 0 { return }
        if (fill + other.used) * 5 >= mask * 3 {
            resize(minimumUsed: (used + other.used) * 2)
        }
        cachedHash = nil
        if fill == 0 && mask == other.mask && other.fill == other.used {
            table = other.table
            fill = other.fill
            used = other.used
            return
        }
        if fill == 0 {
            fill = other.used
            used = other.used
            for entry in other.table {
                if let key = entry.key { PySet.insertClean(&table, mask: mask, key: key, hash: entry.hash) }
            }
            return
        }
        for entry in other.table {
            if let key = entry.key { add(key, hash: entry.hash) }
        }
    }

    /// `set_update_internal` for a dict: one up-front resize, then each key with its stored hash.
    func merge(keysOf dict: PyDict) {
        let size = dict.count
        if (fill + size) * 5 >= mask * 3 {
            resize(minimumUsed: (used + size) * 2)
        }
        for key in dict.storage.keys { add(key.value, hash: key.hash) }
    }

    /// `set_update_internal`: adds the elements of any natively iterable value.
    public func update(with other: Value, _ context: ExecutionContext) throws(ExecutionError) {
        switch other {
        case .set(let s):
            try context.tick(s.count)
            merge(s)
        case .dict(let d):
            try context.tick(d.count)
            merge(keysOf: d)
        default:
            let iterator = try Iteration.nativeIterator(other)
            while let element = try iterator.next(context) {
                try context.tick()
                try insert(element)
            }
        }
    }

    /// `pop()`: removes the first active slot at or after the finger.
    public func popElement() throws(ExecutionError) -> Value {
        if used == 0 { throw .exception(PyException(.keyError, "pop from an empty set")) }
        var i = finger & mask
        while table[i].key == nil {
            i += 1
            if i > mask { i = 0 }
        }
        let key = table[i].key!
        table[i] = .dummy
        used -= 1
        cachedHash = nil
        finger = i + 1
        return key
    }

    /// `set_copy`: a new set (or frozenset) holding the same elements, built by merging.
    public func copy(frozen: Bool? = nil) -> PySet {
        let result = PySet(frozen: frozen ?? isFrozen)
        result.merge(self)
        return result
    }

    /// `set_swap_bodies` as `intersection_update` uses it: take `other`'s table.
    func replaceContents(with other: PySet) {
        table = other.table
        mask = other.mask
        fill = other.fill
        used = other.used
        cachedHash = nil
    }

    // MARK: Hash

    /// `frozenset_hash`: order-independent, cached. Only meaningful for frozensets.
    public func frozenHash() -> Int {
        if let cachedHash { return cachedHash }
        func shuffle(_ h: UInt64) -> UInt64 { ((h ^ 89_869_747) ^ (h &<< 16)) &* 3_644_798_167 }
        var hash: UInt64 = 0
        for entry in table where entry.key != nil {
            hash ^= shuffle(UInt64(bitPattern: Int64(entry.hash)))
        }
        hash ^= (UInt64(used) &+ 1) &* 1_927_868_237
        hash ^= (hash >> 11) ^ (hash >> 25)
        hash = hash &* 69069 &+ 907_133_923
        var result = Int(Int64(bitPattern: hash))
        if result == -1 { result = 590_923_713 }
        cachedHash = result
        return result
    }
}
