/// Substring search on UTF-8 bytes. A valid UTF-8 needle can only match a valid UTF-8 haystack at a
/// character boundary, so byte offsets convert back to code points exactly.
enum StrSearch {
    /// Needles longer than this are searched in linear time (Knuth-Morris-Pratt); shorter ones by direct
    /// comparison, which costs at most this many byte comparisons per position and is faster in practice.
    /// The trap: direct comparison alone is O(n·m), so `('a' * 5000 + 'b') in 'a' * 2000000` took seconds
    /// inside one native call, where neither the step nor the time limit can stop it.
    static let directComparisonLimit = 16

    /// Byte offset of the first occurrence of `needle` in `haystack[from..<to]`.
    static func firstByteOffset(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                                from: Int, to: Int) -> Int? {
        let m = needle.count
        if m == 0 { return from <= to ? from : nil }
        if to - from < m { return nil }
        if m > directComparisonLimit { return firstByteOffsetLinear(needle, in: haystack, from: from, to: to) }
        let first = needle[0]
        var i = from
        let last = to - m
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < m && haystack[i + k] == needle[k] { k += 1 }
                if k == m { return i }
            }
            i += 1
        }
        return nil
    }

    /// Byte offset of the last occurrence of `needle` in `haystack[from..<to]`.
    static func lastByteOffset(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                               from: Int, to: Int) -> Int? {
        let m = needle.count
        if m == 0 { return from <= to ? to : nil }
        if to - from < m { return nil }
        if m > directComparisonLimit { return lastByteOffsetLinear(needle, in: haystack, from: from, to: to) }
        let first = needle[0]
        var i = to - m
        while i >= from {
            if haystack[i] == first {
                var k = 1
                while k < m && haystack[i + k] == needle[k] { k += 1 }
                if k == m { return i }
            }
            i -= 1
        }
        return nil
    }

    /// For each prefix of the pattern `byte(0..<m)`, the length of its longest proper prefix that is also
    /// its suffix (the Knuth-Morris-Pratt failure function).
    private static func failureLengths(count m: Int, _ byte: (Int) -> UInt8) -> [Int] {
        var lengths = [Int](repeating: 0, count: m)
        var k = 0
        for i in 1..<max(m, 1) {
            while k > 0 && byte(i) != byte(k) { k = lengths[k - 1] }
            if byte(i) == byte(k) { k += 1 }
            lengths[i] = k
        }
        return lengths
    }

    /// `firstByteOffset` in O(n + m) for any needle.
    static func firstByteOffsetLinear(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                                      from: Int, to: Int) -> Int? {
        let m = needle.count
        let lengths = failureLengths(count: m) { needle[$0] }
        var k = 0
        var i = from
        while i < to {
            let byte = haystack[i]
            while k > 0 && needle[k] != byte { k = lengths[k - 1] }
            if needle[k] == byte { k += 1 }
            if k == m { return i - m + 1 }
            i += 1
        }
        return nil
    }

    /// `lastByteOffset` in O(n + m): the same automaton over the reversed needle, scanning right to left.
    static func lastByteOffsetLinear(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                                     from: Int, to: Int) -> Int? {
        let m = needle.count
        let lengths = failureLengths(count: m) { needle[m - 1 - $0] }
        var k = 0
        var i = to - 1
        while i >= from {
            let byte = haystack[i]
            while k > 0 && needle[m - 1 - k] != byte { k = lengths[k - 1] }
            if needle[m - 1 - k] == byte { k += 1 }
            if k == m { return i }
            i -= 1
        }
        return nil
    }

    /// Code-point index of the first occurrence of `needle` within code points `from..<to` of `haystack`.
    static func find(_ needle: PyString, in haystack: PyString, from: Int, to: Int) -> Int? {
        let byteFrom = haystack.utf8Offset(ofCodePoint: from)
        let byteTo = haystack.utf8Offset(ofCodePoint: to)
        let offset = haystack.bytes { h in
            needle.bytes { n in firstByteOffset(n, in: h, from: byteFrom, to: byteTo) }
        }
        return offset.map { haystack.codePointOffset(ofUTF8: $0) }
    }

    /// Code-point index of the last occurrence of `needle` within code points `from..<to` of `haystack`.
    static func rfind(_ needle: PyString, in haystack: PyString, from: Int, to: Int) -> Int? {
        let byteFrom = haystack.utf8Offset(ofCodePoint: from)
        let byteTo = haystack.utf8Offset(ofCodePoint: to)
        let offset = haystack.bytes { h in
            needle.bytes { n in lastByteOffset(n, in: h, from: byteFrom, to: byteTo) }
        }
        return offset.map { haystack.codePointOffset(ofUTF8: $0) }
    }

    /// Byte offsets of up to `limit` non-overlapping occurrences of a non-empty `needle`, left to right.
    static func occurrences(_ needle: PyString, in haystack: PyString, byteFrom: Int = 0, byteTo: Int? = nil,
                            limit: Int = Int.max) -> [Int] {
        haystack.bytes { h in
            needle.bytes { n in
                var found: [Int] = []
                var i = byteFrom
                let end = byteTo ?? h.count
                while found.count < limit, let at = firstByteOffset(n, in: h, from: i, to: end) {
                    found.append(at)
                    i = at + n.count
                }
                return found
            }
        }
    }

    /// Byte offsets of up to `limit` non-overlapping occurrences, scanning right to left (in that order).
    static func occurrencesFromRight(_ needle: PyString, in haystack: PyString, limit: Int = Int.max) -> [Int] {
        haystack.bytes { h in
            needle.bytes { n in
                var found: [Int] = []
                var end = h.count
                while found.count < limit, let at = lastByteOffset(n, in: h, from: 0, to: end) {
                    found.append(at)
                    end = at
                }
                return found
            }
        }
    }
}

extension PyString {
    /// Runs `body` over the UTF-8 bytes (no copy for native strings).
    @inline(__always)
    func bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = value
        return text.withUTF8(body)
    }

    /// A string from a range of this string's UTF-8 bytes (on character boundaries).
    func substring(bytes range: Range<Int>) -> String {
        bytes { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}
