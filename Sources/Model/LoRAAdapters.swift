import LinearAlgebra

/// A linear projection of a Llama layer that can carry a LoRA adapter, named as PEFT names it.
public enum LoRATarget: String, CaseIterable, Sendable, Codable, Comparable {
    case query = "q_proj", key = "k_proj", value = "v_proj", output = "o_proj"
    case gate = "gate_proj", up = "up_proj", down = "down_proj"

    /// The PEFT module path under `model.layers.{i}`.
    public var modulePath: String {
        switch self {
        case .query, .key, .value, .output: "self_attn.\(rawValue)"
        case .gate, .up, .down: "mlp.\(rawValue)"
        }
    }

    /// (input features, output features) of this projection.
    public func features(in configuration: LlamaConfiguration) -> (input: Int, output: Int) {
        switch self {
        case .query: (configuration.hiddenSize, configuration.queryWidth)
        case .key, .value: (configuration.hiddenSize, configuration.keyValueWidth)
        case .output: (configuration.queryWidth, configuration.hiddenSize)
        case .gate, .up: (configuration.hiddenSize, configuration.intermediateSize)
        case .down: (configuration.intermediateSize, configuration.hiddenSize)
        }
    }

    var order: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: LoRATarget, rhs: LoRATarget) -> Bool { lhs.order < rhs.order }
}

/// The hyper-parameters of a LoRA adapter: forward is W x + (alpha / rank) · B (A dropout(x)).
public struct LoRAConfiguration: Sendable, Equatable, Codable {
    public var rank: Int
    public var alpha: Float
    public var dropout: Float
    /// The adapted projections, kept sorted in q, k, v, o, gate, up, down order.
    public var targets: [LoRATarget]

    public init(rank: Int = 32, alpha: Float = 64, dropout: Float = 0, targets: [LoRATarget] = LoRATarget.allCases) {
        precondition(rank > 0, "LoRA rank must be positive")
        precondition(dropout >= 0 && dropout < 1, "LoRA dropout must be in [0, 1)")
        self.rank = rank
        self.alpha = alpha
        self.dropout = dropout
        self.targets = Array(Set(targets)).sorted()
    }

    /// The factor applied to B A: alpha / rank.
    public var scale: Float { alpha / Float(rank) }
}

/// Where one adapter pair lives inside the flat parameter buffer.
public struct LoRASlot: Sendable, Equatable {
    public let layer: Int
    public let target: LoRATarget
    public let inputFeatures: Int
    public let outputFeatures: Int
    /// Offset of A, stored row-major as [rank, inputFeatures].
    public let aOffset: Int
    /// Offset of B, stored row-major as [outputFeatures, rank].
    public let bOffset: Int
}

/// All LoRA A/B matrices of a model in one flat Float buffer (layer-major, target order, A then B),
/// so the optimizer, gradient norm and checkpoints treat them as one vector. Gradients use the same layout.
public final class LoRAAdapters {
    public let configuration: LoRAConfiguration
    public let modelConfiguration: LlamaConfiguration
    public let parameters: Tensor
    public let slots: [LoRASlot]
    private let slotIndex: [[Int?]]

    /// Adapters with every parameter zero (fill them from a file or `initializeLikePEFT`).
    public init(configuration: LoRAConfiguration, modelConfiguration: LlamaConfiguration) {
        self.configuration = configuration
        self.modelConfiguration = modelConfiguration
        var slots: [LoRASlot] = []
        var index: [[Int?]] = []
        var offset = 0
        for layer in 0..<modelConfiguration.layerCount {
            var row = [Int?](repeating: nil, count: LoRATarget.allCases.count)
            for target in configuration.targets {
                let (input, output) = target.features(in: modelConfiguration)
                row[target.order] = slots.count
                slots.append(LoRASlot(layer: layer, target: target, inputFeatures: input, outputFeatures: output,
                                      aOffset: offset, bOffset: offset + configuration.rank * input))
                offset += configuration.rank * (input + output)
            }
            index.append(row)
        }
        self.slots = slots
        self.slotIndex = index
        parameters = Tensor(shape: [offset])
    }

    /// PEFT's default initialization: A uniform in ±1/sqrt(in) (Kaiming-uniform with a = sqrt 5), B = 0,
    /// so a fresh adapter leaves the model's output unchanged.
    public func initializeLikePEFT(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        parameters.fill(0)
        let rank = configuration.rank
        for slot in slots {
            let bound = 1 / Float(slot.inputFeatures).squareRoot()
            let a = parameters.data + slot.aOffset
            for index in 0..<(rank * slot.inputFeatures) {
                a[index] = (generator.nextUnitFloat() * 2 - 1) * bound
            }
        }
    }

    /// The number of trainable values.
    public var parameterCount: Int { parameters.count }

    /// The slot of `target` in `layer`, if adapted.
    public func slot(layer: Int, target: LoRATarget) -> LoRASlot? {
        slotIndex[layer][target.order].map { slots[$0] }
    }

    /// The index in `slots` of `target` in `layer`, if adapted.
    public func slotNumber(layer: Int, target: LoRATarget) -> Int? {
        slotIndex[layer][target.order]
    }

    /// A copy of A for a slot, shaped [rank, in].
    public func a(_ slot: LoRASlot) -> Tensor {
        let tensor = Tensor(shape: [configuration.rank, slot.inputFeatures])
        tensor.data.update(from: parameters.data + slot.aOffset, count: tensor.count)
        return tensor
    }

    /// A copy of B for a slot, shaped [out, rank].
    public func b(_ slot: LoRASlot) -> Tensor {
        let tensor = Tensor(shape: [slot.outputFeatures, configuration.rank])
        tensor.data.update(from: parameters.data + slot.bOffset, count: tensor.count)
        return tensor
    }
}
