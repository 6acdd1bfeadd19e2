import ArgumentParser
import LinearAlgebra

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

    /// The subcommands that make BLAS calls.
    static let blasCommands: Set<String> = ["train", "generate"]

    /// Parses and runs the command line, after ending OpenBLAS's idle worker threads for every command
    /// that makes no BLAS call: the library starts them when the binary is loaded and they spin for about
    /// a tenth of a second of CPU (see `BLAS.stopIdleThreads`), so the earlier they end the less they cost.
    static func main() async {
        if !blasCommands.contains(CommandLine.arguments.dropFirst().first ?? "") { BLAS.stopIdleThreads() }
        await main(nil)
    }
}
