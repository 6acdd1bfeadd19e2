/// Code-point indexing and slicing of str, with an ASCII fast path over the UTF-8 bytes.
extension PyString {
    /// The character at code-point position `index` (already within `0..<count`).
    func character(at index: Int) -> PyString {
        if isASCII {
            let byte = value.utf8[value.utf8.index(value.utf8.startIndex, offsetBy: index)]
            return PyString(String(UnicodeScalar(byte)))
        }
        return PyString(String(scalars[index]))
    }

    /// Code points `range` as a new string.
    func substring(_ range: Range<Int>) -> String {
        if range.isEmpty { return "" }
        if range.count == count { return value }
        if isASCII {
            let utf8 = value.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let upper = utf8.index(lower, offsetBy: range.count)
            return String(value[lower..<upper])
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[range])
        return String(out)
    }

    /// The code points a slice selects.
    func slice(_ b: SliceBounds) -> String {
        if b.step == 1 { return substring(b.start..<(b.start + b.count)) }
        if b.count == 0 { return "" }
        if isASCII {
            var bytes = [UInt8]()
            bytes.reserveCapacity(b.count)
            var text = value
            text.withUTF8 { buffer in
                for i in 0..<b.count { bytes.append(buffer[b.position(i)]) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let all = scalars
        var out = String.UnicodeScalarView()
        for i in 0..<b.count { out.append(all[b.position(i)]) }
        return String(out)
    }

    /// Code-point offset of a UTF-8 offset (for converting search results).
    func codePointOffset(ofUTF8 offset: Int) -> Int {
        if isASCII { return offset }
        var n = 0
        var i = 0
        for byte in value.utf8 {
            if i == offset { break }
            if byte & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }

    /// UTF-8 offset of a code-point offset in `0...count`.
    func utf8Offset(ofCodePoint position: Int) -> Int {
        if isASCII { return position }
        if position >= count { return value.utf8.count }
        var n = 0
        var i = 0
        for byte in value.utf8 {
            if byte & 0xC0 != 0x80 {
                if n == position { return i }
                n += 1
            }
            i += 1
        }
        return i
    }
}
