import LinearAlgebra

/// LoRA dropout whose mask is a pure function of (seed, slot, element), so the backward pass
/// regenerates it instead of storing it. Kept elements are scaled by 1 / (1 - rate).
/// Elements are numbered row-major over the whole batch's N × in input; a pass over only some of its
/// rows (one data-parallel worker's share) uses `startingAt(token:)` so it draws the same mask.
public struct LoRADropout: Sendable, Equatable {
    public let rate: Float
    public let seed: UInt64
    /// The batch token the first row given to `apply` stands for.
    public private(set) var firstToken: Int = 0

    public init(rate: Float, seed: UInt64) {
        precondition(rate >= 0 && rate < 1, "dropout rate must be in [0, 1)")
        self.rate = rate
        self.seed = seed
    }

    /// The same mask, for inputs whose first row is batch token `token`.
    public func startingAt(token: Int) -> LoRADropout {
        var shifted = self
        shifted.firstToken = token
        return shifted
    }

    /// out[i] = x[i] · mask[i] / (1 - rate) for the `rows` × `width` input of slot `slotNumber`.
    public func apply(_ x: UnsafePointer<Float>, to out: UnsafeMutablePointer<Float>, rows: Int, width: Int,
                      slotNumber: Int) {
        let keepScale = 1 / (1 - rate)
        let threshold = UInt64(Double(rate) * 16_777_216)
        let slotKey = self.slotKey(slotNumber)
        let first = firstToken * width
        ParallelLoop.chunks(count: rows * width) { range in
            for index in range {
                let draw = mixBits(slotKey ^ UInt64(first + index)) >> 40
                out[index] = draw >= threshold ? x[index] * keepScale : 0
            }
        }
    }

    /// Whether element `index` (row-major over the whole batch's N × in input, whatever `firstToken`
    /// is) of slot `slotNumber` is kept.
    public func keeps(index: Int, slotNumber: Int) -> Bool {
        mixBits(slotKey(slotNumber) ^ UInt64(index)) >> 40 >= UInt64(Double(rate) * 16_777_216)
    }

    @inline(__always)
    private func slotKey(_ slotNumber: Int) -> UInt64 {
        mixBits(seed &+ UInt64(slotNumber) &* 0x9E37_79B9_7F4A_7C15)
    }
}
