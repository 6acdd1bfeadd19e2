/// Checks source bytes for well-formed UTF-8 before lexing, since the lexer trusts its input.
enum UTF8Validation {
    /// The diagnostic for the first ill-formed sequence, or nil if `bytes` is valid UTF-8.
    static func firstError(in bytes: UnsafeBufferPointer<UInt8>) -> Diagnostic? {
        var offset = 0
        let count = bytes.count
        while offset < count {
            let lead = bytes[offset]
            if lead < 0x80 {
                offset += 1
                continue
            }
            let length: Int
            var minimum: UInt8 = 0x80
            var maximum: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minimum = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maximum = 0x9F
            case 0xF0: length = 4; minimum = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maximum = 0x8F
            default: return error(at: offset, lead, "invalid start byte", in: bytes)
            }
            for index in 1..<length {
                guard offset + index < count else {
                    return error(at: offset, lead, "unexpected end of data", in: bytes)
                }
                let continuation = bytes[offset + index]
                let low = index == 1 ? minimum : 0x80
                let high = index == 1 ? maximum : 0xBF
                guard continuation >= low && continuation <= high else {
                    return error(at: offset, lead, "invalid continuation byte", in: bytes)
                }
            }
            offset += length
        }
        return nil
    }

    private static func error(at offset: Int, _ byte: UInt8, _ reason: String,
                              in bytes: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        let location = location(of: offset, in: bytes)
        return .invalidUTF8(byte, reason: reason,
                            SourceRange(start: location, end: SourceLocation(line: location.line,
                                                                             column: location.column + 1)))
    }

    /// Line and column (counting scalars, treating any non-continuation byte as one) of byte `offset`.
    static func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var line: Int32 = 1
        var column: Int32 = 1
        var index = 0
        while index < offset {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != UInt8(ascii: "\r") {
                column += 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }
}
