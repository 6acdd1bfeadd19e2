import Foundation
import LinearAlgebra
import Model

/// Saves and resumes a training run exactly: adapter parameters and AdamW moments (safetensors,
/// Float32, so nothing is rounded), the step, the example-stream cursor and the configuration
/// (which holds the seed every random stream derives from), plus the loss history.
/// Resuming and training on gives the same parameters, bit for bit, as never stopping.
public enum TrainingCheckpoint {
    private struct State: Codable {
        var configuration: TrainingConfiguration
        var step: Int
        var epoch: Int
        var offset: Int
        var exampleCount: Int
    }

    /// Writes the trainer's state into `directory` (created if needed; existing files replaced).
    public static func save(_ trainer: LoRATrainer, to directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ModelFileError.cannotWrite(path: directory, reason: "\(error)")
        }
        var tensors = SafetensorsWriter()
        tensors.add("adapter.parameters", trainer.adapters.parameters)
        tensors.add("adamw.first_moment", trainer.optimizer.firstMoment)
        tensors.add("adamw.second_moment", trainer.optimizer.secondMoment)
        try tensors.write(to: directory + "/optimizer.safetensors")
        let state = State(configuration: trainer.configuration, step: trainer.completedSteps, epoch: trainer.stream.epoch,
                          offset: trainer.stream.offset, exampleCount: trainer.stream.examples.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try encoder.encode(state).write(to: URL(fileURLWithPath: directory + "/trainer_state.json"))
            try LossCurve(records: trainer.history).jsonLines()
                .write(toFile: directory + "/history.jsonl", atomically: true, encoding: .utf8)
        } catch {
            throw ModelFileError.cannotWrite(path: directory, reason: "\(error)")
        }
    }

    /// A trainer positioned exactly where the checkpoint in `directory` left off.
    /// `examples` must be the same examples the run started with.
    public static func resume(from directory: String, weights: LlamaWeights,
                              examples: [TrainingExample]) throws -> LoRATrainer {
        guard let stateData = FileManager.default.contents(atPath: directory + "/trainer_state.json") else {
            throw ModelFileError.cannotOpen(path: directory + "/trainer_state.json", reason: "no such file")
        }
        let state: State
        do {
            state = try JSONDecoder().decode(State.self, from: stateData)
        } catch {
            throw TrainingError.malformedCheckpoint("trainer_state.json: \(error)")
        }
        let adapters = LoRAAdapters(configuration: state.configuration.lora, modelConfiguration: weights.configuration)
        let trainer = try LoRATrainer(weights: weights, adapters: adapters, examples: examples,
                                      configuration: state.configuration)
        guard trainer.stream.examples.count == state.exampleCount else {
            throw TrainingError.checkpointMismatch("\(state.exampleCount) usable examples then, \(trainer.stream.examples.count) now")
        }
        let file = try SafetensorsFile(path: directory + "/optimizer.safetensors")
        for (name, destination) in [("adapter.parameters", adapters.parameters),
                                    ("adamw.first_moment", trainer.optimizer.firstMoment),
                                    ("adamw.second_moment", trainer.optimizer.secondMoment)] {
            let tensor = try file.tensor(named: name)
            guard tensor.count == destination.count else {
                throw TrainingError.checkpointMismatch("\(name) has \(tensor.count) values, expected \(destination.count)")
            }
            destination.copyElements(from: tensor)
        }
        let historyText = (try? String(contentsOfFile: directory + "/history.jsonl", encoding: .utf8)) ?? ""
        let history = try LossCurve(jsonLines: historyText).records
        trainer.restore(step: state.step, epoch: state.epoch, offset: state.offset, history: history)
        return trainer
    }
}
