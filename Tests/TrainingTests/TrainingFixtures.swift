import Foundation
import LinearAlgebra
@testable import Model
@testable import Training

/// Tiny model shapes and batches shared by the training tests.
enum TrainingFixtures {
    static let configuration = LlamaConfiguration(
        vocabularySize: 29, hiddenSize: 12, intermediateSize: 20, layerCount: 2, headCount: 4,
        keyValueHeadCount: 2, headDimension: 4, contextLength: 64, rmsNormEpsilon: 1e-5, ropeTheta: 10_000,
        tiedEmbeddings: true)

    /// Adapters with random A and B (B nonzero so every gradient path is exercised).
    static func adapters(_ lora: LoRAConfiguration, seed: UInt64 = 5) -> LoRAAdapters {
        let adapters = LoRAAdapters(configuration: lora, modelConfiguration: configuration)
        var generator = SeededGenerator(seed: seed)
        for index in 0..<adapters.parameterCount { adapters.parameters.data[index] = 0.3 * generator.nextNormal() }
        return adapters
    }

    /// Two rows of 6: a padded example and two packed examples.
    static func batch() -> TokenBatch {
        var batch = TokenBatch(rowCount: 2, sequenceLength: 6)
        batch.tokens = [3, 9, 1, 4, 0, 0, 5, 2, 8, 7, 6, 1]
        batch.positions = [0, 1, 2, 3, 4, 5, 0, 1, 2, 0, 1, 2]
        batch.keyStarts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3]
        batch.targets = [9, 1, 4, -1, -1, -1, -1, 8, -1, 6, 1, -1]
        return batch
    }

    /// One row of 80 packing two examples whose boundary (at 50) falls inside the second attention
    /// block, so the blocked attention's key windows and segment starts are exercised.
    static func longBatch() -> TokenBatch {
        var batch = TokenBatch(rowCount: 1, sequenceLength: 80)
        var generator = SeededGenerator(seed: 12)
        batch.tokens = (0..<80).map { _ in Int32(generator.next() % 29) }
        batch.positions = (0..<80).map { Int32($0 < 50 ? $0 : $0 - 50) }
        batch.keyStarts = (0..<80).map { $0 < 50 ? 0 : 50 }
        batch.targets = (0..<80).map { $0 % 3 == 0 && $0 != 49 && $0 < 79 ? batch.tokens[$0 + 1] : -1 }
        return batch
    }

    /// Synthetic tokenized chat examples: a prompt (not supervised) and a reply (supervised)
    /// whose tokens follow a pattern the model can learn.
    static func examples(count: Int, vocabularySize: Int, seed: UInt64) -> [TrainingExample] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let promptLength = 2 + Int(generator.next() % 3), replyLength = 2 + Int(generator.next() % 4)
            let start = Int(generator.next() % UInt64(vocabularySize))
            let prompt = (0..<promptLength).map { _ in Int32(generator.next() % UInt64(vocabularySize)) }
            let reply = (0..<replyLength).map { Int32((start + 3 * $0) % vocabularySize) }
            return TrainingExample(tokens: prompt + reply,
                                   lossMask: [Bool](repeating: false, count: promptLength)
                                       + [Bool](repeating: true, count: replyLength))
        }
    }
}

/// A fresh temporary directory for one test's files, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "sal-training-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
