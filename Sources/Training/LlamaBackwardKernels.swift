import Foundation
import LinearAlgebra
import Model

/// The backward halves of `LlamaKernels`, one per forward kernel, same shape legend:
/// N rows, C hidden, F MLP width, H query heads, K KV heads, D head dimension, T sequence length.
/// Frozen weights get no gradient; only inputs (and LoRA A/B) do. Kernels that "accumulate" add into
/// their output gradient so residual branches can share one buffer.
public enum LlamaBackwardKernels {
    /// dx[N, C] += rmsnorm'(x)ᵀ · dy, for y = x · rstd · w:
    /// dx = rstd · (dy·w) − x · rstd³ · mean((dy·w) · x).
    public static func rmsNormBackward(dy: UnsafePointer<Float>, x: UnsafePointer<Float>, rstd: UnsafePointer<Float>,
                                       weight: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>,
                                       rows: Int, width: Int) {
        ParallelLoop.chunks(count: rows, minimumChunk: 16) { range in
            for row in range {
                let gradient = dy + row * width, input = x + row * width, output = dx + row * width
                let scale = rstd[row]
                var dot: Float = 0
                for column in 0..<width { dot += gradient[column] * weight[column] * input[column] }
                let correction = dot * scale * scale * scale / Float(width)
                for column in 0..<width {
                    output[column] += scale * gradient[column] * weight[column] - correction * input[column]
                }
            }
        }
    }

    /// dx[N, in] (+)= dy[N, out] · W for y = x · Wᵀ with W [out, in] frozen.
    public static func linearBackward(dy: UnsafePointer<Float>, rows: Int, weight: Tensor,
                                      dx: UnsafeMutablePointer<Float>, accumulate: Bool) {
        BLAS.sgemm(.none, .none, m: rows, n: weight.columnCount, k: weight.rowCount,
                   a: dy, lda: weight.rowCount, b: weight.data, ldb: weight.columnCount,
                   beta: accumulate ? 1 : 0, c: dx, ldc: weight.columnCount)
    }

    /// The LoRA branch y += s · (x Aᵀ) Bᵀ, with hidden = x Aᵀ saved by the forward pass:
    /// dB[out, r] += s · dyᵀ · hidden; dHidden[N, r] = s · dy · B; dA[r, in] += dHiddenᵀ · x;
    /// dxBranch[N, in] = dHidden · A (into `inputGradient` unless nil; the caller masks it if dropout).
    public static func loraBackward(dy: UnsafePointer<Float>, x: UnsafePointer<Float>, hidden: UnsafePointer<Float>,
                                    rows: Int, slot: LoRASlot, rank: Int, scale: Float,
                                    parameters: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>,
                                    hiddenGradient: UnsafeMutablePointer<Float>,
                                    inputGradient: UnsafeMutablePointer<Float>?, accumulateInput: Bool) {
        let input = slot.inputFeatures, output = slot.outputFeatures
        BLAS.sgemm(.transposed, .none, m: output, n: rank, k: rows, alpha: scale,
                   a: dy, lda: output, b: hidden, ldb: rank, beta: 1, c: gradients + slot.bOffset, ldc: rank)
        BLAS.sgemm(.none, .none, m: rows, n: rank, k: output, alpha: scale,
                   a: dy, lda: output, b: parameters + slot.bOffset, ldb: rank, c: hiddenGradient, ldc: rank)
        BLAS.sgemm(.transposed, .none, m: rank, n: input, k: rows,
                   a: hiddenGradient, lda: rank, b: x, ldb: input, beta: 1, c: gradients + slot.aOffset, ldc: input)
        guard let inputGradient else { return }
        BLAS.sgemm(.none, .none, m: rows, n: input, k: rank,
                   a: hiddenGradient, lda: rank, b: parameters + slot.aOffset, ldb: input,
                   beta: accumulateInput ? 1 : 0, c: inputGradient, ldc: input)
    }

