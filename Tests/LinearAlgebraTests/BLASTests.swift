import Testing
@testable import LinearAlgebra

/// Random matrices with padded leading dimensions, so wrong `ld` handling shows up as mismatches.
private struct GEMMCase {
    let transA: Transpose, transB: Transpose
    let m: Int, n: Int, k: Int
    let lda: Int, ldb: Int, ldc: Int
    let a: Tensor, b: Tensor, c: Tensor

    init(_ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int, padding: Int,
         generator: inout SeededGenerator) {
        self.transA = transA; self.transB = transB
        self.m = m; self.n = n; self.k = k
        let rowsA = transA == .none ? m : k, columnsA = transA == .none ? k : m
        let rowsB = transB == .none ? k : n, columnsB = transB == .none ? n : k
        lda = max(1, columnsA + padding); ldb = max(1, columnsB + padding); ldc = max(1, n + padding)
        a = Tensor.uniform(shape: [max(rowsA, 1), lda], bound: 1, using: &generator)
        b = Tensor.uniform(shape: [max(rowsB, 1), ldb], bound: 1, using: &generator)
        c = Tensor.uniform(shape: [max(m, 1), ldc], bound: 1, using: &generator)
    }
}

private func tolerance(k: Int) -> Float { 1e-5 * Float(max(k, 1)) + 1e-5 }

@Test("sgemm matches the reference for every transpose combination and odd shapes")
func sgemmMatchesReference() {
    var generator = SeededGenerator(seed: 1)
    let shapes = [(1, 1, 1), (3, 5, 7), (17, 1, 33), (1, 19, 4), (64, 48, 65), (31, 129, 2), (5, 5, 0)]
    for transA in [Transpose.none, .transposed] {
        for transB in [Transpose.none, .transposed] {
            for (index, (m, n, k)) in shapes.enumerated() {
                let example = GEMMCase(transA, transB, m: m, n: n, k: k, padding: index % 3,
                                       generator: &generator)
                let expected = example.c.copy()
                let alpha: Float = index % 2 == 0 ? 1 : -0.75
                let beta: Float = index % 3 == 0 ? 0 : 0.5
                ReferenceKernels.sgemm(transA, transB, m: m, n: n, k: k, alpha: alpha,
                                       a: example.a.data, lda: example.lda, b: example.b.data, ldb: example.ldb,
                                       beta: beta, c: expected.data, ldc: example.ldc)
                BLAS.sgemm(transA, transB, m: m, n: n, k: k, alpha: alpha,
                           a: example.a.data, lda: example.lda, b: example.b.data, ldb: example.ldb,
                           beta: beta, c: example.c.data, ldc: example.ldc)
                let difference = example.c.maxAbsoluteDifference(to: expected)
                #expect(difference <= tolerance(k: k), "\(transA) \(transB) \(m)x\(n)x\(k): \(difference)")
            }
        }
    }
}

@Test("sgemm leaves the padding columns of C untouched")
func sgemmRespectsLeadingDimension() {
    var generator = SeededGenerator(seed: 2)
    let example = GEMMCase(.none, .transposed, m: 6, n: 3, k: 5, padding: 4, generator: &generator)
    let before = example.c.copy()
    BLAS.sgemm(.none, .transposed, m: 6, n: 3, k: 5, a: example.a.data, lda: example.lda,
               b: example.b.data, ldb: example.ldb, c: example.c.data, ldc: example.ldc)
    for row in 0..<6 {
        for column in 3..<example.ldc {
            #expect(example.c[row, column] == before[row, column])
        }
    }
}

@Test("strided batched sgemm matches the reference, including a shared operand")
func stridedBatchedMatchesReference() {
    var generator = SeededGenerator(seed: 3)
    let (m, n, k, batch) = (7, 9, 11, 5)
    for transA in [Transpose.none, .transposed] {
        for transB in [Transpose.none, .transposed] {
            let a = Tensor.uniform(shape: [batch, m * k], bound: 1, using: &generator)
            let b = Tensor.uniform(shape: [k * n], bound: 1, using: &generator)
            let c = Tensor.uniform(shape: [batch, m * n], bound: 1, using: &generator)
            let expected = c.copy()
            let lda = transA == .none ? k : m, ldb = transB == .none ? n : k
            ReferenceKernels.sgemmStridedBatched(
                transA, transB, m: m, n: n, k: k, alpha: 2, a: a.data, lda: lda, strideA: m * k,
                b: b.data, ldb: ldb, strideB: 0, beta: 1, c: expected.data, ldc: n, strideC: m * n,
                batchCount: batch)
            BLAS.sgemmStridedBatched(
                transA, transB, m: m, n: n, k: k, alpha: 2, a: a.data, lda: lda, strideA: m * k,
                b: b.data, ldb: ldb, strideB: 0, beta: 1, c: c.data, ldc: n, strideC: m * n,
                batchCount: batch)
            #expect(c.maxAbsoluteDifference(to: expected) <= tolerance(k: k) * 2)
        }
    }
}

