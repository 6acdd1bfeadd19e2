/// CPython 3.11's `list.sort`: timsort with binary insertion, galloping merges and the powersort
/// merge policy, comparing with `<` only.
///
/// Reproducing the algorithm (not just stability) matters because Python can observe it: which pair
/// is compared first decides the TypeError message for unorderable elements (`'<' not supported
/// between instances of 'str' and 'int'`), and inconsistent orders (NaN) give algorithm-specific
/// results. The trap: a failed comparison leaves the elements in the partly merged order, as CPython does.
public enum ListSort {
    static let minGallop = 7

    /// Sorts `items` in place by `keys` (nil: by the items themselves), stable; `reverse` as `list.sort`.
    public static func sort(_ items: inout [Value], keys: [Value]? = nil, reverse: Bool) throws(ExecutionError) {
        try sort(&items, keys: keys, reverse: reverse, order: PythonOrder())
    }

    /// The same algorithm with another `<` (tests use it to record the comparisons made).
    public static func sort<Order: SortOrder>(_ items: inout [Value], keys: [Value]? = nil, reverse: Bool,
                                              order: Order) throws(ExecutionError) {
        let n = items.count
        if n < 2 { return }
        var keyArray = keys ?? []
        if reverse {
            items.reverse()
            if keys != nil { keyArray.reverse() }
        }
        var failure: ExecutionError?
        items.withUnsafeMutableBufferPointer { itemBuffer in
            if keys != nil {
                keyArray.withUnsafeMutableBufferPointer { keyBuffer in
                    failure = run(keys: keyBuffer.baseAddress!, values: itemBuffer.baseAddress!, count: n, order)
                }
            } else {
                failure = run(keys: itemBuffer.baseAddress!, values: nil, count: n, order)
            }
        }
        if reverse { items.reverse() }
        if let failure { throw failure }
    }


    private static func run<Order: SortOrder>(keys: UnsafeMutablePointer<Value>, values: UnsafeMutablePointer<Value>?, count n: Int,
                                              _ order: Order) -> ExecutionError? {
        var state = MergeState(base: keys, listLength: n, hasValues: values != nil, order: order)
        defer { state.release() }
        do throws(ExecutionError) {
            var lo = SortSlice(keys: keys, values: values)
            var remaining = n
            let minRun = computeMinRun(n)
            repeat {
                var (runLength, descending) = try countRun(lo.keys, lo.keys + remaining, order)
                if descending { lo.reverse(runLength) }
                if runLength < minRun {
                    let force = remaining <= minRun ? remaining : minRun
                    try binarySort(lo, hi: lo.keys + force, start: lo.keys + runLength, order)
                    runLength = force
                }
                try state.foundNewRun(runLength)
                state.push(base: lo, length: runLength)
                lo.advance(runLength)
                remaining -= runLength
            } while remaining > 0
            try state.forceCollapse()
            return nil
        } catch {
            return error
        }
    }

    static func computeMinRun(_ count: Int) -> Int {
        var n = count
        var r = 0
        while n >= 64 {
            r |= n & 1
            n >>= 1
        }
        return n + r
    }

    /// Length of the run starting at `lo`, and whether it is strictly descending.
    static func countRun<Order: SortOrder>(_ lo: UnsafeMutablePointer<Value>, _ hi: UnsafeMutablePointer<Value>, _ order: Order) throws(ExecutionError) -> (Int, Bool) {
        var p = lo + 1
        if p == hi { return (1, false) }
        var n = 2
        if try order.less(p[0], p[-1]) {
            p += 1
            while p < hi {
                if !(try order.less(p[0], p[-1])) { break }
                p += 1
                n += 1
            }
            return (n, true)
        }
        p += 1
        while p < hi {
            if try order.less(p[0], p[-1]) { break }
            p += 1
            n += 1
        }
        return (n, false)
    }

