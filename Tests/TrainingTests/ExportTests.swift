import Foundation
import LinearAlgebra
import Testing
@testable import Model
@testable import Training

@Test("a PEFT export has PEFT's keys, shapes and config, and loads back to the same adapter")
func peftRoundTrip() throws {
    let directory = TemporaryDirectory()
    let adapters = TrainingFixtures.adapters(LoRAConfiguration(rank: 3, alpha: 6, dropout: 0.05, targets: [.query, .down]))
    try adapters.writePEFT(to: directory.file("adapter"), baseModel: "HuggingFaceTB/SmolLM2-135M-Instruct")

    let file = try SafetensorsFile(path: directory.file("adapter/adapter_model.safetensors"))
    #expect(file.tensorNames.count == 2 * 2 * 2)
    let c = TrainingFixtures.configuration
    #expect(file.entries["base_model.model.model.layers.1.self_attn.q_proj.lora_A.weight"]?.shape == [3, c.hiddenSize])
    #expect(file.entries["base_model.model.model.layers.1.self_attn.q_proj.lora_B.weight"]?.shape == [c.queryWidth, 3])
    #expect(file.entries["base_model.model.model.layers.0.mlp.down_proj.lora_A.weight"]?.shape == [3, c.intermediateSize])
    #expect(file.entries["base_model.model.model.layers.0.mlp.down_proj.lora_B.weight"]?.shape == [c.hiddenSize, 3])

    let configData = try Data(contentsOf: URL(fileURLWithPath: directory.file("adapter/adapter_config.json")))
    let config = try #require(try JSONSerialization.jsonObject(with: configData) as? [String: Any])
    #expect(config["peft_type"] as? String == "LORA")
    #expect(config["task_type"] as? String == "CAUSAL_LM")
    #expect(config["r"] as? Int == 3)
    #expect(config["lora_alpha"] as? Double == 6)
    #expect(config["target_modules"] as? [String] == ["q_proj", "down_proj"])
    #expect(config["bias"] as? String == "none")
    #expect(config["base_model_name_or_path"] as? String == "HuggingFaceTB/SmolLM2-135M-Instruct")

    let loaded = try LoRAAdapters(peftDirectory: directory.file("adapter"), modelConfiguration: c)
    #expect(loaded.configuration == adapters.configuration)
    #expect(loaded.parameters.toArray() == adapters.parameters.toArray())
}

@Test("merging an adapter into the weights gives the same logits as applying it")
func mergedWeightsMatchAdapter() throws {
    let c = TrainingFixtures.configuration
    let weights = try LlamaWeights.random(configuration: c, seed: 8)
    let adapters = TrainingFixtures.adapters(LoRAConfiguration(rank: 3, alpha: 6))
    let batch = TrainingFixtures.batch()
    let workspace = ActivationWorkspace(configuration: c, rowCount: 2, sequenceLength: 6, lora: adapters.configuration)
    let adapted = LlamaModel(weights: weights, adapters: adapters)
    adapted.forward(batch: batch, workspace: workspace)
    let expected = adapted.logits(rows: Array(0..<12), workspace: workspace)

    weights.merge(adapters)
    let merged = LlamaModel(weights: weights)
    let plain = ActivationWorkspace(configuration: c, rowCount: 2, sequenceLength: 6, lora: nil)
    merged.forward(batch: batch, workspace: plain)
    #expect(merged.logits(rows: Array(0..<12), workspace: plain).maxAbsoluteDifference(to: expected) < 1e-4)
}

@Test("the loss curve is written as JSON Lines, CSV and an SVG picture")
func lossCurveFiles() throws {
    let directory = TemporaryDirectory()
    let records = (1...30).map {
        TrainingStepRecord(step: $0, loss: 3 / Double($0) + 0.5, learningRate: Float($0) * 1e-5,
                           gradientNorm: 1, supervisedTokens: 10, tokens: 40, seconds: 0.1)
    }
    let curve = LossCurve(records: records)
    try curve.write(toPrefix: directory.file("loss"))
    let jsonl = try String(contentsOfFile: directory.file("loss.jsonl"), encoding: .utf8)
    #expect(try LossCurve(jsonLines: jsonl) == curve)
    let csv = try String(contentsOfFile: directory.file("loss.csv"), encoding: .utf8)
    #expect(csv.split(separator: "\n").count == 31)
    #expect(csv.hasPrefix("step,loss,"))
    let svg = try String(contentsOfFile: directory.file("loss.svg"), encoding: .utf8)
    #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
    #expect(svg.components(separatedBy: "<polyline").count == 4)
    #expect(LossCurve(records: []).svg().contains("no steps yet"))
}

@Test("PEFT configs with features sal does not implement are refused by name")
func peftConfigRefusals() throws {
    func config(_ extra: String) -> Data {
        Data("{\"peft_type\": \"LORA\", \"r\": 8, \"lora_alpha\": 16, \"target_modules\": [\"q_proj\"]\(extra)}".utf8)
    }
    #expect(try LoRAConfiguration(peftAdapterConfig: config("")) == LoRAConfiguration(rank: 8, alpha: 16, targets: [.query]))
    #expect(throws: ModelFileError.unsupportedFeature("use_dora = true")) {
        try LoRAConfiguration(peftAdapterConfig: config(", \"use_dora\": true"))
    }
    #expect(throws: ModelFileError.unsupportedFeature("LoRA bias 'all'")) {
        try LoRAConfiguration(peftAdapterConfig: config(", \"bias\": \"all\""))
    }
    #expect(throws: ModelFileError.unsupportedFeature("target module lm_head")) {
        try LoRAConfiguration(peftAdapterConfig: Data("{\"peft_type\": \"LORA\", \"r\": 8, \"lora_alpha\": 16, \"target_modules\": [\"lm_head\"]}".utf8))
    }
    #expect(throws: ModelFileError.unsupportedFeature("target_modules that is not a list of names")) {
        try LoRAConfiguration(peftAdapterConfig: Data("{\"peft_type\": \"LORA\", \"r\": 8, \"lora_alpha\": 16, \"target_modules\": \"all-linear\"}".utf8))
    }
}
