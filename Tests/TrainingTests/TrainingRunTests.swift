import Foundation
import LinearAlgebra
import Testing
@testable import Model
@testable import Training

/// A tiny random Llama saved as a Hugging Face directory with a real byte-level BPE tokenizer, so the
/// path `sal train` takes (directory -> PretrainedModel -> supervision -> TrainingRun -> files) runs whole.
private enum TinyHuggingFaceModel {
    /// The 701-token tokenizer made by Hugging Face `tokenizers` for the Model tests.
    static let tokenizerFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ModelTests/Fixtures/tokenizer/tiny-smollm.tokenizer.json")

    static let configuration = LlamaConfiguration(
        vocabularySize: 704, hiddenSize: 16, intermediateSize: 24, layerCount: 2, headCount: 4,
        keyValueHeadCount: 2, headDimension: 4, contextLength: 128, rmsNormEpsilon: 1e-5, ropeTheta: 10_000,
        tiedEmbeddings: true)

    static let chatTemplate = "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
        + "{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}"
        + "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"
        + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"

    static func write(to directory: String) throws {
        try LlamaWeights.random(configuration: configuration, seed: 21).writeHuggingFaceDirectory(to: directory)
        try FileManager.default.copyItem(atPath: tokenizerFile.path, toPath: directory + "/tokenizer.json")
        let tokenizerConfig: [String: Any] = ["chat_template": chatTemplate, "eos_token": "<|im_end|>"]
        try JSONSerialization.data(withJSONObject: tokenizerConfig)
            .write(to: URL(fileURLWithPath: directory + "/tokenizer_config.json"))
    }

    /// Conversations whose answers follow a pattern: "n plus one" is answered with `answer = n + 1`.
    static func writeSupervision(to path: String) throws {
        let lines = (1...10).map { number -> String in
            let messages: [[String: String]] = [
                ["role": "system", "content": "Be brief."],
                ["role": "user", "content": "What is \(number) plus one?"],
                ["role": "assistant", "content": "answer = \(number) + 1\n"],
            ]
            let data = try! JSONSerialization.data(withJSONObject: ["messages": messages], options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Writes the model folder and supervision file into `directory` and loads both as `sal train` does.
    static func prepare(in directory: TemporaryDirectory) throws -> (PretrainedModel, [TrainingExample]) {
        try FileManager.default.createDirectory(atPath: directory.file("model"), withIntermediateDirectories: true)
        try write(to: directory.file("model"))
        try writeSupervision(to: directory.file("supervision.jsonl"))
        let store = ModelStore(directory: URL(fileURLWithPath: directory.path))
        let model = try PretrainedModel.load(directory.file("model"), store: store)
        return (model, try TrainingRun.examples(supervisionPath: directory.file("supervision.jsonl"), model: model))
    }

    static func settings(totalSteps: Int, learningRate: Float = 1e-2) -> TrainingConfiguration {
        TrainingConfiguration(
            lora: LoRAConfiguration(rank: 4, alpha: 8, targets: [.query, .value, .down]), batchRows: 2,
            sequenceLength: 128, packing: true,
            schedule: LearningRateSchedule(peak: learningRate, warmupSteps: 1, totalSteps: totalSteps), seed: 3)
    }
}

@Test("the train path turns a model directory and supervision into PEFT files that load back")
func trainingRunWritesLoadableAdapter() throws {
    let directory = TemporaryDirectory()
    let (model, examples) = try TinyHuggingFaceModel.prepare(in: directory)
    #expect(model.tokenizer.vocabularySize == 701)
    #expect(model.chatTemplate.defaultSystemPrompt == "You are a helpful assistant.")
    #expect(model.stopTokens == [model.tokenizer.id(forToken: "<|im_end|>")!])
    #expect(examples.count == 10 && examples.allSatisfy { $0.supervisedCount > 0 })

    let provisional = TinyHuggingFaceModel.settings(totalSteps: 1)
    let perEpoch = try TrainingRun.stepsPerEpoch(examples: examples, configuration: provisional)
    let total = try TrainingRun.scheduleLength(examples: examples, configuration: provisional, epochs: 2,
                                               maximumSteps: nil)
    #expect(perEpoch < 5, "packing puts two of these 59-token examples in each 128-token row")
    #expect(total == 2 * perEpoch)

    let out = directory.file("out")
    let settings = TinyHuggingFaceModel.settings(totalSteps: total)
    let run = try TrainingRun(model: model, examples: examples, configuration: settings, outputDirectory: out,
                              resume: false)
    var seen: [Int] = []
    try run.run(saveEvery: 2) { seen.append($0.step) }
    #expect(seen == Array(1...total))

    let layout = run.layout
    let checkpointFiles = ["trainer_state.json", "optimizer.safetensors"].map { layout.checkpointDirectory + "/" + $0 }
    for path in [layout.adapterConfigPath, layout.adapterWeightsPath] + checkpointFiles + layout.lossPaths {
        #expect(FileManager.default.fileExists(atPath: path), "\(path) missing")
    }
    let loaded = try LoRAAdapters(peftDirectory: out, modelConfiguration: model.weights.configuration)
    #expect(loaded.configuration == run.trainer.adapters.configuration)
    #expect(loaded.parameters.toArray() == run.trainer.adapters.parameters.toArray())
    #expect(loaded.parameters.toArray().contains { $0 != 0 })
    let configData = try Data(contentsOf: URL(fileURLWithPath: layout.adapterConfigPath))
    let config = try JSONSerialization.jsonObject(with: configData) as? [String: Any]
    #expect(config?["base_model_name_or_path"] as? String == directory.file("model"))
    let curve = try LossCurve(jsonLines: String(contentsOfFile: layout.lossPrefix + ".jsonl", encoding: .utf8))
    #expect(curve.records.map(\.step) == Array(1...total))

    #expect(throws: TrainingError.self) {
        try TrainingRun(model: model, examples: examples, configuration: settings, outputDirectory: out, resume: false)
    }
    #expect(throws: TrainingError.self) {
        try TrainingRun(model: model, examples: examples,
                        configuration: TinyHuggingFaceModel.settings(totalSteps: total, learningRate: 5e-3),
                        outputDirectory: out, resume: true)
    }
}

@Test("a run stopped after a save and resumed ends with the adapter an uninterrupted run gives")
func trainingRunResumesFromItsOwnSave() throws {
    struct Interruption: Error {}
    let directory = TemporaryDirectory()
    let (model, examples) = try TinyHuggingFaceModel.prepare(in: directory)
    let settings = TinyHuggingFaceModel.settings(totalSteps: 5)

    let straight = try TrainingRun(model: model, examples: examples, configuration: settings,
                                   outputDirectory: directory.file("straight"), resume: false)
    try straight.run()

    let interrupted = try TrainingRun(model: model, examples: examples, configuration: settings,
                                      outputDirectory: directory.file("resumed"), resume: false)
    #expect(throws: Interruption.self) {
        try interrupted.run(saveEvery: 2) { record in if record.step == 3 { throw Interruption() } }
    }
    let resumed = try TrainingRun(model: model, examples: examples, configuration: settings,
                                  outputDirectory: directory.file("resumed"), resume: true)
    #expect(resumed.trainer.completedSteps == 2)
    try resumed.run()
    #expect(resumed.trainer.history.map(\.loss) == straight.trainer.history.map(\.loss))
    let fromDisk = try LoRAAdapters(peftDirectory: directory.file("resumed"),
                                    modelConfiguration: model.weights.configuration)
    #expect(fromDisk.parameters.toArray() == straight.trainer.adapters.parameters.toArray())
}
