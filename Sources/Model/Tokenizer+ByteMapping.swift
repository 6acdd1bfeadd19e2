/// GPT-2's reversible byte <-> Unicode mapping: every byte gets a printable scalar so that
/// vocabulary entries are plain strings ("Ġ" is the space byte, "Ċ" the newline byte).
/// Printable Latin-1 bytes map to themselves; the other 68 bytes map to U+0100 upward, in byte order.
enum ByteLevelMapping {
    /// `scalarForByte[b]` is the scalar that stands for byte `b` in vocabulary strings.
    static let scalarForByte: [Unicode.Scalar] = {
        var table = [Unicode.Scalar](repeating: "\0", count: 256)
        var nextShifted: UInt32 = 256
        for byte in 0..<256 {
            if isPrintedAsItself(UInt8(byte)) {
                table[byte] = Unicode.Scalar(UInt8(byte))
            } else {
                table[byte] = Unicode.Scalar(nextShifted)!
                nextShifted += 1
            }
        }
        return table
    }()

    /// Inverse of `scalarForByte`, keyed by scalar value.
    static let byteForScalar: [UInt32: UInt8] = {
        var inverse: [UInt32: UInt8] = [:]
        for (byte, scalar) in scalarForByte.enumerated() { inverse[scalar.value] = UInt8(byte) }
        return inverse
    }()

    private static func isPrintedAsItself(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte)
    }

    /// The raw bytes a vocabulary string stands for, or nil when it holds a scalar outside the mapping
    /// (an added token written in plain text, such as one containing a real space, or a broken vocabulary).
    static func bytes(ofVocabularyString string: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.unicodeScalars.count)
        for scalar in string.unicodeScalars {
            guard let byte = byteForScalar[scalar.value] else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// The vocabulary string that stands for `bytes`.
    static func vocabularyString(ofBytes bytes: some Sequence<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(scalarForByte[Int(byte)]) }
        return String(scalars)
    }
}
