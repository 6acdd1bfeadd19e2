/// A reproducible pseudo-random source: xoshiro256** seeded through SplitMix64.
///
/// Every draw is computed here, never by the standard library's `random(in:using:)`, whose algorithm
/// may change between Swift releases: the same seed must give the same programs on every toolchain.
public struct SeededRandom: Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Expands `seed` into the four state words with SplitMix64, as the xoshiro authors recommend
    /// (a zero state would stay zero forever).
    public init(seed: UInt64) {
        var mixer = seed
        func splitMix() -> UInt64 {
            mixer &+= 0x9E37_79B9_7F4A_7C15
            var z = mixer
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform integer in `range` (Lemire's multiply-and-reject, so there is no modulo bias).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }
        var product = next().multipliedFullWidth(by: span)
        if product.low < span {
            let threshold = (0 &- span) % span
            while product.low < threshold { product = next().multipliedFullWidth(by: span) }
        }
        return range.lowerBound &+ Int(truncatingIfNeeded: product.high)
    }

    /// A uniform integer in `range`; the range must not be empty.
    public mutating func int(in range: Range<Int>) -> Int {
        precondition(!range.isEmpty, "cannot draw from an empty range")
        return int(in: range.lowerBound...(range.upperBound - 1))
    }

    /// True with probability `probability` (0...1).
    public mutating func chance(_ probability: Double) -> Bool {
        unitInterval() < probability
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func unitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniformly chosen element; the collection must not be empty.
    public mutating func pick<C: RandomAccessCollection>(_ elements: C) -> C.Element where C.Index == Int {
        precondition(!elements.isEmpty, "cannot pick from an empty collection")
        return elements[elements.startIndex + int(in: 0..<elements.count)]
    }

    /// An element chosen with probability proportional to its weight; weights must not all be zero.
    public mutating func weighted<T>(_ choices: [(weight: Int, value: T)]) -> T {
        let total = choices.reduce(0) { $0 + $1.weight }
        precondition(total > 0, "weights must not all be zero")
        var draw = int(in: 0..<total)
        for choice in choices {
            if draw < choice.weight { return choice.value }
            draw -= choice.weight
        }
        return choices[choices.count - 1].value
    }

    /// A derived, independent stream: program `index` of a campaign gets `SeededRandom(seed:).fork(index)`,
    /// so any one program can be regenerated without generating those before it.
    public func fork(_ index: UInt64) -> SeededRandom {
        var copy = self
        let mixed = copy.next() ^ (index &* 0xD1B5_4A32_D192_ED03)
        return SeededRandom(seed: mixed)
    }
}
