import Oracle
import ProgramOutcome
import PythonRuntime
import PythonSyntax
import Synchronization

/// sal's own interpreter behind the verifier's pausing contract: each candidate is compiled against its
/// preamble and run as a `ProgramRun` whose host functions are the three helpers.
///
/// At a host call the arguments are bound with `HelperCall.bind`; a bad call is raised inside the program
/// (which may catch it) and the run continues, so only well-formed calls pause. A missing answer ends the
/// run here: the `ProgramRun` is dropped without being resumed and the outcome is an `OracleMiss` limit,
/// which the program can neither see nor catch; it carries what the program printed before the call.
/// Keyword arguments reach `HelperCall.bind` in call order, so a call with two bad keywords reports the
/// first one written, as CPython does.
public struct SalInterpreter: PausableInterpreter {
    /// A program stopped at a helper call; resumed exactly once.
    public struct Paused: Sendable {
        let run: ProgramRun
    }

    public let limits: Limits
    /// Where the analysis of each program parsed here is recorded for the verdicts, if anywhere.
    public let analyses: ProgramAnalyses?
    let preambles = PreambleCache()

    public init(limits: Limits = .default, analyses: ProgramAnalyses? = nil) {
        self.limits = limits
        self.analyses = analyses
    }

    /// The run-store identity of runs made with these settings: results made under other limits, another
    /// preamble catalog or another oracle must not be mixed into one store by a resume.
    public static func runnerName(limits: Limits, catalog: PreambleCatalog, oracle: String) -> String {
        let preambles = catalog.preambles.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let conventions = catalog.conventions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let catalogHash = StableHash.hex((preambles + conventions).joined(separator: "\u{1F}"))
        return "sal steps=\(limits.maxSteps) memory=\(limits.maxMemoryBytes) recursion=\(limits.maxRecursionDepth) "
            + "seconds=\(limits.maxSeconds) output=\(limits.maxOutputBytes) host-calls=\(limits.maxHostCalls) "
            + "preambles=\(catalogHash) oracle=\(oracle)"
    }

    /// The host functions every candidate may call.
    public static let hostFunctions: Set<String> = Set(HelperFunction.allCases.map(\.rawValue))

    public func start(_ job: CandidateJob) -> ProgramStep<Paused> {
        var preamble: Preamble? = nil
        if let text = job.preamble, !text.isEmpty {
            switch preambles.compiled(text) {
            case .success(let compiled): preamble = compiled
            case .failure(let error):
                var info = error.errorInfo
                info.message = "in the preamble: " + info.message
                return .finished(Outcome(status: .syntax, error: info))
            }
        }
        let module: Module
        do throws(Diagnostic) {
            module = try PythonParser.parse(job.program)
        } catch {
            analyses?.record(job.program, module: nil)
            return .finished(Outcome(status: .syntax, error: ProgramError.syntax(error).errorInfo))
        }
        analyses?.record(job.program, module: module)
        let program: CompiledProgram
        do {
            program = try CompiledProgram(module: module, preamble: preamble)
        } catch {
            return .finished(Outcome(status: .syntax, error: error.errorInfo))
        }
        let run = ProgramRun(program, answer: job.answerSpec, limits: limits, hostFunctions: Self.hostFunctions)
        return settle(run.start(), of: run)
    }

    public func resume(_ paused: Paused, with answer: HelperAnswer) -> ProgramStep<Paused> {
        switch answer {
        case .value(let value):
            return settle(paused.run.resume(returning: value), of: paused.run)
        case .miss(let reason):
            return .finished(Outcome(status: .limit, stdout: paused.run.outputSoFar,
                                     error: ErrorInfo(type: HelperAnswer.missErrorType, message: reason)))
        }
    }

    /// Follows a run through host calls whose arguments do not bind (each raises into the program) until
    /// it finishes or pauses at a call the oracle must answer.
    func settle(_ first: RunStep, of run: ProgramRun) -> ProgramStep<Paused> {
        var step = first
        while true {
            switch step {
            case .finished(let outcome):
                return .finished(outcome)
            case .paused(let host):
                do {
                    let call = try HelperCall.bind(function: host.function, positional: host.arguments,
                                                   keywords: host.keywordArguments.map { ($0.name, $0.value) })
                    return .paused(call, Paused(run: run))
                } catch {
                    step = run.resume(raising: error.type, message: error.message)
                }
            }
        }
    }
}

/// Preambles compiled once per distinct text and shared by every run on every thread.
final class PreambleCache: Sendable {
    let compiledByText = Mutex<[String: Result<Preamble, ProgramError>]>([:])

    func compiled(_ text: String) -> Result<Preamble, ProgramError> {
        if let known = compiledByText.withLock({ $0[text] }) { return known }
        let result: Result<Preamble, ProgramError>
        do throws(ProgramError) {
            result = .success(try Preamble(source: text))
        } catch {
            result = .failure(error)
        }
        return compiledByText.withLock { cache in
            if let raced = cache[text] { return raced }
            cache[text] = result
            return result
        }
    }
}
