/// SipHash-1-3 with a zero key, the function CPython 3.11 hashes str and bytes with when
/// `PYTHONHASHSEED=0` (one compression round per 8-byte block, three finalization rounds).
///
/// The trap: CPython's variant returns `v0 ^ v1 ^ v2 ^ v3` reinterpreted as a signed `Py_hash_t`;
/// callers map -1 to -2 as CPython does.
enum SipHash13 {
    static func hash(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { hash($0) }
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var v0: UInt64 = 0x736f_6d65_7073_6575
        var v1: UInt64 = 0x646f_7261_6e64_6f6d
        var v2: UInt64 = 0x6c79_6765_6e65_7261
        var v3: UInt64 = 0x7465_6462_7974_6573

        @inline(__always) func round() {
            v0 &+= v1; v2 &+= v3
            v1 = v1.rotatedLeft(13) ^ v0
            v3 = v3.rotatedLeft(16) ^ v2
            v0 = v0.rotatedLeft(32)
            v2 &+= v1; v0 &+= v3
            v1 = v1.rotatedLeft(17) ^ v2
            v3 = v3.rotatedLeft(21) ^ v0
            v2 = v2.rotatedLeft(32)
        }

        let count = bytes.count
        var offset = 0
        while count - offset >= 8 {
            let block = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            v3 ^= block
            round()
            v0 ^= block
            offset += 8
        }
        var last = UInt64(truncatingIfNeeded: count) << 56
        var shift: UInt64 = 0
        while offset < count {
            last |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        v3 ^= last
        round()
        v0 ^= last
        v2 ^= 0xff
        round()
        round()
        round()
        return Int(Int64(bitPattern: (v0 ^ v1) ^ (v2 ^ v3)))
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotatedLeft(_ bits: UInt64) -> UInt64 {
        (self << bits) | (self >> (64 - bits))
    }
}
