/// A Python `str`: an immutable sequence of Unicode scalars (code points).
///
/// Python indexes by code point while Swift's `String` indexes by grapheme cluster, so all indexing goes
/// through `scalars` (built lazily, only for non-ASCII text). The trap: never compare or hash `value`
/// with Swift's `==`/`<`/`hashValue` — they apply Unicode canonical equivalence; Python compares code points.
public final class PyString {
    public let value: String
    private var cachedCount: Int = -1
    private var cachedScalars: [Unicode.Scalar]?
    var cachedHash: Int?

    public init(_ value: String) {
        self.value = value
    }

    /// `len(s)`: the number of code points.
    public var count: Int {
        if cachedCount < 0 {
            var n = 0
            for byte in value.utf8 where byte & 0xC0 != 0x80 { n += 1 }
            cachedCount = n
        }
        return cachedCount
    }

    /// True when every code point is ASCII, so UTF-8 offsets equal code-point offsets.
    public var isASCII: Bool { count == value.utf8.count }

    /// The code points, for random access. Built once per string.
    public var scalars: [Unicode.Scalar] {
        if let s = cachedScalars { return s }
        let s = Array(value.unicodeScalars)
        cachedScalars = s
        return s
    }

    /// Computes every lazily cached property now. Strings shared between runs on several threads
    /// (compiled constants) must be prepared before they are shared, so no run writes to them later.
    func prepareForSharing() {
        _ = count
        if !isASCII { _ = scalars }
        _ = PythonHash.string(self)
    }

    /// Code-point equality (Python's `==` on str).
    public func equals(_ other: PyString) -> Bool {
        self === other || value.utf8.elementsEqual(other.value.utf8)
    }

    /// Code-point ordering (Python's `<` on str); UTF-8 byte order equals code-point order.
    public func isLess(than other: PyString) -> Bool {
        value.utf8.lexicographicallyPrecedes(other.value.utf8)
    }
}
