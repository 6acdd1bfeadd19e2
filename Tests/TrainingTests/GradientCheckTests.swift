import Foundation
import LinearAlgebra
import Testing
@testable import Model
@testable import Training

/// Analytic LoRA gradients (Float32, BLAS) against central differences of the Float64 reference loss.
@Test("LoRA gradients match finite differences of the Float64 reference loss",
      arguments: [(Float(0), true, false), (0, false, false), (0.25, true, false), (0.25, false, false), (0, true, true)])
func loraGradientsMatchFiniteDifferences(dropoutRate: Float, allTargets: Bool, long: Bool) throws {
    let configuration = TrainingFixtures.configuration
    let weights = try LlamaWeights.random(configuration: configuration, seed: 21)
    let targets: [LoRATarget] = allTargets ? LoRATarget.allCases : [.value, .up]
    let lora = LoRAConfiguration(rank: 3, alpha: 5, dropout: dropoutRate, targets: targets)
    let adapters = TrainingFixtures.adapters(lora)
    let model = LlamaModel(weights: weights, adapters: adapters)
    let batch = long ? TrainingFixtures.longBatch() : TrainingFixtures.batch()
    let dropout = dropoutRate > 0 ? LoRADropout(rate: dropoutRate, seed: 77) : nil

    let activations = ActivationWorkspace(configuration: configuration, rowCount: batch.rowCount,
                                          sequenceLength: batch.sequenceLength, lora: lora)
    let gradientWorkspace = GradientWorkspace(configuration: configuration, rowCount: batch.rowCount,
                                              sequenceLength: batch.sequenceLength, lora: lora, logitRowsPerChunk: 2)
    let pass = LoRABackwardPass(model: model, activations: activations, gradients: gradientWorkspace)
    let gradients = Tensor(shape: [adapters.parameterCount])
    model.forward(batch: batch, workspace: activations, dropout: dropout)
    let supervised = Double(batch.supervisedCount)
    let loss = pass.languageModelLoss(batch: batch, gradientScale: Float(1 / supervised)) / supervised
    pass.backward(batch: batch, gradients: gradients, dropout: dropout)

    let base = adapters.parameters.toArray().map(Double.init)
    let referenceLoss = LlamaReference.loss(weights: weights, adapters: adapters, adapterParameters: base,
                                            batch: batch, dropout: dropout)
    #expect(abs(loss - referenceLoss) < 1e-5 * max(1, referenceLoss))

    var generator = SeededGenerator(seed: 3)
    let step = 1e-5
    var checked = 0
    for slot in adapters.slots {
        let aCount = lora.rank * slot.inputFeatures, bCount = slot.outputFeatures * lora.rank
        let indices = (0..<2).map { _ in slot.aOffset + Int(generator.next() % UInt64(aCount)) }
            + (0..<2).map { _ in slot.bOffset + Int(generator.next() % UInt64(bCount)) }
        for index in indices {
            var plus = base, minus = base
            plus[index] += step
            minus[index] -= step
            let numeric = (LlamaReference.loss(weights: weights, adapters: adapters, adapterParameters: plus,
                                               batch: batch, dropout: dropout)
                - LlamaReference.loss(weights: weights, adapters: adapters, adapterParameters: minus,
                                      batch: batch, dropout: dropout)) / (2 * step)
            let analytic = Double(gradients[index])
            #expect(abs(analytic - numeric) <= 1e-3 * abs(numeric) + 2e-6,
                    "\(slot.target) layer \(slot.layer) index \(index): analytic \(analytic), numeric \(numeric)")
            checked += 1
        }
    }
    #expect(checked == adapters.slots.count * 4)
}