@Test("saxpy, sdot and sscal match the reference with unit and strided increments")
func vectorKernelsMatchReference() {
    var generator = SeededGenerator(seed: 4)
    for (count, increment) in [(1, 1), (13, 1), (37, 2), (100, 3)] {
        let x = Tensor.uniform(shape: [count * increment], bound: 1, using: &generator)
        let y = Tensor.uniform(shape: [count * increment], bound: 1, using: &generator)
        let expectedY = y.copy()
        ReferenceKernels.saxpy(count: count, alpha: 0.3, x: x.data, incX: increment,
                               y: expectedY.data, incY: increment)
        BLAS.saxpy(count: count, alpha: 0.3, x: x.data, incX: increment, y: y.data, incY: increment)
        #expect(y.maxAbsoluteDifference(to: expectedY) <= 1e-6)

        let dot = BLAS.sdot(count: count, x: x.data, incX: increment, y: y.data, incY: increment)
        let expectedDot = ReferenceKernels.sdot(count: count, x: x.data, incX: increment,
                                                y: y.data, incY: increment)
        #expect(abs(dot - expectedDot) <= 1e-5 * Float(count))

        let scaled = x.copy()
        ReferenceKernels.sscal(count: count, alpha: -1.5, x: scaled.data, incX: increment)
        BLAS.sscal(count: count, alpha: -1.5, x: x.data, incX: increment)
        #expect(x.maxAbsoluteDifference(to: scaled) == 0)
    }
}

/// Tests that set OpenBLAS's process-wide thread count, one at a time: a two-thread sgemm can round
/// differently from a one-thread one, so the concurrency test must not see the other's setting.
@Suite(.serialized)
struct ThreadSettingTests {
    @Test("sgemm gives the same answer with one or two threads")
    func threadCountSettingKeepsResults() {
        var generator = SeededGenerator(seed: 5)
        let example = GEMMCase(.none, .none, m: 257, n: 130, k: 300, padding: 0, generator: &generator)
        let original = BLAS.threadCount
        defer { BLAS.threadCount = original }
        var results: [Tensor] = []
        for threads in [1, 2] {
            BLAS.threadCount = threads
            #expect(BLAS.threadCount >= 1)
            let c = Tensor(shape: [257, 130])
            BLAS.sgemm(.none, .none, m: 257, n: 130, k: 300, a: example.a.data, lda: example.lda,
                       b: example.b.data, ldb: example.ldb, c: c.data, ldc: 130)
            results.append(c)
        }
        #expect(results[0].maxAbsoluteDifference(to: results[1]) <= tolerance(k: 300))
        #expect(!BLAS.configuration.isEmpty && !BLAS.coreName.isEmpty)
    }

    @Test("sgemm called from two threads at once, BLAS at one thread, gives the serial results")
    func concurrentCallsKeepResults() {
        var generator = SeededGenerator(seed: 9)
        let cases = (0..<2).map { _ in GEMMCase(.none, .transposed, m: 300, n: 170, k: 260, padding: 3, generator: &generator) }
        let original = BLAS.threadCount
        defer { BLAS.threadCount = original }
        BLAS.threadCount = 1
        func product(_ example: GEMMCase) -> Tensor {
            let c = Tensor(shape: [example.m, example.n])
            BLAS.sgemm(example.transA, example.transB, m: example.m, n: example.n, k: example.k,
                       a: example.a.data, lda: example.lda, b: example.b.data, ldb: example.ldb, c: c.data, ldc: example.n)
            return c
        }
        let serial = cases.map(product)
        for _ in 0..<20 {
            var concurrent = [[Float]](repeating: [], count: 2)
            concurrent.withUnsafeMutableBufferPointer { results in
                ParallelLoop.concurrently(workers: 2) { worker in
                    var last: Tensor?
                    for _ in 0..<5 { last = product(cases[worker]) }
                    results[worker] = last!.toArray()
                }
            }
            #expect(concurrent[0] == serial[0].toArray() && concurrent[1] == serial[1].toArray())
        }
    }
}

@Test("ParallelLoop.concurrently calls every worker exactly once")
func concurrentlyCallsEveryWorker() {
    for count in [1, 2, 5] {
        var calls = [Int](repeating: 0, count: count)
        calls.withUnsafeMutableBufferPointer { buffer in
            ParallelLoop.concurrently(workers: count) { worker in buffer[worker] += 1 }
        }
        #expect(calls == [Int](repeating: 1, count: count))
    }
}
