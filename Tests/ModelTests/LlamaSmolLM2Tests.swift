import Foundation
import LinearAlgebra
import Testing
@testable import Model

/// The real SmolLM2-135M-Instruct GGUF (Q4_1 matrices, Q8_0 embeddings), when the model cache has it.
private enum CachedSmolLM2 {
    static let url = try? ModelStore(environment: ProcessInfo.processInfo.environment).locate(.smolLM2_135MInstruct)
}

@Test("SmolLM2-135M from GGUF completes a factual prompt greedily",
      .enabled(if: CachedSmolLM2.url != nil, "SmolLM2 is not in the model cache: run Scripts/setup.sh to enable this test"))
func smolLM2CompletesFactualPrompt() throws {
    let gguf = try GGUFFile(path: CachedSmolLM2.url!.path)
    #expect(gguf.tensorInfo(named: "token_embd.weight")?.type == .q8_0)
    #expect(gguf.tensorInfo(named: "blk.0.attn_q.weight")?.type == .q4_1)
    let weights = try LlamaWeights(gguf: gguf)
    #expect(weights.configuration == LlamaConfiguration.smolLM2_135M)
    let tokenizer = try Tokenizer.fromGGUFMetadata(gguf.metadata)
    let model = LlamaModel(weights: weights, maximumPosition: 64)
    var sampler = Sampler(SamplingSettings())
    let output = model.generate(prompt: tokenizer.encode("The capital of France is"), maximumNewTokens: 2,
                                sampler: &sampler)
    #expect(tokenizer.decode(output).hasPrefix(" Paris"))
}