    /// Binary insertion sort of `[lo, hi)` where `[lo, start)` is already sorted.
    static func binarySort<Order: SortOrder>(_ lo: SortSlice, hi: UnsafeMutablePointer<Value>, start initial: UnsafeMutablePointer<Value>,
                                            _ order: Order) throws(ExecutionError) {
        var start = initial
        if lo.keys == start { start += 1 }
        while start < hi {
            var l = lo.keys
            var r = start
            let pivot = r.pointee
            repeat {
                let p = l + ((r - l) >> 1)
                if try order.less(pivot, p.pointee) { r = p } else { l = p + 1 }
            } while l < r
            var p = start
            while p > l {
                p.pointee = (p - 1).pointee
                p -= 1
            }
            l.pointee = pivot
            if let values = lo.values {
                let offset = start - lo.keys
                let target = l - lo.keys
                let pivotValue = values[offset]
                var q = offset
                while q > target {
                    values[q] = values[q - 1]
                    q -= 1
                }
                values[target] = pivotValue
            }
            start += 1
        }
    }

    /// Where `key` belongs in sorted `a[0..<n]`, left of any equal elements, starting near `hint`.
    static func gallopLeft<Order: SortOrder>(_ key: Value, _ a: UnsafeMutablePointer<Value>, _ n: Int, _ hint: Int, _ order: Order) throws(ExecutionError) -> Int {
        let h = a + hint
        var lastOffset = 0
        var offset = 1
        if try order.less(h.pointee, key) {
            let maxOffset = n - hint
            while offset < maxOffset {
                if try order.less(h[offset], key) {
                    lastOffset = offset
                    offset = (offset << 1) + 1
                } else {
                    break
                }
            }
            if offset > maxOffset { offset = maxOffset }
            lastOffset += hint
            offset += hint
        } else {
            let maxOffset = hint + 1
            while offset < maxOffset {
                if try order.less(h[-offset], key) { break }
                lastOffset = offset
                offset = (offset << 1) + 1
            }
            if offset > maxOffset { offset = maxOffset }
            let k = lastOffset
            lastOffset = hint - offset
            offset = hint - k
        }
        lastOffset += 1
        while lastOffset < offset {
            let m = lastOffset + ((offset - lastOffset) >> 1)
            if try order.less(a[m], key) { lastOffset = m + 1 } else { offset = m }
        }
        return offset
    }

    /// Where `key` belongs in sorted `a[0..<n]`, right of any equal elements, starting near `hint`.
    static func gallopRight<Order: SortOrder>(_ key: Value, _ a: UnsafeMutablePointer<Value>, _ n: Int, _ hint: Int, _ order: Order) throws(ExecutionError) -> Int {
        let h = a + hint
        var lastOffset = 0
        var offset = 1
        if try order.less(key, h.pointee) {
            let maxOffset = hint + 1
            while offset < maxOffset {
                if try order.less(key, h[-offset]) {
                    lastOffset = offset
                    offset = (offset << 1) + 1
                } else {
                    break
                }
            }
            if offset > maxOffset { offset = maxOffset }
            let k = lastOffset
            lastOffset = hint - offset
            offset = hint - k
        } else {
            let maxOffset = n - hint
            while offset < maxOffset {
                if try order.less(key, h[offset]) { break }
                lastOffset = offset
                offset = (offset << 1) + 1
            }
            if offset > maxOffset { offset = maxOffset }
            lastOffset += hint
            offset += hint
        }
        lastOffset += 1
        while lastOffset < offset {
            let m = lastOffset + ((offset - lastOffset) >> 1)
            if try order.less(key, a[m]) { offset = m } else { lastOffset = m + 1 }
        }
        return offset
    }
}

/// A position in the keys array and, when sorting by key, the same position in the values array.
struct SortSlice {
    var keys: UnsafeMutablePointer<Value>
    var values: UnsafeMutablePointer<Value>?

    mutating func advance(_ n: Int) {
        keys += n
        if let v = values { values = v + n }
    }

