import Foundation
import LinearAlgebra

/// The forward kernels of a Llama layer, each on contiguous row-major buffers.
/// Shape legend: N rows (tokens), C hidden width, F MLP width, H query heads, K KV heads, D head
/// dimension, Tq queries, Tk keys. Training's backward kernels mirror these one for one.
public enum LlamaKernels {
    /// out[N, C] = table[tokens[n], :]
    public static func embed(tokens: UnsafePointer<Int32>, rows: Int, table: Tensor,
                             out: UnsafeMutablePointer<Float>) {
        let width = table.columnCount
        for row in 0..<rows {
            let token = Int(tokens[row])
            precondition(token >= 0 && token < table.rowCount, "token id \(token) outside the vocabulary")
            (out + row * width).update(from: table.data + token * width, count: width)
        }
    }

    /// out[N, C] = x · rstd · weight with rstd[n] = 1 / sqrt(mean(x[n]²) + eps); rstd is saved when given.
    public static func rmsNorm(x: UnsafePointer<Float>, weight: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>,
                               rstd: UnsafeMutablePointer<Float>?, rows: Int, width: Int, epsilon: Float) {
        ParallelLoop.chunks(count: rows, minimumChunk: 16) { range in
            for row in range {
                let input = x + row * width, output = out + row * width
                var sumOfSquares: Float = 0
                for column in 0..<width { sumOfSquares += input[column] * input[column] }
                let scale = 1 / (sumOfSquares / Float(width) + epsilon).squareRoot()
                rstd?[row] = scale
                for column in 0..<width { output[column] = input[column] * scale * weight[column] }
            }
        }
    }

    /// y[N, out] = x[N, in] · Wᵀ (W is [out, in]); adds to y instead when `accumulate`.
    public static func linear(x: UnsafePointer<Float>, rows: Int, inputFeatures: Int, weight: Tensor,
                              y: UnsafeMutablePointer<Float>, accumulate: Bool = false) {
        BLAS.sgemm(.none, .transposed, m: rows, n: weight.rowCount, k: inputFeatures,
                   a: x, lda: inputFeatures, b: weight.data, ldb: inputFeatures,
                   beta: accumulate ? 1 : 0, c: y, ldc: weight.rowCount)
    }

    /// The LoRA branch: hidden[N, r] = x · Aᵀ, then y[N, out] += scale · hidden · Bᵀ.
    public static func loraForward(x: UnsafePointer<Float>, rows: Int, slot: LoRASlot, rank: Int, scale: Float,
                                   parameters: UnsafePointer<Float>, hidden: UnsafeMutablePointer<Float>,
                                   y: UnsafeMutablePointer<Float>) {
        BLAS.sgemm(.none, .transposed, m: rows, n: rank, k: slot.inputFeatures,
                   a: x, lda: slot.inputFeatures, b: parameters + slot.aOffset, ldb: slot.inputFeatures,
                   c: hidden, ldc: rank)
        BLAS.sgemm(.none, .transposed, m: rows, n: slot.outputFeatures, k: rank, alpha: scale,
                   a: hidden, lda: rank, b: parameters + slot.bOffset, ldb: rank,
                   beta: 1, c: y, ldc: slot.outputFeatures)
    }

    /// Rotates x[N, heads·D] in place by the angles of `positions[n]` (Hugging Face rotate-half pairs
    /// (i, i + D/2)). `inverse` applies the transposed rotation, which is the backward pass.
    public static func rotary(_ x: UnsafeMutablePointer<Float>, rows: Int, heads: Int, positions: UnsafePointer<Int32>,
                              table: RotaryTable, inverse: Bool = false) {
        let dimension = table.headDimension, half = dimension / 2
        let direction: Float = inverse ? -1 : 1
        ParallelLoop.chunks(count: rows, minimumChunk: 16) { range in
            for row in range {
                let position = Int(positions[row])
                precondition(position >= 0 && position < table.positionCount, "position \(position) beyond the rotary table")
                let cosines = table.cosines + position * half
                let sines = table.sines + position * half
                for head in 0..<heads {
                    let vector = x + row * heads * dimension + head * dimension
                    for i in 0..<half {
                        let first = vector[i], second = vector[i + half]
                        let cosine = cosines[i], sine = direction * sines[i]
                        vector[i] = first * cosine - second * sine
                        vector[i + half] = second * cosine + first * sine
                    }
                }
            }
        }
    }

    /// Queries per block in attention: each block only multiplies against the keys up to its last
    /// query, which skips most of the masked upper triangle of the score matrix.
    public static let attentionBlock = 64

    /// The keys query i may see, relative to `keyBase`: from `keyStarts[i] - keyBase` (0 when nil) to
    /// `queryOffset + i`, inclusive.
    @inline(__always)
    public static func visibleKeys(query: Int, queryOffset: Int, keyStarts: UnsafePointer<Int32>?, keyBase: Int) -> (Int, Int) {
        (max(0, (keyStarts.map { Int($0[query]) } ?? 0) - keyBase), queryOffset + query)
    }

