/// Plain-loop versions of every `BLAS` kernel, accumulating in Double: slow, obviously right,
/// and the yardstick the tests hold the OpenBLAS calls to. Never use them in a hot path.
public enum ReferenceKernels {
    /// The naive counterpart of `BLAS.sgemm` (same arguments, same row-major meaning).
    public static func sgemm(
        _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        checkGEMM(transA, transB, m: m, n: n, k: k, lda: lda, ldb: ldb, ldc: ldc)
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k {
                    let aValue = transA == .none ? a[i * lda + p] : a[p * lda + i]
                    let bValue = transB == .none ? b[p * ldb + j] : b[j * ldb + p]
                    sum += Double(aValue) * Double(bValue)
                }
                let previous = beta == 0 ? 0 : Double(beta) * Double(c[i * ldc + j])
                c[i * ldc + j] = Float(Double(alpha) * sum + previous)
            }
        }
    }

    /// The naive counterpart of `BLAS.sgemmStridedBatched`.
    public static func sgemmStridedBatched(
        _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, strideA: Int,
        b: UnsafePointer<Float>, ldb: Int, strideB: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int, strideC: Int,
        batchCount: Int
    ) {
        for item in 0..<batchCount {
            sgemm(transA, transB, m: m, n: n, k: k, alpha: alpha,
                  a: a + item * strideA, lda: lda, b: b + item * strideB, ldb: ldb,
                  beta: beta, c: c + item * strideC, ldc: ldc)
        }
    }

    /// The naive counterpart of `BLAS.saxpy`.
    public static func saxpy(count: Int, alpha: Float, x: UnsafePointer<Float>, incX: Int = 1,
                             y: UnsafeMutablePointer<Float>, incY: Int = 1) {
        for index in 0..<count {
            y[index * incY] = Float(Double(alpha) * Double(x[index * incX]) + Double(y[index * incY]))
        }
    }

    /// The naive counterpart of `BLAS.sdot`.
    public static func sdot(count: Int, x: UnsafePointer<Float>, incX: Int = 1,
                            y: UnsafePointer<Float>, incY: Int = 1) -> Float {
        var sum = 0.0
        for index in 0..<count { sum += Double(x[index * incX]) * Double(y[index * incY]) }
        return Float(sum)
    }

    /// The naive counterpart of `BLAS.sscal`.
    public static func sscal(count: Int, alpha: Float, x: UnsafeMutablePointer<Float>, incX: Int = 1) {
        for index in 0..<count { x[index * incX] *= alpha }
    }
}
