import COpenBLAS

/// Whether a matrix operand is used as stored or transposed.
public enum Transpose: Sendable, Equatable {
    case none
    case transposed
}

/// Every BLAS call sal makes, on row-major single-precision matrices.
/// Each function checks its dimensions and leading dimensions with preconditions before calling
/// OpenBLAS, because a wrong leading dimension there reads out of bounds silently.
public enum BLAS {
    /// The number of threads OpenBLAS uses for one call; a process-wide library setting.
    /// The trap: more threads than free cores collapses throughput, so set it to the cores you own.
    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
        set {
            precondition(newValue >= 1, "thread count must be at least 1")
            openblas_set_num_threads(Int32(newValue))
        }
    }

    /// The kernel family OpenBLAS runs, e.g. "Haswell" (AVX2) or "Cooperlake" (AVX-512): its own choice
    /// for this processor unless the environment variable OPENBLAS_CORETYPE names one.
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// Ends OpenBLAS's worker threads now, for a process that makes no BLAS call. OpenBLAS starts them
    /// when it is loaded, and each one polls for work, yielding the processor in a loop, for about a tenth
    /// of a second before it sleeps: a command without BLAS work pays that in CPU time and, on a machine
    /// with few cores, in a core taken from its own threads. The next threaded BLAS call starts them again.
    public static func stopIdleThreads() {
        _ = blas_thread_shutdown_()
    }

    /// The OpenBLAS build description (version, kernel family, threading).
    public static var configuration: String {
        guard let text = openblas_get_config() else { return "unknown" }
        return String(cString: text)
    }

    /// C = alpha · op(A) · op(B) + beta · C, where op(A) is m×k and op(B) is k×n, all row-major.
    /// `lda`, `ldb`, `ldc` are the distances between consecutive stored rows.
    /// When beta is 0, C's previous contents are ignored (NaNs in it do not propagate).
    public static func sgemm(
        _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        checkGEMM(transA, transB, m: m, n: n, k: k, lda: lda, ldb: ldb, ldc: ldc)
        if m == 0 || n == 0 { return }
        if k == 0 {
            scaleMatrix(c, rows: m, columns: n, ld: ldc, by: beta)
            return
        }
        cblas_sgemm(CblasRowMajor, cblasTranspose(transA), cblasTranspose(transB),
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb),
                    beta, c, blasint(ldc))
    }

    /// `batchCount` independent products C_i = alpha · op(A_i) · op(B_i) + beta · C_i, where operand i
    /// starts `stride` elements after operand i-1 (a stride of 0 shares one operand across the batch).
    /// OpenBLAS 0.3.21 exports no batched GEMM, so this loops over `cblas_sgemm`.
    public static func sgemmStridedBatched(
        _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, strideA: Int,
        b: UnsafePointer<Float>, ldb: Int, strideB: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int, strideC: Int,
        batchCount: Int
    ) {
        precondition(batchCount >= 0 && strideA >= 0 && strideB >= 0 && strideC >= 0, "bad batch strides")
        for item in 0..<batchCount {
            sgemm(transA, transB, m: m, n: n, k: k, alpha: alpha,
                  a: a + item * strideA, lda: lda, b: b + item * strideB, ldb: ldb,
                  beta: beta, c: c + item * strideC, ldc: ldc)
        }
    }

    /// y = alpha · x + y over `count` elements with the given increments.
    public static func saxpy(count: Int, alpha: Float, x: UnsafePointer<Float>, incX: Int = 1,
                             y: UnsafeMutablePointer<Float>, incY: Int = 1) {
        precondition(count >= 0 && incX > 0 && incY > 0, "bad saxpy arguments")
        if count == 0 { return }
        cblas_saxpy(blasint(count), alpha, x, blasint(incX), y, blasint(incY))
    }

    /// The dot product of `count` elements of x and y.
    public static func sdot(count: Int, x: UnsafePointer<Float>, incX: Int = 1,
                            y: UnsafePointer<Float>, incY: Int = 1) -> Float {
        precondition(count >= 0 && incX > 0 && incY > 0, "bad sdot arguments")
        if count == 0 { return 0 }
        return cblas_sdot(blasint(count), x, blasint(incX), y, blasint(incY))
    }

    /// x = alpha · x over `count` elements.
    public static func sscal(count: Int, alpha: Float, x: UnsafeMutablePointer<Float>, incX: Int = 1) {
        precondition(count >= 0 && incX > 0, "bad sscal arguments")
        if count == 0 { return }
        cblas_sscal(blasint(count), alpha, x, blasint(incX))
    }

    private static func cblasTranspose(_ transpose: Transpose) -> CBLAS_TRANSPOSE {
        transpose == .none ? CblasNoTrans : CblasTrans
    }

    private static func scaleMatrix(_ c: UnsafeMutablePointer<Float>, rows: Int, columns: Int, ld: Int,
                                    by beta: Float) {
        for row in 0..<rows {
            let start = c + row * ld
            for column in 0..<columns { start[column] = beta == 0 ? 0 : beta * start[column] }
        }
    }
}

/// The dimension checks shared by the BLAS wrapper and the reference kernels.
@inline(__always)
func checkGEMM(_ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int,
               lda: Int, ldb: Int, ldc: Int) {
    precondition(m >= 0 && n >= 0 && k >= 0, "negative GEMM dimension m=\(m) n=\(n) k=\(k)")
    let storedColumnsA = transA == .none ? k : m
    let storedColumnsB = transB == .none ? n : k
    precondition(lda >= max(1, storedColumnsA), "lda \(lda) < \(storedColumnsA)")
    precondition(ldb >= max(1, storedColumnsB), "ldb \(ldb) < \(storedColumnsB)")
    precondition(ldc >= max(1, n), "ldc \(ldc) < \(n)")
}