    /// The key window [low, high) a block of queries [first, end) needs, in absolute key indices.
    @inline(__always)
    public static func keyWindow(queries: Range<Int>, queryOffset: Int, keyStarts: UnsafePointer<Int32>?) -> Range<Int> {
        var low = Int.max
        for query in queries { low = min(low, keyStarts.map { Int($0[query]) } ?? 0) }
        return low..<(queryOffset + queries.upperBound)
    }

    /// probabilities[Tq, Tk] = softmax(scale · q_h · k_hᵀ) over the visible keys, 0 elsewhere.
    /// q rows are `qStride` apart, k rows `kStride` apart; the head's columns start at the pointers.
    /// Key indices are relative to `keyBase` (k points at key `keyBase`).
    public static func attentionProbabilities(
        q: UnsafePointer<Float>, qStride: Int, k: UnsafePointer<Float>, kStride: Int, headDimension: Int,
        queryCount: Int, keyCount: Int, queryOffset: Int, keyStarts: UnsafePointer<Int32>?, keyBase: Int = 0,
        probabilities: UnsafeMutablePointer<Float>
    ) {
        let scale = 1 / Float(headDimension).squareRoot()
        BLAS.sgemm(.none, .transposed, m: queryCount, n: keyCount, k: headDimension, alpha: scale,
                   a: q, lda: qStride, b: k, ldb: kStride, c: probabilities, ldc: keyCount)
        for query in 0..<queryCount {
            let row = probabilities + query * keyCount
            let (first, last) = visibleKeys(query: query, queryOffset: queryOffset, keyStarts: keyStarts, keyBase: keyBase)
            precondition(first <= last && last < keyCount, "query \(query) sees no keys")
            let visible = last - first + 1
            let largest = VectorMath.maximum(row + first, count: visible)
            let sum = VectorMath.exponentiate(row + first, count: visible, subtracting: largest)
            VectorMath.scale(row + first, count: visible, by: 1 / sum)
            row.update(repeating: 0, count: first)
            (row + last + 1).update(repeating: 0, count: keyCount - last - 1)
        }
    }

    /// Grouped-query causal attention for one sequence.
    /// q[Tq, H·D], k/v[Tk, K·D] -> out[Tq, H·D]; query head h reads KV head h / (H / K).
    /// Query i sits at position `queryOffset + i` and sees keys from `keyStarts[i]` (0 when nil) to its
    /// own position. `scratch` holds `attentionBlock`·Tk floats.
    public static func attention(
        q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>,
        queryCount: Int, keyCount: Int, queryOffset: Int, keyStarts: UnsafePointer<Int32>?,
        heads: Int, keyValueHeads: Int, headDimension: Int, scratch: UnsafeMutablePointer<Float>
    ) {
        precondition(queryOffset + queryCount <= keyCount, "queries beyond the keys")
        let qStride = heads * headDimension, kvStride = keyValueHeads * headDimension
        let group = heads / keyValueHeads
        for blockStart in stride(from: 0, to: queryCount, by: attentionBlock) {
            let block = blockStart..<min(blockStart + attentionBlock, queryCount)
            let window = keyWindow(queries: block, queryOffset: queryOffset, keyStarts: keyStarts)
            for head in 0..<heads {
                let kvOffset = (head / group) * headDimension + window.lowerBound * kvStride
                attentionProbabilities(
                    q: q + blockStart * qStride + head * headDimension, qStride: qStride, k: k + kvOffset,
                    kStride: kvStride, headDimension: headDimension, queryCount: block.count, keyCount: window.count,
                    queryOffset: queryOffset + blockStart - window.lowerBound, keyStarts: keyStarts.map { $0 + blockStart },
                    keyBase: window.lowerBound, probabilities: scratch)
                BLAS.sgemm(.none, .none, m: block.count, n: headDimension, k: window.count,
                           a: scratch, lda: window.count, b: v + kvOffset, ldb: kvStride,
                           c: out + blockStart * qStride + head * headDimension, ldc: qStride)
            }
        }
    }

    /// h[n] = silu(gate[n]) · up[n] over `count` elements.
    public static func swiGLU(gate: UnsafePointer<Float>, up: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>,
                              count: Int) {
        ParallelLoop.chunks(count: count) { range in
            VectorMath.siluProduct(gate: gate + range.lowerBound, up: up + range.lowerBound,
                                   out: out + range.lowerBound, count: range.count)
        }
    }

    /// y[n] += x[n] over `count` elements (the residual connection).
    public static func addInPlace(_ y: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, count: Int) {
        ParallelLoop.chunks(count: count, minimumChunk: 65536) { range in
            for index in range { y[index] += x[index] }
        }
    }
}