    /// Reverses the first `n` elements (a descending run).
    func reverse(_ n: Int) {
        var lo = 0
        var hi = n - 1
        while lo < hi {
            swap(&keys[lo], &keys[hi])
            if let v = values { swap(&v[lo], &v[hi]) }
            lo += 1
            hi -= 1
        }
    }

    /// `self[i] = source[j]`.
    func set(_ i: Int, from source: SortSlice, _ j: Int) {
        keys[i] = source.keys[j]
        if let v = values, let s = source.values { v[i] = s[j] }
    }

    /// Copies `n` elements `source[j...]` to `self[i...]`, safe for overlapping ranges.
    func move(_ i: Int, from source: SortSlice, _ j: Int, count n: Int) {
        if n <= 0 { return }
        if keys + i < source.keys + j {
            for k in 0..<n { set(i + k, from: source, j + k) }
        } else {
            for k in stride(from: n - 1, through: 0, by: -1) { set(i + k, from: source, j + k) }
        }
    }
}

/// The pending runs and the merge scratch space of one sort.
struct MergeState<Order: SortOrder> {
    struct Run {
        var base: SortSlice
        var length: Int
        var power: Int
    }

    let base: UnsafeMutablePointer<Value>
    let listLength: Int
    let hasValues: Bool
    let order: Order
    var minGallop = ListSort.minGallop
    var pending: [Run] = []
    var scratchKeys: UnsafeMutablePointer<Value>
    var scratchValues: UnsafeMutablePointer<Value>?
    var scratchCapacity: Int

    init(base: UnsafeMutablePointer<Value>, listLength: Int, hasValues: Bool, order: Order) {
        self.order = order
        self.base = base
        self.listLength = listLength
        self.hasValues = hasValues
        scratchCapacity = listLength / 2 + 1
        scratchKeys = .allocate(capacity: scratchCapacity)
        scratchKeys.initialize(repeating: .none, count: scratchCapacity)
        if hasValues {
            let v = UnsafeMutablePointer<Value>.allocate(capacity: scratchCapacity)
            v.initialize(repeating: .none, count: scratchCapacity)
            scratchValues = v
        }
    }

    func release() {
        scratchKeys.deinitialize(count: scratchCapacity)
        scratchKeys.deallocate()
        if let v = scratchValues {
            v.deinitialize(count: scratchCapacity)
            v.deallocate()
        }
    }

    var scratch: SortSlice { SortSlice(keys: scratchKeys, values: scratchValues) }

    mutating func push(base: SortSlice, length: Int) {
        pending.append(Run(base: base, length: length, power: 0))
    }

    /// Powersort: merge while the run below the top has a larger power than the new boundary.
    mutating func foundNewRun(_ n2: Int) throws(ExecutionError) {
        guard let top = pending.last else { return }
        let s1 = top.base.keys - base
        let power = MergeState.powerLoop(s1, top.length, n2, listLength)
        while pending.count > 1 && pending[pending.count - 2].power > power {
            try mergeAt(pending.count - 2)
        }
        pending[pending.count - 1].power = power
    }

    static func powerLoop(_ s1: Int, _ n1: Int, _ n2: Int, _ n: Int) -> Int {
        var result = 0
        var a = 2 * s1 + n1
        var b = a + n1 + n2
        while true {
            result += 1
            if a >= n {
                a -= n
                b -= n
            } else if b >= n {
                break
            }
            a <<= 1
            b <<= 1
        }
        return result
    }

    mutating func forceCollapse() throws(ExecutionError) {
        while pending.count > 1 {
            var n = pending.count - 2
            if n > 0 && pending[n - 1].length < pending[n + 1].length { n -= 1 }
            try mergeAt(n)
        }
    }

    mutating func mergeAt(_ i: Int) throws(ExecutionError) {
        var a = pending[i].base
        var na = pending[i].length
        let b = pending[i + 1].base
        var nb = pending[i + 1].length
        pending[i].length = na + nb
        pending.remove(at: i + 1)

        let k = try ListSort.gallopRight(b.keys.pointee, a.keys, na, 0, order)
        a.advance(k)
        na -= k
        if na == 0 { return }
        nb = try ListSort.gallopLeft(a.keys[na - 1], b.keys, nb, nb - 1, order)
        if nb <= 0 { return }
        if na <= nb {
            try mergeLow(a, na, b, nb)
        } else {
            try mergeHigh(a, na, b, nb)
        }
    }

