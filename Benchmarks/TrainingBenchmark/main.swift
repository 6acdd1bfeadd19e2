// Measures LoRA training throughput on the SmolLM2-135M shape with random weights, and the sgemm
// rates of this machine (one thread; N threads on one call; N single-threaded calls at once, which is
// how the trainer's N data-parallel workers run), so the result reads as a fraction of what the BLAS
// can do here. Steps are timed in wall and CPU seconds; the wall figure is the one that compares.
// Usage: TrainingBenchmark [--threads N] [--steps N] [--rows B] [--length T] [--supervised FRACTION]
import Foundation
import LinearAlgebra
import Model
import Training

#if canImport(Glibc)
import Glibc
#endif

struct Options {
    var threads = 1
    var steps = 3
    var rows = 4
    var length = 256
    var supervisedFraction = 1.0

    init(arguments: [String]) {
        var index = 1
        while index + 1 < arguments.count {
            let value = arguments[index + 1]
            switch arguments[index] {
            case "--threads": threads = Int(value) ?? threads
            case "--steps": steps = Int(value) ?? steps
            case "--rows": rows = Int(value) ?? rows
            case "--length": length = Int(value) ?? length
            case "--supervised": supervisedFraction = Double(value) ?? supervisedFraction
            default: print("unknown option \(arguments[index])"); exit(2)
            }
            index += 2
        }
    }
}

func wallClock() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// CPU seconds used by the whole process: on a shared machine this, not the wall clock, shows what the
/// code costs (with one thread it equals the wall time of an unloaded machine).
func processorClock() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// The sgemm rate in wall time on the shapes training runs most ([N, C] × [C, F] and friends), best of
/// three, with `callers` threads each multiplying its own matrices at once (BLAS threads as set).
func measureSGEMM(rows: Int, callers: Int = 1) -> Double {
    let shapes = [(rows, 1536, 576), (rows, 576, 1536), (rows, 576, 576)]
    var generator = SeededGenerator(seed: 1)
    var flops = 0.0, seconds = 0.0
    for (m, n, k) in shapes {
        let operands = (0..<callers).map { _ in
            (Tensor.uniform(shape: [m, k], bound: 1, using: &generator),
             Tensor.uniform(shape: [n, k], bound: 1, using: &generator), Tensor(shape: [m, n]))
        }
        let repeats = 10
        func multiply(_ caller: Int, times: Int) {
            let (a, b, c) = operands[caller]
            for _ in 0..<times {
                BLAS.sgemm(.none, .transposed, m: m, n: n, k: k, a: a.data, lda: k, b: b.data, ldb: k, c: c.data, ldc: n)
            }
        }
        ParallelLoop.concurrently(workers: callers) { multiply($0, times: 1) }
        var best = Double.infinity
        for _ in 0..<3 {
            let start = wallClock()
            ParallelLoop.concurrently(workers: callers) { multiply($0, times: repeats) }
            best = min(best, wallClock() - start)
        }
        seconds += best
        flops += 2 * Double(m * n * k * repeats * callers)
    }
    return flops / seconds / 1e9
}

/// FLOPs of one training step as this implementation performs them (attention in causal query blocks).
func stepFLOPs(_ c: LlamaConfiguration, lora: LoRAConfiguration, tokens n: Int, rows: Int, length t: Int,
               supervised s: Int) -> Double {
    var perLayer = 0.0
    for target in LoRATarget.allCases {
        let (input, output) = target.features(in: c)
        perLayer += 2 * 2 * Double(n * input * output)
        if lora.targets.contains(target) {
            perLayer += 2 * Double(n * lora.rank * (input + output))
            perLayer += 2 * 2 * Double(n * lora.rank * (input + output))
        }
    }
    var scoreArea = 0
    for blockStart in stride(from: 0, to: t, by: LlamaKernels.attentionBlock) {
        let blockEnd = min(blockStart + LlamaKernels.attentionBlock, t)
        scoreArea += (blockEnd - blockStart) * blockEnd
    }
    perLayer += Double(rows * c.headCount) * 2 * Double(scoreArea * c.headDimension) * (2 + 5)
    let head = 2 * 2 * Double(s * c.hiddenSize * c.vocabularySize)
    return perLayer * Double(c.layerCount) + head
}

let options = Options(arguments: CommandLine.arguments)
let model = LlamaConfiguration.smolLM2_135M
let lora = LoRAConfiguration(rank: 32, alpha: 64, dropout: 0, targets: LoRATarget.allCases)
print("OpenBLAS: \(BLAS.configuration); kernels \(BLAS.coreName); threads \(options.threads)")

