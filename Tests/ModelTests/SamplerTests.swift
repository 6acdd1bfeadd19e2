import Foundation
import LinearAlgebra
import Testing
@testable import Model

@Test("greedy sampling picks the argmax; seeded sampling replays")
func greedyAndSeeded() {
    let logits: [Float] = [0.1, 2.5, -1, 2.4]
    var greedy = Sampler(SamplingSettings())
    #expect(greedy.sample(logits: logits, count: 4) == 1)
    var first = Sampler(SamplingSettings(temperature: 1, seed: 7))
    var second = Sampler(SamplingSettings(temperature: 1, seed: 7))
    let a = (0..<50).map { _ in first.sample(logits: logits, count: 4) }
    let b = (0..<50).map { _ in second.sample(logits: logits, count: 4) }
    #expect(a == b)
    #expect(Set(a).count > 1)
}

@Test("temperature sampling follows the softmax and top-p keeps only the nucleus")
func samplingDistribution() {
    let logits: [Float] = [log(0.5), log(0.3), log(0.2)]
    let draws = 20_000
    var sampler = Sampler(SamplingSettings(temperature: 1, seed: 3))
    var counts = [0, 0, 0]
    for _ in 0..<draws { counts[Int(sampler.sample(logits: logits, count: 3))] += 1 }
    #expect(abs(Double(counts[0]) / Double(draws) - 0.5) < 0.02)
    #expect(abs(Double(counts[2]) / Double(draws) - 0.2) < 0.02)

    var nucleus = Sampler(SamplingSettings(temperature: 1, topP: 0.6, seed: 3))
    counts = [0, 0, 0]
    for _ in 0..<draws { counts[Int(nucleus.sample(logits: logits, count: 3))] += 1 }
    #expect(counts[2] == 0)
    #expect(abs(Double(counts[0]) / Double(draws) - 0.625) < 0.02)

    var cold = Sampler(SamplingSettings(temperature: 0.05, seed: 3))
    #expect((0..<100).allSatisfy { _ in cold.sample(logits: logits, count: 3) == 0 })
}

@Test("greedy generation equals repeated argmax of the reference forward pass and stops at a stop token")
func greedyGenerationMatchesReference() throws {
    let configuration = TinyModels.tied
    let weights = try LlamaWeights.random(configuration: configuration, seed: 6)
    let model = LlamaModel(weights: weights)
    var sampler = Sampler(SamplingSettings())
    let prompt: [Int32] = [4, 8, 15]
    let generated = model.generate(prompt: prompt, maximumNewTokens: 5, sampler: &sampler)
    var sequence = prompt
    for _ in 0..<5 {
        var batch = TokenBatch(rowCount: 1, sequenceLength: sequence.count)
        batch.tokens = sequence
        let last = LlamaReference.logits(weights: weights, adapters: nil, batch: batch).last!
        sequence.append(Int32(last.indices.max { last[$0] < last[$1] }!))
    }
    #expect(generated == Array(sequence[3...]))

    var again = Sampler(SamplingSettings())
    let stopIndex = generated.firstIndex(of: generated[4])!
    let stopped = model.generate(prompt: prompt, maximumNewTokens: 5, sampler: &again, stopTokens: [generated[4]])
    #expect(stopped == Array(generated[0...stopIndex]))
}

@Test("batched generation gives each prompt what generating it alone gives")
func batchedGenerationMatchesSingle() throws {
    let configuration = TinyModels.tied
    let weights = try LlamaWeights.random(configuration: configuration, seed: 10)
    let model = LlamaModel(weights: weights, adapters: TinyModels.randomAdapters(for: configuration))
    let prompts: [[Int32]] = [[4, 8, 15], [16, 23, 42 % 37, 1, 2], [7]]
    let settings = [SamplingSettings(), SamplingSettings(temperature: 0.8, seed: 1), SamplingSettings(temperature: 1.2, topP: 0.9, seed: 2)]
    var samplers = settings.map(Sampler.init)
    let stop: Int32 = 5
    let together = model.generate(prompts: prompts, maximumNewTokens: 12, samplers: &samplers, stopTokens: [stop])
    for (index, prompt) in prompts.enumerated() {
        var sampler = Sampler(settings[index])
        let alone = model.generate(prompt: prompt, maximumNewTokens: 12, sampler: &sampler, stopTokens: [stop])
        #expect(together[index] == alone, "prompt \(index)")
    }
    #expect(together.allSatisfy { $0.count == 12 || $0.last == stop })
}