    /// Merges adjacent runs with `na <= nb`, copying the first run to scratch space.
    mutating func mergeLow(_ ssaIn: SortSlice, _ naIn: Int, _ ssbIn: SortSlice, _ nbIn: Int) throws(ExecutionError) {
        var na = naIn
        var nb = nbIn
        var ssb = ssbIn
        var dest = ssaIn
        scratch.move(0, from: ssaIn, 0, count: na)
        var ssa = scratch

        func copyIncr(_ dest: inout SortSlice, _ source: inout SortSlice) {
            dest.set(0, from: source, 0)
            dest.advance(1)
            source.advance(1)
        }

        var failure: ExecutionError?
        copyIncr(&dest, &ssb)
        nb -= 1
        merging: do {
            if nb == 0 { break merging }
            if na == 1 {
                dest.move(0, from: ssb, 0, count: nb)
                dest.set(nb, from: ssa, 0)
                return
            }
            var gallop = minGallop
            outer: while true {
                var aCount = 0
                var bCount = 0
                do throws(ExecutionError) {
                    while true {
                        if try order.less(ssb.keys.pointee, ssa.keys.pointee) {
                            copyIncr(&dest, &ssb)
                            bCount += 1
                            aCount = 0
                            nb -= 1
                            if nb == 0 { break outer }
                            if bCount >= gallop { break }
                        } else {
                            copyIncr(&dest, &ssa)
                            aCount += 1
                            bCount = 0
                            na -= 1
                            if na == 1 {
                                dest.move(0, from: ssb, 0, count: nb)
                                dest.set(nb, from: ssa, 0)
                                return
                            }
                            if aCount >= gallop { break }
                        }
                    }
                    gallop += 1
                    repeat {
                        gallop -= gallop > 1 ? 1 : 0
                        minGallop = gallop
                        var k = try ListSort.gallopRight(ssb.keys.pointee, ssa.keys, na, 0, order)
                        aCount = k
                        if k > 0 {
                            dest.move(0, from: ssa, 0, count: k)
                            dest.advance(k)
                            ssa.advance(k)
                            na -= k
                            if na == 1 {
                                dest.move(0, from: ssb, 0, count: nb)
                                dest.set(nb, from: ssa, 0)
                                return
                            }
                            if na == 0 { break outer }
                        }
                        copyIncr(&dest, &ssb)
                        nb -= 1
                        if nb == 0 { break outer }
                        k = try ListSort.gallopLeft(ssa.keys.pointee, ssb.keys, nb, 0, order)
                        bCount = k
                        if k > 0 {
                            dest.move(0, from: ssb, 0, count: k)
                            dest.advance(k)
                            ssb.advance(k)
                            nb -= k
                            if nb == 0 { break outer }
                        }
                        copyIncr(&dest, &ssa)
                        na -= 1
                        if na == 1 {
                            dest.move(0, from: ssb, 0, count: nb)
                            dest.set(nb, from: ssa, 0)
                            return
                        }
                    } while aCount >= ListSort.minGallop || bCount >= ListSort.minGallop
                    gallop += 1
                    minGallop = gallop
                } catch {
                    failure = error
                    break outer
                }
            }
        }
        if na > 0 { dest.move(0, from: ssa, 0, count: na) }
        if let failure { throw failure }
    }

