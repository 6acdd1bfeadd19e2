import Foundation
import LinearAlgebra
import Testing
@testable import Model
@testable import Training

private func settings(rows: Int, threads: Int) -> TrainingConfiguration {
    TrainingConfiguration(
        lora: LoRAConfiguration(rank: 4, alpha: 8, dropout: 0.1),
        batchRows: rows, sequenceLength: 16, packing: true, accumulationSteps: 2,
        schedule: LearningRateSchedule(peak: 1e-2, warmupSteps: 1, totalSteps: 4),
        weightDecay: 0.01, maximumGradientNorm: 1, seed: 23, threadCount: threads)
}

/// The first step's loss and (clipped) summed gradients, and the adapters after `steps` steps.
private func run(rows: Int, threads: Int, steps: Int) throws -> (loss: Double, norm: Double, gradients: [Float],
                                                                 workers: Int, parameters: [Float]) {
    let weights = try LlamaWeights.random(configuration: TrainingFixtures.configuration, seed: 31)
    let examples = TrainingFixtures.examples(count: 30, vocabularySize: 29, seed: 32)
    let trainer = try LoRATrainer(weights: weights, examples: examples,
                                  configuration: settings(rows: rows, threads: threads))
    let first = trainer.step()
    let gradients = trainer.gradients.toArray()
    for _ in 1..<steps { trainer.step() }
    return (first.loss, first.gradientNorm, gradients, trainer.workerCount, trainer.adapters.parameters.toArray())
}

// Two workers sum each gradient over their halves of the rows and then add the halves, one worker sums
// over all rows at once: the same terms in another order, so fp32 results agree to rounding. The bound
// is 1e-5 of the largest gradient (the sums here have at most a few hundred terms of similar size).
@Test("a step split across two workers matches one worker within fp32 rounding", arguments: [4, 3])
func twoWorkersMatchOne(rows: Int) throws {
    let one = try run(rows: rows, threads: 1, steps: 1)
    let two = try run(rows: rows, threads: 2, steps: 1)
    #expect(one.workers == 1 && two.workers == 2)
    #expect(abs(one.loss - two.loss) <= 1e-5 * abs(one.loss))
    #expect(abs(one.norm - two.norm) <= 1e-5 * one.norm)
    let largest = one.gradients.map(abs).max() ?? 0
    #expect(largest > 0)
    let difference = zip(one.gradients, two.gradients).map { abs($0 - $1) }.max() ?? 0
    #expect(difference <= 1e-5 * largest, "largest gradient \(largest), largest difference \(difference)")
}

@Test("two-worker training repeats bit for bit, run to run")
func twoWorkersAreDeterministic() throws {
    let first = try run(rows: 4, threads: 2, steps: 3)
    for _ in 0..<3 {
        let again = try run(rows: 4, threads: 2, steps: 3)
        #expect(again.loss == first.loss && again.gradients == first.gradients)
        #expect(again.parameters == first.parameters)
    }
}

// No step here: a lone worker would set BLAS to two threads, process-wide, under the other tests.
@Test("more threads than rows use one worker per row")
func workersNeverExceedRows() throws {
    let weights = try LlamaWeights.random(configuration: TrainingFixtures.configuration, seed: 33)
    let examples = TrainingFixtures.examples(count: 4, vocabularySize: 29, seed: 34)
    let trainer = try LoRATrainer(weights: weights, examples: examples, configuration: settings(rows: 1, threads: 2))
    #expect(trainer.workerCount == 1)
    #expect(TrainingWorker.rowRanges(rowCount: 5, workerCount: 2) == [0..<2, 2..<5])
}

@Test("a batch's rows slice every per-token array alike")
func batchRowsSlice() {
    let batch = TrainingFixtures.batch()
    let second = batch.rows(1..<2)
    #expect(second.rowCount == 1 && second.sequenceLength == 6)
    #expect(second.tokens == Array(batch.tokens[6..<12]) && second.positions == Array(batch.positions[6..<12]))
    #expect(second.keyStarts == Array(batch.keyStarts[6..<12]) && second.targets == Array(batch.targets[6..<12]))
    #expect(batch.rows(0..<2) == batch)
}
