import Foundation
import LinearAlgebra
import Testing
@testable import Model
@testable import Training

/// The PyTorch + PEFT reference written by Benchmarks/pytorch/make_parity_reference.py (see its README):
/// a tiny tied-embedding Llama, LoRA r=4 on all seven projections, a 2×16 batch with a loss mask.
private enum ParityFixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/parity").path
    static let isPresent = FileManager.default.fileExists(atPath: directory + "/reference.safetensors")
}

/// The largest elementwise gap between `actual` and `expected`, relative to expected's largest magnitude.
private func relativeGap(_ actual: UnsafePointer<Float>, _ expected: Tensor) -> Float {
    var worst: Float = 0, scale: Float = 0
    for index in 0..<expected.count {
        worst = max(worst, abs(actual[index] - expected.data[index]))
        scale = max(scale, abs(expected.data[index]))
    }
    return worst / max(scale, 1e-12)
}

@Test("forward, loss, LoRA gradients and three AdamW steps match PyTorch + PEFT",
      .enabled(if: ParityFixture.isPresent, "the parity fixture is missing: run Benchmarks/pytorch/make_parity_reference.py"))
func pytorchParity() throws {
    let directory = ParityFixture.directory
    let weights = try LlamaWeights(huggingFaceDirectory: directory)
    let reference = try SafetensorsFile(path: directory + "/reference.safetensors")
    let configData = try Data(contentsOf: URL(fileURLWithPath: directory + "/adapter_config.json"))
    let lora = try LoRAConfiguration(peftAdapterConfig: configData)
    #expect(lora == LoRAConfiguration(rank: 4, alpha: 8, dropout: 0))
    let adapters = LoRAAdapters(configuration: lora, modelConfiguration: weights.configuration)
    try adapters.load(from: reference, keyPrefix: "initial.")

    let ids = try reference.tensor(named: "input_ids"), mask = try reference.tensor(named: "loss_mask")
    let (rows, length) = (ids.shape[0], ids.shape[1])
    var batch = TokenBatch(rowCount: rows, sequenceLength: length)
    batch.tokens = ids.toArray().map { Int32($0) }
    for index in 0..<(rows * length) where (index + 1) % length != 0 && mask[index + 1] == 1 {
        batch.targets[index] = batch.tokens[index + 1]
    }
    let supervised = batch.supervisedCount
    #expect(supervised == 18)

    let base = LlamaModel(weights: weights)
    let plain = ActivationWorkspace(configuration: weights.configuration, rowCount: rows, sequenceLength: length, lora: nil)
    base.forward(batch: batch, workspace: plain)
    let baseLogits = base.logits(rows: Array(0..<(rows * length)), workspace: plain)
    #expect(relativeGap(baseLogits.data, try reference.tensor(named: "base_logits")) < 1e-5)

    let model = LlamaModel(weights: weights, adapters: adapters)
    let activations = ActivationWorkspace(configuration: weights.configuration, rowCount: rows, sequenceLength: length,
                                          lora: lora)
    let pass = LoRABackwardPass(model: model, activations: activations,
                                gradients: GradientWorkspace(configuration: weights.configuration, rowCount: rows,
                                                             sequenceLength: length, lora: lora))
    let gradients = Tensor(shape: [adapters.parameterCount])
    func lossAndGradients() -> Double {
        gradients.fill(0)
        model.forward(batch: batch, workspace: activations)
        let loss = pass.languageModelLoss(batch: batch, gradientScale: 1 / Float(supervised)) / Double(supervised)
        pass.backward(batch: batch, gradients: gradients, dropout: nil)
        return loss
    }

    let loss = lossAndGradients()
    let adaptedLogits = model.logits(rows: Array(0..<(rows * length)), workspace: activations)
    #expect(relativeGap(adaptedLogits.data, try reference.tensor(named: "logits")) < 1e-5)
    let expectedLoss = Double(try reference.tensor(named: "loss")[0])
    #expect(abs(loss - expectedLoss) < 1e-5 * expectedLoss)
    for slot in adapters.slots {
        for (matrix, offset) in [("A", slot.aOffset), ("B", slot.bOffset)] {
            let key = LoRAAdapters.peftKey(layer: slot.layer, target: slot.target, matrix: matrix)
            let gap = relativeGap(gradients.data + offset, try reference.tensor(named: "gradient." + key))
            #expect(gap < 1e-4, "\(key): \(gap)")
        }
    }

    let optimizer = AdamW(parameterCount: adapters.parameterCount, beta1: 0.9, beta2: 0.999, epsilon: 1e-8,
                          weightDecay: 0.01)
    var losses = [loss]
    for _ in 0..<3 {
        optimizer.update(parameters: adapters.parameters, gradients: gradients, learningRate: 0.01)
        losses.append(lossAndGradients())
    }
    let expectedLosses = try reference.tensor(named: "adamw_losses").toArray()
    for (ours, theirs) in zip(losses, expectedLosses) { #expect(abs(ours - Double(theirs)) < 1e-4 * Double(theirs)) }
    var close = 0, total = 0
    var worst: Float = 0
    for slot in adapters.slots {
        for (matrix, offset, count) in [("A", slot.aOffset, lora.rank * slot.inputFeatures),
                                        ("B", slot.bOffset, slot.outputFeatures * lora.rank)] {
            let key = LoRAAdapters.peftKey(layer: slot.layer, target: slot.target, matrix: matrix)
            let expected = try reference.tensor(named: "final." + key)
            for index in 0..<count {
                let gap = abs(adapters.parameters[offset + index] - expected[index])
                worst = max(worst, gap)
                close += gap < 1e-4 ? 1 : 0
                total += 1
            }
        }
    }
    // Near-zero gradients make an AdamW step ≈ ±lr either way, so a few parameters may differ by O(lr).
    #expect(Double(close) / Double(total) > 0.99, "\(close) of \(total) within 1e-4")
    #expect(worst < 6 * 0.01)
}
