import Foundation
import LinearAlgebra
import Testing
@testable import Model
@testable import Training

private func configuration(steps: Int, dropout: Float = 0, rows: Int = 2, accumulation: Int = 1,
                           packing: Bool = true) -> TrainingConfiguration {
    TrainingConfiguration(
        lora: LoRAConfiguration(rank: 4, alpha: 8, dropout: dropout),
        batchRows: rows, sequenceLength: 16, packing: packing, accumulationSteps: accumulation,
        schedule: LearningRateSchedule(peak: 3e-2, warmupSteps: 2, totalSteps: steps, decay: .cosine),
        weightDecay: 0.01, maximumGradientNorm: 1, seed: 17)
}

@Test("training lowers the loss on a learnable pattern")
func trainingLowersLoss() throws {
    let weights = try LlamaWeights.random(configuration: TrainingFixtures.configuration, seed: 1)
    let examples = TrainingFixtures.examples(count: 40, vocabularySize: 29, seed: 2)
    let trainer = try LoRATrainer(weights: weights, examples: examples, configuration: configuration(steps: 60))
    for _ in 0..<60 { trainer.step() }
    let early = trainer.history.prefix(5).map(\.loss).reduce(0, +) / 5
    let late = trainer.history.suffix(5).map(\.loss).reduce(0, +) / 5
    #expect(late < early * 0.75, "loss went from \(early) to \(late)")
    #expect(trainer.history.allSatisfy { $0.supervisedTokens > 0 && $0.tokens > 0 && $0.loss.isFinite })
}

@Test("a fresh PEFT-initialized adapter leaves the model's logits unchanged")
func freshAdapterIsIdentity() throws {
    let weights = try LlamaWeights.random(configuration: TrainingFixtures.configuration, seed: 3)
    let adapters = LoRAAdapters(configuration: LoRAConfiguration(rank: 4, alpha: 8), modelConfiguration: weights.configuration)
    adapters.initializeLikePEFT(seed: 1)
    let batch = TrainingFixtures.batch()
    let with = LlamaReference.logits(weights: weights, adapters: adapters, batch: batch)
    let without = LlamaReference.logits(weights: weights, adapters: nil, batch: batch)
    #expect(with == without)
    let a = adapters.a(adapters.slots[0])
    #expect(a.toArray().contains { $0 != 0 })
    #expect(a.toArray().allSatisfy { abs($0) <= 1 / Float(12).squareRoot() })
}

@Test("two accumulated micro-batches of one row equal one batch of two rows")
func accumulationEqualsLargerBatch() throws {
    let weights = try LlamaWeights.random(configuration: TrainingFixtures.configuration, seed: 4)
    let examples = TrainingFixtures.examples(count: 12, vocabularySize: 29, seed: 5)
    let big = try LoRATrainer(weights: weights, examples: examples,
                              configuration: configuration(steps: 3, rows: 2, packing: false))
    let accumulated = try LoRATrainer(weights: weights, examples: examples,
                                      configuration: configuration(steps: 3, rows: 1, accumulation: 2, packing: false))
    for _ in 0..<3 {
        let left = big.step(), right = accumulated.step()
        #expect(abs(left.loss - right.loss) < 1e-5)
        #expect(left.supervisedTokens == right.supervisedTokens)
    }
    #expect(big.adapters.parameters.maxAbsoluteDifference(to: accumulated.adapters.parameters) < 1e-6)
}

@Test("a checkpointed run resumes bit-identically, dropout and accumulation included")
func checkpointResumesExactly() throws {
    let directory = TemporaryDirectory()
    let weights = try LlamaWeights.random(configuration: TrainingFixtures.configuration, seed: 6)
    let examples = TrainingFixtures.examples(count: 9, vocabularySize: 29, seed: 7)
    let settings = configuration(steps: 7, dropout: 0.1, accumulation: 2)

    let straight = try LoRATrainer(weights: weights, examples: examples, configuration: settings)
    for _ in 0..<7 { straight.step() }

    let interrupted = try LoRATrainer(weights: weights, examples: examples, configuration: settings)
    for _ in 0..<3 { interrupted.step() }
    try TrainingCheckpoint.save(interrupted, to: directory.file("checkpoint"))
    let resumed = try TrainingCheckpoint.resume(from: directory.file("checkpoint"), weights: weights, examples: examples)
    #expect(resumed.completedSteps == 3 && resumed.history == interrupted.history)
    for _ in 0..<4 { resumed.step() }

    #expect(resumed.adapters.parameters.toArray() == straight.adapters.parameters.toArray())
    #expect(resumed.optimizer.secondMoment.toArray() == straight.optimizer.secondMoment.toArray())
    #expect(resumed.history.map(\.loss) == straight.history.map(\.loss))

    let fewer = Array(examples.prefix(4))
    #expect(throws: TrainingError.self) {
        try TrainingCheckpoint.resume(from: directory.file("checkpoint"), weights: weights, examples: fewer)
    }
}

@Test("a sequence length beyond the model's context is refused with a clear error")
func sequenceLengthBeyondContext() throws {
    let weights = try LlamaWeights.random(configuration: TrainingFixtures.configuration, seed: 9)
    let examples = TrainingFixtures.examples(count: 2, vocabularySize: 29, seed: 1)
    var settings = TrainingConfiguration(lora: LoRAConfiguration(rank: 2, alpha: 4), batchRows: 1, sequenceLength: 65)
    settings.seed = 1
    #expect(throws: TrainingError.invalidConfiguration("sequence length 65 exceeds the model's context 64")) {
        try LoRATrainer(weights: weights, examples: examples, configuration: settings)
    }
}