    /// dGate, dUp [N, F] from dh for h = silu(g) · u:
    /// du = dh · silu(g); dg = dh · u · σ(g) · (1 + g · (1 − σ(g))).
    public static func swiGLUBackward(dh: UnsafePointer<Float>, gate: UnsafePointer<Float>, up: UnsafePointer<Float>,
                                      dGate: UnsafeMutablePointer<Float>, dUp: UnsafeMutablePointer<Float>, count: Int) {
        ParallelLoop.chunks(count: count) { range in
            let start = range.lowerBound
            VectorMath.siluProductBackward(outputGradient: dh + start, gate: gate + start, up: up + start,
                                           gateGradient: dGate + start, upGradient: dUp + start, count: range.count)
        }
    }

    /// Attention backward for one sequence, all heads, in the same query blocks as the forward pass.
    /// Inputs q[T, H·D], k/v[T, K·D] (after RoPE) and dOut[T, H·D]; outputs dq (overwritten), dk and dv
    /// (accumulated; zero them per sequence first). Per head and block, probabilities are recomputed
    /// into `probabilities` and their gradient built in `scratch` (each `attentionBlock`·T floats).
    public static func attentionBackward(
        q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>, dOut: UnsafePointer<Float>,
        dq: UnsafeMutablePointer<Float>, dk: UnsafeMutablePointer<Float>, dv: UnsafeMutablePointer<Float>,
        length: Int, keyStarts: UnsafePointer<Int32>?, heads: Int, keyValueHeads: Int, headDimension: Int,
        probabilities: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>
    ) {
        let qStride = heads * headDimension, kvStride = keyValueHeads * headDimension
        let group = heads / keyValueHeads
        let scale = 1 / Float(headDimension).squareRoot()
        for blockStart in stride(from: 0, to: length, by: LlamaKernels.attentionBlock) {
            let block = blockStart..<min(blockStart + LlamaKernels.attentionBlock, length)
            let window = LlamaKernels.keyWindow(queries: block, queryOffset: 0, keyStarts: keyStarts)
            let (rows, width) = (block.count, window.count)
            let blockStarts = keyStarts.map { $0 + blockStart }
            for head in 0..<heads {
                let kvOffset = (head / group) * headDimension + window.lowerBound * kvStride
                let qOffset = blockStart * qStride + head * headDimension
                LlamaKernels.attentionProbabilities(
                    q: q + qOffset, qStride: qStride, k: k + kvOffset, kStride: kvStride, headDimension: headDimension,
                    queryCount: rows, keyCount: width, queryOffset: blockStart - window.lowerBound,
                    keyStarts: blockStarts, keyBase: window.lowerBound, probabilities: probabilities)
                // dP[rows, width] = dOut_block · V_windowᵀ
                BLAS.sgemm(.none, .transposed, m: rows, n: width, k: headDimension,
                           a: dOut + qOffset, lda: qStride, b: v + kvOffset, ldb: kvStride, c: scratch, ldc: width)
                // dV_window[width, D] += Pᵀ · dOut_block
                BLAS.sgemm(.transposed, .none, m: width, n: headDimension, k: rows,
                           a: probabilities, lda: width, b: dOut + qOffset, ldb: qStride,
                           beta: 1, c: dv + kvOffset, ldc: kvStride)
                // dS = P ∘ (dP − rowsum(P ∘ dP)), over the visible keys only.
                for query in 0..<rows {
                    let p = probabilities + query * width, dp = scratch + query * width
                    let (first, last) = LlamaKernels.visibleKeys(
                        query: query, queryOffset: blockStart - window.lowerBound, keyStarts: blockStarts,
                        keyBase: window.lowerBound)
                    var dot: Float = 0
                    for key in first...last { dot += p[key] * dp[key] }
                    for key in 0..<first { dp[key] = 0 }
                    for key in first...last { dp[key] = p[key] * (dp[key] - dot) }
                    for key in (last + 1)..<width { dp[key] = 0 }
                }
                // dQ_block[rows, D] = scale · dS · K_window;  dK_window[width, D] += scale · dSᵀ · Q_block
                BLAS.sgemm(.none, .none, m: rows, n: headDimension, k: width, alpha: scale,
                           a: scratch, lda: width, b: k + kvOffset, ldb: kvStride, c: dq + qOffset, ldc: qStride)
                BLAS.sgemm(.transposed, .none, m: width, n: headDimension, k: rows, alpha: scale,
                           a: scratch, lda: width, b: q + qOffset, ldb: qStride, beta: 1, c: dk + kvOffset, ldc: kvStride)
            }
        }
    }
}