let sgemmRows = options.rows * options.length
BLAS.threadCount = 1
let sgemmOne = measureSGEMM(rows: sgemmRows)
let sgemmConcurrent = measureSGEMM(rows: sgemmRows / options.threads, callers: options.threads)
BLAS.threadCount = options.threads
let sgemmThreaded = measureSGEMM(rows: sgemmRows)
print(String(format: "sgemm (wall time): %.1f GFLOP/s on 1 thread; %.1f GFLOP/s with %d BLAS threads on one call; "
             + "%.1f GFLOP/s as %d single-threaded calls at once", sgemmOne, options.threads, sgemmThreaded,
             sgemmConcurrent, options.threads))

let weights = try LlamaWeights.random(configuration: model, seed: 1)
var generator = SeededGenerator(seed: 2)
let examples = (0..<(options.rows * (options.steps + 1))).map { _ in
    let tokens = (0..<options.length).map { _ in Int32(generator.next() % UInt64(model.vocabularySize)) }
    let promptLength = Int(Double(options.length) * (1 - options.supervisedFraction))
    let mask = (0..<options.length).map { $0 >= promptLength }
    return TrainingExample(tokens: tokens, lossMask: mask)
}
let settings = TrainingConfiguration(
    lora: lora, batchRows: options.rows, sequenceLength: options.length, packing: false,
    schedule: LearningRateSchedule(peak: 1e-4, totalSteps: options.steps + 1), threadCount: options.threads)
let trainer = try LoRATrainer(weights: weights, examples: examples, configuration: settings)
print(String(format: "trainable parameters: %.2fM; workspace %.0f MB", Double(trainer.adapters.parameterCount) / 1e6,
             Double(trainer.workspaceByteCount) / 1e6))

print("data-parallel workers: \(trainer.workerCount)")

let warm = trainer.step()
print(String(format: "warm-up step: %.2f s, loss %.3f", warm.seconds, warm.loss))
var seconds = 0.0, processorSeconds = 0.0, tokens = 0, flops = 0.0
for _ in 0..<options.steps {
    let processorStart = processorClock()
    let record = trainer.step(clock: wallClock)
    let processorTime = processorClock() - processorStart
    seconds += record.seconds
    processorSeconds += processorTime
    tokens += record.tokens
    flops += stepFLOPs(model, lora: lora, tokens: options.rows * options.length, rows: options.rows,
                       length: options.length, supervised: record.supervisedTokens)
    print(String(format: "step %d: %.2f s wall, %.2f CPU-s, loss %.3f", record.step, record.seconds, processorTime,
                 record.loss))
}
/// One more step's phases timed separately with the public pieces the trainer is made of.
@MainActor func phaseBreakdown() -> (forward: Double, loss: Double, backward: Double) {
    let adapters = trainer.adapters
    let activations = ActivationWorkspace(configuration: model, rowCount: options.rows,
                                          sequenceLength: options.length, lora: lora)
    let gradientWorkspace = GradientWorkspace(configuration: model, rowCount: options.rows,
                                              sequenceLength: options.length, lora: lora)
    let pass = LoRABackwardPass(model: trainer.model, activations: activations, gradients: gradientWorkspace)
    let gradients = Tensor(shape: [adapters.parameterCount])
    var stream = try! ExampleStream(examples: examples, seed: 9, sequenceLength: options.length)
    let batch = stream.nextBatch(rowCount: options.rows, sequenceLength: options.length, packing: false,
                                 paddingToken: 0)
    let t0 = wallClock()
    trainer.model.forward(batch: batch, workspace: activations)
    let t1 = wallClock()
    _ = pass.languageModelLoss(batch: batch, gradientScale: 1 / Float(batch.supervisedCount))
    let t2 = wallClock()
    pass.backward(batch: batch, gradients: gradients, dropout: nil)
    let t3 = wallClock()
    return (t1 - t0, t2 - t1, t3 - t2)
}

let achieved = flops / seconds / 1e9
print(String(format: "tokens/s: %.1f (wall); %.1f per CPU-second", Double(tokens) / seconds,
             Double(tokens) / processorSeconds))
print(String(format: "achieved: %.1f GFLOP/s = %.0f%% of %d-thread sgemm, %.0f%% of %d concurrent 1-thread sgemms, "
             + "%.0f%% of %d × the 1-thread sgemm", achieved, 100 * achieved / sgemmThreaded, options.threads,
             100 * achieved / sgemmConcurrent, options.threads, 100 * achieved / (sgemmOne * Double(options.threads)),
             options.threads))
print(String(format: "peak RSS: %.0f MB", peakResidentMegabytes()))

if options.threads == 1 {
    let phases = phaseBreakdown()
    print(String(format: "phases of one more step (second workspace, not in the RSS above): "
                 + "forward %.2f s, LM head + loss %.2f s, backward %.2f s", phases.forward, phases.loss, phases.backward))
}
