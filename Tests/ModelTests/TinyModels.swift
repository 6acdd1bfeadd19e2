import LinearAlgebra
@testable import Model

/// Small model shapes for tests: GQA with 2 query heads per KV head, and a head dimension that
/// differs from hidden / heads, so width mix-ups show up.
enum TinyModels {
    static let tied = LlamaConfiguration(
        vocabularySize: 37, hiddenSize: 16, intermediateSize: 24, layerCount: 2, headCount: 4,
        keyValueHeadCount: 2, headDimension: 6, contextLength: 256, rmsNormEpsilon: 1e-5, ropeTheta: 10_000,
        tiedEmbeddings: true)

    static let untied: LlamaConfiguration = {
        var configuration = tied
        configuration.tiedEmbeddings = false
        configuration.headDimension = 4
        configuration.ropeTheta = 100_000
        return configuration
    }()

    /// Adapters on every projection with random A and B (B nonzero so the branch matters).
    static func randomAdapters(for configuration: LlamaConfiguration, rank: Int = 3,
                               targets: [LoRATarget] = LoRATarget.allCases, seed: UInt64 = 9) -> LoRAAdapters {
        let adapters = LoRAAdapters(configuration: LoRAConfiguration(rank: rank, alpha: 6, targets: targets),
                                    modelConfiguration: configuration)
        var generator = SeededGenerator(seed: seed)
        for index in 0..<adapters.parameterCount {
            adapters.parameters.data[index] = 0.2 * generator.nextNormal()
        }
        return adapters
    }

    /// Two rows of 7: row 0 holds one example padded at the end, row 1 packs two examples.
    static func batch(vocabularySize: Int) -> TokenBatch {
        var batch = TokenBatch(rowCount: 2, sequenceLength: 7)
        let tokens: [Int32] = [3, 9, 1, 4, 0, 0, 0, 5, 2, 8, 7, 6, 1, 3]
        batch.tokens = tokens.map { $0 % Int32(vocabularySize) }
        batch.positions = [0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 0, 1, 2, 3]
        batch.keyStarts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3]
        batch.targets = [-1, 1, 4, -1, -1, -1, -1, 2, 8, -1, -1, 1, 3, -1].map { $0 % Int32(vocabularySize) }
        return batch
    }
}
