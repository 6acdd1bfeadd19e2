import Foundation
import LinearAlgebra

extension LoRAAdapters {
    /// The PEFT key of a slot's A or B matrix.
    public static func peftKey(layer: Int, target: LoRATarget, matrix: String) -> String {
        "base_model.model.model.layers.\(layer).\(target.modulePath).lora_\(matrix).weight"
    }

    /// Writes a PEFT LoRA adapter directory: `adapter_config.json` and `adapter_model.safetensors`
    /// (A as [r, in], B as [out, r], Hugging Face row order), loadable by `PeftModel.from_pretrained`.
    public func writePEFT(to directory: String, baseModel: String, dtype: SafetensorsDType = .f32) throws {
        let config: [String: Any] = [
            "peft_type": "LORA", "task_type": "CAUSAL_LM", "r": configuration.rank,
            "lora_alpha": Double(configuration.alpha), "lora_dropout": Double(configuration.dropout),
            "target_modules": configuration.targets.map(\.rawValue), "bias": "none",
            "base_model_name_or_path": baseModel, "fan_in_fan_out": false, "inference_mode": true,
            "init_lora_weights": true, "use_rslora": false, "use_dora": false, "modules_to_save": NSNull(),
            "layers_to_transform": NSNull(), "layers_pattern": NSNull(), "rank_pattern": [String: Any](),
            "alpha_pattern": [String: Any](), "revision": NSNull(),
        ]
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let data = try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: URL(fileURLWithPath: directory + "/adapter_config.json"))
        } catch {
            throw ModelFileError.cannotWrite(path: directory, reason: "\(error)")
        }
        var writer = SafetensorsWriter()
        writer.metadata = ["format": "pt"]
        for slot in slots {
            writer.add(Self.peftKey(layer: slot.layer, target: slot.target, matrix: "A"), a(slot), as: dtype)
            writer.add(Self.peftKey(layer: slot.layer, target: slot.target, matrix: "B"), b(slot), as: dtype)
        }
        try writer.write(to: directory + "/adapter_model.safetensors")
    }

    /// Reads a PEFT LoRA adapter directory (`adapter_config.json` + `adapter_model.safetensors`)
    /// for a model of `modelConfiguration`.
    public convenience init(peftDirectory directory: String, modelConfiguration: LlamaConfiguration) throws {
        let configPath = directory + "/adapter_config.json"
        guard let data = FileManager.default.contents(atPath: configPath) else {
            throw ModelFileError.cannotOpen(path: configPath, reason: "no such file")
        }
        self.init(configuration: try LoRAConfiguration(peftAdapterConfig: data), modelConfiguration: modelConfiguration)
        try load(from: SafetensorsFile(path: directory + "/adapter_model.safetensors"))
    }

    /// Fills every A and B from `file`, whose keys are PEFT's names with `keyPrefix` in front.
    public func load(from file: SafetensorsFile, keyPrefix: String = "") throws {
        let rank = configuration.rank
        for slot in slots {
            for (matrix, offset, shape) in [("A", slot.aOffset, [rank, slot.inputFeatures]),
                                            ("B", slot.bOffset, [slot.outputFeatures, rank])] {
                let key = keyPrefix + Self.peftKey(layer: slot.layer, target: slot.target, matrix: matrix)
                let tensor = try file.tensor(named: key)
                guard tensor.shape == shape else {
                    throw ModelFileError.shapeMismatch(tensor: key, expected: shape, found: tensor.shape)
                }
                (parameters.data + offset).update(from: tensor.data, count: tensor.count)
            }
        }
    }
}

extension LoRAConfiguration {
    /// The configuration in a PEFT `adapter_config.json`. Rejects what the forward pass does not
    /// implement (biases, rsLoRA, DoRA, per-module ranks, layer subsets, pattern target modules).
    public init(peftAdapterConfig data: Data) throws {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ModelFileError.malformed("adapter_config.json is not a JSON object")
        }
        guard (object["peft_type"] as? String) == "LORA" else {
            throw ModelFileError.unsupportedFeature("peft_type \(object["peft_type"] ?? "missing") (only LORA)")
        }
        if let bias = object["bias"] as? String, bias != "none" { throw ModelFileError.unsupportedFeature("LoRA bias '\(bias)'") }
        for flag in ["use_rslora", "use_dora", "fan_in_fan_out", "lora_bias"] where (object[flag] as? Bool) == true {
            throw ModelFileError.unsupportedFeature("\(flag) = true")
        }
        for pattern in ["rank_pattern", "alpha_pattern"] where !((object[pattern] as? [String: Any]) ?? [:]).isEmpty {
            throw ModelFileError.unsupportedFeature("per-module \(pattern)")
        }
        if let layers = object["layers_to_transform"], !(layers is NSNull) {
            throw ModelFileError.unsupportedFeature("layers_to_transform")
        }
        guard let rank = (object["r"] as? NSNumber)?.intValue, rank > 0 else { throw ModelFileError.missingKey("r") }
        guard let alpha = (object["lora_alpha"] as? NSNumber)?.floatValue else { throw ModelFileError.missingKey("lora_alpha") }
        guard let names = object["target_modules"] as? [String] else {
            throw ModelFileError.unsupportedFeature("target_modules that is not a list of names")
        }
        let targets = try names.map { name -> LoRATarget in
            guard let target = LoRATarget(rawValue: name) else { throw ModelFileError.unsupportedFeature("target module \(name)") }
            return target
        }
        let dropout = (object["lora_dropout"] as? NSNumber)?.floatValue ?? 0
        guard dropout >= 0 && dropout < 1 else { throw ModelFileError.malformed("lora_dropout \(dropout)") }
        self.init(rank: rank, alpha: alpha, dropout: dropout, targets: targets)
    }
}

extension LlamaWeights {
    /// Folds adapters into the frozen weights in place: W += (alpha / r) · B · A for every slot.
    /// The trap: a model still holding the same adapters would then apply them twice; drop them.
    public func merge(_ adapters: LoRAAdapters) {
        precondition(adapters.modelConfiguration == configuration, "adapters for another model shape")
        let rank = adapters.configuration.rank
        for slot in adapters.slots {
            let weight = layers[slot.layer].projection(slot.target)
            BLAS.sgemm(.none, .none, m: slot.outputFeatures, n: slot.inputFeatures, k: rank,
                       alpha: adapters.configuration.scale, a: adapters.parameters.data + slot.bOffset, lda: rank,
                       b: adapters.parameters.data + slot.aOffset, ldb: slot.inputFeatures,
                       beta: 1, c: weight.data, ldc: slot.inputFeatures)
        }
    }
}
