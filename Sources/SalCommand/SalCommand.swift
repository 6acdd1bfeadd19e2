import ArgumentParser

/// `sal`: execute, verify and learn from LLM-written solution programs.
@main
struct SalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sal",
        abstract: "Execute, verify and learn from LLM-written Python solution programs.",
        subcommands: [RunCommand.self, CheckCommand.self, ExecCommand.self, VerifyCommand.self, TrainCommand.self, GenerateCommand.self,
                      DiffCommand.self, BlessCommand.self, FuzzCommand.self, BenchReferenceCommand.self,
                      DiffWorkerCommand.self]
    )
}