    /// Merges adjacent runs with `na > nb`, copying the second run to scratch space and merging from the right.
    mutating func mergeHigh(_ ssaIn: SortSlice, _ naIn: Int, _ ssbIn: SortSlice, _ nbIn: Int) throws(ExecutionError) {
        var na = naIn
        var nb = nbIn
        var dest = ssbIn
        dest.advance(nb - 1)
        scratch.move(0, from: ssbIn, 0, count: nb)
        let baseA = ssaIn
        let baseB = scratch
        var ssb = scratch
        ssb.advance(nb - 1)
        var ssa = ssaIn
        ssa.advance(na - 1)

        func copyDecr(_ dest: inout SortSlice, _ source: inout SortSlice) {
            dest.set(0, from: source, 0)
            dest.advance(-1)
            source.advance(-1)
        }
        func copyA(_ dest: inout SortSlice, _ ssa: inout SortSlice, _ ssb: SortSlice, _ na: Int) {
            dest.move(1 - na, from: ssa, 1 - na, count: na)
            dest.advance(-na)
            ssa.advance(-na)
            dest.set(0, from: ssb, 0)
        }

        var failure: ExecutionError?
        copyDecr(&dest, &ssa)
        na -= 1
        merging: do {
            if na == 0 { break merging }
            if nb == 1 {
                copyA(&dest, &ssa, ssb, na)
                return
            }
            var gallop = minGallop
            outer: while true {
                var aCount = 0
                var bCount = 0
                do throws(ExecutionError) {
                    while true {
                        if try order.less(ssb.keys.pointee, ssa.keys.pointee) {
                            copyDecr(&dest, &ssa)
                            aCount += 1
                            bCount = 0
                            na -= 1
                            if na == 0 { break outer }
                            if aCount >= gallop { break }
                        } else {
                            copyDecr(&dest, &ssb)
                            bCount += 1
                            aCount = 0
                            nb -= 1
                            if nb == 1 {
                                copyA(&dest, &ssa, ssb, na)
                                return
                            }
                            if bCount >= gallop { break }
                        }
                    }
                    gallop += 1
                    repeat {
                        gallop -= gallop > 1 ? 1 : 0
                        minGallop = gallop
                        var k = try ListSort.gallopRight(ssb.keys.pointee, baseA.keys, na, na - 1, order)
                        k = na - k
                        aCount = k
                        if k > 0 {
                            dest.advance(-k)
                            ssa.advance(-k)
                            dest.move(1, from: ssa, 1, count: k)
                            na -= k
                            if na == 0 { break outer }
                        }
                        copyDecr(&dest, &ssb)
                        nb -= 1
                        if nb == 1 {
                            copyA(&dest, &ssa, ssb, na)
                            return
                        }
                        k = try ListSort.gallopLeft(ssa.keys.pointee, baseB.keys, nb, nb - 1, order)
                        k = nb - k
                        bCount = k
                        if k > 0 {
                            dest.advance(-k)
                            ssb.advance(-k)
                            dest.move(1, from: ssb, 1, count: k)
                            nb -= k
                            if nb == 1 {
                                copyA(&dest, &ssa, ssb, na)
                                return
                            }
                            if nb == 0 { break outer }
                        }
                        copyDecr(&dest, &ssa)
                        na -= 1
                        if na == 0 { break outer }
                    } while aCount >= ListSort.minGallop || bCount >= ListSort.minGallop
                    gallop += 1
                    minGallop = gallop
                } catch {
                    failure = error
                    break outer
                }
            }
        }
        if nb > 0 { dest.move(-(nb - 1), from: baseB, 0, count: nb) }
        if let failure { throw failure }
    }
}

/// The `<` a sort uses.
public protocol SortOrder {
    func less(_ a: Value, _ b: Value) throws(ExecutionError) -> Bool
}

/// Python's `<`, with the common same-type cases inlined.
public struct PythonOrder: SortOrder {
    public init() {}

    @inline(__always)
    public func less(_ a: Value, _ b: Value) throws(ExecutionError) -> Bool {
        switch (a, b) {
        case let (.int(x), .int(y)): return x < y
        case let (.float(x), .float(y)): return x < y
        case let (.str(x), .str(y)): return x.isLess(than: y)
        default: return try Operators.compare(.less, a, b)
        }
    }
}
