import BigInt

extension Value {
    /// `hash(value)` with CPython 3.11's results where they are deterministic.
    ///
    /// Numbers use Python's numeric hash (so `1`, `1.0` and `True` collide), tuples CPython's
    /// xxHash-based combination, frozensets CPython's order-independent mix. CPython randomizes str
    /// hashes per process unless `PYTHONHASHSEED` is set; sal always hashes strs as CPython does with
    /// `PYTHONHASHSEED=0`, so set-of-str order is reproducible and equal to that configuration's.
    public func pythonHash() throws(ExecutionError) -> Int {
        switch self {
        case .int(let i):
            if i > -PythonHash.modulus && i < PythonHash.modulus { return i == -1 ? -2 : i }
            return PythonHash.numeric(self)
        case .str(let s): return PythonHash.string(s)
        default: return try PythonHash.slowHash(self, depth: 0)
        }
    }
}

/// Python's hash and key equality for dicts and sets.
public enum PythonHash {
    /// 2**61 - 1, the modulus of Python's numeric hash.
    public static let modulus = (1 << 61) - 1

    /// Key equality as dicts and sets use it: identity first, then `==`.
    @inlinable
    public static func keysEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case let (.int(x), .int(y)): return x == y
        case let (.str(x), .str(y)): return x.equals(y)
        default:
            if a.isIdentical(to: b) { return true }
            return (try? Operators.equals(a, b)) ?? false
        }
    }

    /// The hash of a str, as CPython 3.11 computes it with `PYTHONHASHSEED=0`: SipHash-1-3 with a zero
    /// key over the string's internal code units (one byte per code point when all are below 256, else
    /// two, else four, little-endian), 0 for the empty string. Cached on the string.
    public static func string(_ s: PyString) -> Int {
        if let cached = s.cachedHash { return cached }
        var result: Int
        if s.value.isEmpty {
            result = 0
        } else if s.isASCII {
            result = s.value.utf8.withContiguousStorageIfAvailable { SipHash13.hash(UnsafeRawBufferPointer($0)) }
                ?? SipHash13.hash(Array(s.value.utf8))
        } else {
            result = SipHash13.hash(codeUnits(of: s))
        }
        if result == -1 { result = -2 }
        s.cachedHash = result
        return result
    }

    /// CPython's compact representation of a non-ASCII str: the narrowest code unit that holds every
    /// code point.
    private static func codeUnits(of s: PyString) -> [UInt8] {
        let scalars = s.scalars
        let widest = scalars.reduce(0) { max($0, $1.value) }
        let width = widest < 0x100 ? 1 : (widest < 0x1_0000 ? 2 : 4)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * width)
        for scalar in scalars {
            var unit = scalar.value
            for _ in 0..<width {
                bytes.append(UInt8(truncatingIfNeeded: unit))
                unit >>= 8
            }
        }
        return bytes
    }

    /// Numeric hash of an int, bool, big int or float.
    @usableFromInline
    static func numeric(_ value: Value) -> Int {
        NumericHash.hash(value) ?? 0
    }

    /// `None`'s hash: CPython 3.11 hashes None by address; sal uses CPython 3.12's constant.
    static let noneHash = 0xFCA8_6420
    static let ellipsisHash = 0x0E11_1950

    /// Deep structures hash recursively; past this depth `hash()` raises RecursionError.
    static let maximumDepth = 1000

    @usableFromInline
    static func slowHash(_ value: Value, depth: Int) throws(ExecutionError) -> Int {
        switch value {
        case .int, .bool, .bigInt, .float: return numeric(value)
        case .str(let s): return string(s)
        case .none: return noneHash
        case .ellipsis: return ellipsisHash
        case .tuple(let t): return try tuple(t.items, depth: depth)
        case .set(let s):
            if s.isFrozen { return s.frozenHash() }
            throw .exception(.unhashable(value))
        case .range(let r):
            // CPython hashes (len, start, step), with None for what a short range leaves out.
            let length = r.count
            let parts: [Value] = switch length {
            case 0: [.int(0), .none, .none]
            case 1: [.int(1), .int(r.start), .none]
            default: [.int(length), .int(r.start), .int(r.step)]
            }
            return try tuple(parts, depth: depth)
        case .list, .dict, .slice: throw .exception(.unhashable(value))
        case .type(let t): return string(PyString(t.name)) ^ 0x5EED
        case .function(let f): return identity(f)
        case .builtin(let f): return identity(f)
        case .method(let m): return identity(m)
        case .exception(let e): return identity(e)
        case .iterator(let i): return identity(i)
        case .module(let m): return identity(m)
        case .host(let h): return identity(h)
        case .unavailable(let u): throw .exception(u.error)
        case .unbound: return 0
        }
    }

    /// CPython's tuple hash (xxHash-style lanes, 3.8+).
    static func tuple(_ items: [Value], depth: Int) throws(ExecutionError) -> Int {
        if depth > maximumDepth {
            throw .exception(PyException(.recursionError, "maximum recursion depth exceeded while calling a Python object"))
        }
        let prime1: UInt64 = 11_400_714_785_074_694_791
        let prime2: UInt64 = 14_029_467_366_897_019_727
        let prime5: UInt64 = 2_870_177_450_012_600_261
        var acc = prime5
        for item in items {
            let lane: Int
            switch item {
            case .int(let i) where i > -modulus && i < modulus: lane = i == -1 ? -2 : i
            case .str(let s): lane = string(s)
            default: lane = try slowHash(item, depth: depth + 1)
            }
            acc = acc &+ UInt64(bitPattern: Int64(lane)) &* prime2
            acc = (acc &<< 31) | (acc >> 33)
            acc = acc &* prime1
        }
        acc = acc &+ (UInt64(items.count) ^ (prime5 ^ 3_527_539))
        if acc == UInt64.max { return 1_546_275_796 }
        return Int(Int64(bitPattern: acc))
    }

    /// Hash of an object compared by identity, like CPython's pointer hash (address rotated by 4 bits).
    static func identity(_ object: AnyObject) -> Int {
        let address = UInt(bitPattern: ObjectIdentifier(object))
        let rotated = (address >> 4) | (address << (UInt(UInt.bitWidth) - 4))
        let result = Int(bitPattern: rotated)
        return result == -1 ? -2 : result
    }
}
