import Foundation
import LinearAlgebra

/// A plain-loop, Float64 forward pass of the same model (LoRA included): slow and obviously right.
/// Tests hold the BLAS forward, the KV-cache decoder and the analytic gradients to it; the LoRA
/// parameters can be supplied as Float64 so finite differences are not drowned by Float32 rounding.
public enum LlamaReference {
    /// logits[n][v] for every position of `batch`, with LoRA dropout when `dropout` is given.
    public static func logits(weights: LlamaWeights, adapters: LoRAAdapters?, adapterParameters: [Double]? = nil,
                              batch: TokenBatch, dropout: LoRADropout? = nil) -> [[Double]] {
        let c = weights.configuration
        let parameters = adapterParameters ?? adapters.map { $0.parameters.toArray().map(Double.init) } ?? []
        let t = batch.sequenceLength, d = c.headDimension, half = d / 2
        var result: [[Double]] = []
        for row in 0..<batch.rowCount {
            let range = (row * t)..<((row + 1) * t)
            var hidden: [[Double]] = range.map { index in
                let token = Int(batch.tokens[index])
                return (0..<c.hiddenSize).map { Double(weights.tokenEmbedding[token, $0]) }
            }
            for (layerIndex, layer) in weights.layers.enumerated() {
                func project(_ target: LoRATarget, _ inputs: [[Double]]) -> [[Double]] {
                    let weight = layer.projection(target)
                    let slot = adapters?.slot(layer: layerIndex, target: target)
                    return inputs.enumerated().map { tokenIndex, input in
                        var output = matrixVector(weight, input)
                        if let slot, let adapters {
                            var input = input
                            if let dropout, dropout.rate > 0 {
                                let slotNumber = adapters.slotNumber(layer: layerIndex, target: target)!
                                let base = (row * t + tokenIndex) * slot.inputFeatures
                                for i in 0..<slot.inputFeatures {
                                    let kept = dropout.keeps(index: base + i, slotNumber: slotNumber)
                                    input[i] = kept ? input[i] / Double(1 - dropout.rate) : 0
                                }
                            }
                            let rank = adapters.configuration.rank, scale = Double(adapters.configuration.scale)
                            var low = [Double](repeating: 0, count: rank)
                            for r in 0..<rank {
                                for i in 0..<slot.inputFeatures {
                                    low[r] += parameters[slot.aOffset + r * slot.inputFeatures + i] * input[i]
                                }
                            }
                            for o in 0..<slot.outputFeatures {
                                var sum = 0.0
                                for r in 0..<rank { sum += parameters[slot.bOffset + o * rank + r] * low[r] }
                                output[o] += scale * sum
                            }
                        }
                        return output
                    }
                }
                func rotate(_ vectors: [[Double]], heads: Int) -> [[Double]] {
                    vectors.enumerated().map { offset, vector in
                        let position = Double(batch.positions[row * t + offset])
                        var rotated = vector
                        for head in 0..<heads {
                            for i in 0..<half {
                                let angle = position * pow(Double(c.ropeTheta), -Double(2 * i) / Double(d))
                                let first = vector[head * d + i], second = vector[head * d + i + half]
                                rotated[head * d + i] = first * cos(angle) - second * sin(angle)
                                rotated[head * d + i + half] = second * cos(angle) + first * sin(angle)
                            }
                        }
                        return rotated
                    }
                }
                let normalized = hidden.map { rmsNorm($0, layer.attentionNorm, Double(c.rmsNormEpsilon)) }
                let q = rotate(project(.query, normalized), heads: c.headCount)
                let k = rotate(project(.key, normalized), heads: c.keyValueHeadCount)
                let v = project(.value, normalized)
                var attended = [[Double]](repeating: [Double](repeating: 0, count: c.queryWidth), count: t)
                let group = c.headCount / c.keyValueHeadCount
                for query in 0..<t {
                    let first = Int(batch.keyStarts[row * t + query])
                    for head in 0..<c.headCount {
                        let kvHead = head / group
                        var scores: [Double] = []
                        for key in first...query {
                            var dot = 0.0
                            for i in 0..<d { dot += q[query][head * d + i] * k[key][kvHead * d + i] }
                            scores.append(dot / Double(d).squareRoot())
                        }
                        let largest = scores.max()!
                        let exponentials = scores.map { exp($0 - largest) }
                        let total = exponentials.reduce(0, +)
                        for (offset, key) in (first...query).enumerated() {
                            for i in 0..<d {
                                attended[query][head * d + i] += exponentials[offset] / total * v[key][kvHead * d + i]
                            }
                        }
                    }
                }
                let projected = project(.output, attended)
                for index in 0..<t { for i in 0..<c.hiddenSize { hidden[index][i] += projected[index][i] } }
                let normalized2 = hidden.map { rmsNorm($0, layer.mlpNorm, Double(c.rmsNormEpsilon)) }
                let gate = project(.gate, normalized2), up = project(.up, normalized2)
                let product = zip(gate, up).map { g, u in zip(g, u).map { $0 / (1 + exp(-$0)) * $1 } }
                let down = project(.down, product)
                for index in 0..<t { for i in 0..<c.hiddenSize { hidden[index][i] += down[index][i] } }
            }
            for vector in hidden {
                result.append(matrixVector(weights.languageModelHead,
                                           rmsNorm(vector, weights.outputNorm, Double(c.rmsNormEpsilon))))
            }
        }
        return result
    }

    /// The mean cross-entropy over the batch's targets (positions with target -1 are skipped).
    public static func loss(weights: LlamaWeights, adapters: LoRAAdapters?, adapterParameters: [Double]? = nil,
                            batch: TokenBatch, dropout: LoRADropout? = nil) -> Double {
        let allLogits = logits(weights: weights, adapters: adapters, adapterParameters: adapterParameters,
                               batch: batch, dropout: dropout)
        var total = 0.0, count = 0
        for (index, row) in allLogits.enumerated() where batch.targets[index] >= 0 {
            let largest = row.max()!
            let logSum = log(row.reduce(0) { $0 + exp($1 - largest) }) + largest
            total += logSum - row[Int(batch.targets[index])]
            count += 1
        }
        return count == 0 ? 0 : total / Double(count)
    }

    private static func matrixVector(_ matrix: Tensor, _ vector: [Double]) -> [Double] {
        let columns = matrix.columnCount
        return (0..<matrix.rowCount).map { row in
            var sum = 0.0
            let start = matrix.data + row * columns
            for column in 0..<columns { sum += Double(start[column]) * vector[column] }
            return sum
        }
    }

    private static func rmsNorm(_ vector: [Double], _ weight: Tensor, _ epsilon: Double) -> [Double] {
        let meanSquare = vector.reduce(0) { $0 + $1 * $1 } / Double(vector.count)
        let scale = 1 / (meanSquare + epsilon).squareRoot()
        return vector.enumerated().map { $1 * scale * Double(weight[$0]) }
    }
}
