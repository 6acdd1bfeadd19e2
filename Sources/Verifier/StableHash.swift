/// FNV-1a, 64-bit: a hash that is the same in every process and on every machine.
///
/// Swift's `Hasher` is seeded per process, so it cannot name clusters, shard questions or fingerprint
/// inputs that must agree across runs. Not cryptographic: collisions are possible, merely unlikely.
enum StableHash {
    static func fnv1a64<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func fnv1a64(_ text: String) -> UInt64 {
        text.utf8.withContiguousStorageIfAvailable { fnv1a64($0) } ?? fnv1a64(text.utf8)
    }

    /// Sixteen lower-case hex digits of the hash of `text`.
    static func hex(_ text: String) -> String {
        hex(fnv1a64(text))
    }

    /// Sixteen lower-case hex digits of `hash`.
    static func hex(_ hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
