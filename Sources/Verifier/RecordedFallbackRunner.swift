import ProgramOutcome

/// Runs candidates with a primary runner (sal's interpreter) and, for each candidate that failed only
/// because it uses a module sal does not provide (`sympy`, `numpy`), takes the result a reference run
/// recorded in the input, when there is one; such results are marked `usedRecordedResult`.
///
/// This measures what sal's own execution decides everywhere else: on the GSM8K file the fallback
/// touches exactly the programs that call sympy. The trap: the unavailable-module error is recognised
/// by its type and by the wording of PythonRuntime's message ("sal does not provide it").
public struct RecordedFallbackRunner: CandidateRunner {
    public let primary: any CandidateRunner
    let recorded: RecordedResultRunner

    public init(primary: any CandidateRunner, input: VerifyInput) {
        self.primary = primary
        recorded = RecordedResultRunner(input: input)
    }

    /// Whether an outcome is the error of a module sal does not provide.
    public static func usesUnavailableModule(_ outcome: Outcome) -> Bool {
        guard let error = outcome.error, error.type == "ModuleNotFoundError" else { return false }
        return error.message.contains("sal does not provide it")
    }

    public func run(_ batch: [CandidateJob]) async throws -> [CandidateRunResult] {
        var results = try await primary.run(batch)
        var jobByKey: [String: CandidateJob] = [:]
        for job in batch { jobByKey[RecordedResultRunner.key(job.questionID, job.candidateID)] = job }
        for index in results.indices where Self.usesUnavailableModule(results[index].outcome) {
            let key = RecordedResultRunner.key(results[index].questionID, results[index].candidateID)
            guard let job = jobByKey[key], recorded.hasRecord(for: job),
                  let replayed = try await recorded.run([job]).first else { continue }
            results[index].outcome = replayed.outcome
            results[index].usedRecordedResult = true
        }
        return results
    }
}
