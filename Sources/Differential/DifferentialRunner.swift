import Dispatch
import Foundation
import ProgramOutcome
import PythonRuntime
import Reference

/// One program to run in both engines.
public struct DifferentialCase: Sendable, Equatable {
    public var id: String
    public var program: String
    public var answer: AnswerSpec
    public var preamble: String?
    /// Set for corpus files marked `# sal-only: reason`: CPython is not asked.
    public var salOnlyReason: String?

    public init(id: String, program: String, answer: AnswerSpec = .auto, preamble: String? = nil, salOnlyReason: String? = nil) {
        self.id = id
        self.program = program
        self.answer = answer
        self.preamble = preamble
        self.salOnlyReason = salOnlyReason
    }

    /// The same case with another program text (for shrinking).
    public func with(program: String) -> DifferentialCase {
        var copy = self
        copy.program = program
        return copy
    }
}

/// Both outcomes of one case and the verdict on them. An outcome is nil when that engine was not run.
public struct DifferentialResult: Sendable {
    public var testCase: DifferentialCase
    public var sal: Outcome?
    public var reference: Outcome?
    public var verdict: Verdict

    public var divergence: Divergence? {
        if case .diverged(let divergence) = verdict { return divergence }
        return nil
    }
}

/// Runs programs in sal and in the embedded CPython under the same answer convention and compares.
///
/// A batch runs CPython on its interpreter thread while sal runs on the calling thread, so the
/// two engines overlap. The trap: sal's limits and CPython's are different mechanisms (steps vs wall
/// time), so limit outcomes are classified (`SkipReason.resourceLimit`), never compared.
public struct DifferentialRunner: Sendable {
    public var salLimits: Limits
    public var referenceLimits: ReferenceLimits
    /// When set, sal runs in this child process (its limits are the worker's), so a crash of sal is
    /// reported as a `SalCrash` outcome; otherwise sal runs in this process.
    public var salWorker: SalWorker?

    public init(salLimits: Limits = .default, referenceLimits: ReferenceLimits = .init(), salWorker: SalWorker? = nil) {
        self.salLimits = salLimits
        self.referenceLimits = referenceLimits
        self.salWorker = salWorker
    }

    /// Limits for generated and shrunk programs: small, so a candidate that no longer terminates
    /// (the shrinker removed a loop counter's increment) costs little.
    public static let fuzzing = DifferentialRunner(
        salLimits: { var limits = Limits(); limits.maxSteps = 2_000_000; limits.maxSeconds = 2; return limits }(),
        referenceLimits: ReferenceLimits(timeLimit: .seconds(2)))

    /// Runs every case; results come back in the cases' order.
    public func run(_ cases: [DifferentialCase]) -> [DifferentialResult] {
        let jobs = cases.enumerated().compactMap { index, testCase -> ReferenceJob? in
            guard testCase.salOnlyReason == nil else { return nil }
            return ReferenceJob(id: String(index), program: testCase.program, answer: testCase.answer, preamble: testCase.preamble)
        }
        let referenceResults = SharedSlot<[ReferenceResult]>()
        let group = DispatchGroup()
        let limits = referenceLimits
        DispatchQueue.global().async(group: group) {
            referenceResults.store(ReferenceInterpreter.shared.run(batch: jobs, limits: limits))
        }
        var preambles = PreambleCache()
        let salOutcomes = cases.map { testCase in
            testCase.salOnlyReason == nil ? salOutcome(testCase, preambles: &preambles) : nil
        }
        group.wait()
        var referenceOutcomes = [Outcome?](repeating: nil, count: cases.count)
        for result in referenceResults.load() ?? [] {
            if let index = Int(result.id) { referenceOutcomes[index] = result.outcome }
        }
        return cases.indices.map { index in
            result(cases[index], sal: salOutcomes[index], reference: referenceOutcomes[index])
        }
    }

    /// Runs one case in both engines (in neither when it is sal-only).
    public func run(_ testCase: DifferentialCase) -> DifferentialResult {
        if testCase.salOnlyReason != nil { return result(testCase, sal: nil, reference: nil) }
        return result(testCase, sal: salOutcome(testCase), reference: referenceOutcome(testCase))
    }

    /// sal's outcome alone.
    public func salOutcome(_ testCase: DifferentialCase) -> Outcome {
        var preambles = PreambleCache()
        return salOutcome(testCase, preambles: &preambles)
    }

    /// CPython's outcome alone.
    public func referenceOutcome(_ testCase: DifferentialCase) -> Outcome {
        ReferenceInterpreter.shared.run(program: testCase.program, answer: testCase.answer,
                                        preamble: testCase.preamble, limits: referenceLimits)
    }

    /// The verdict on two outcomes of `testCase` (both nil for a sal-only case, which is not run).
    public func result(_ testCase: DifferentialCase, sal: Outcome?, reference: Outcome?) -> DifferentialResult {
        if let reason = testCase.salOnlyReason {
            return DifferentialResult(testCase: testCase, sal: nil, reference: nil, verdict: .skipped(.salOnly(reason)))
        }
        guard let sal = sal.map(OutcomeComparison.condensed), let reference = reference.map(OutcomeComparison.condensed) else {
            preconditionFailure("a case that is not sal-only is run in both engines")
        }
        return DifferentialResult(testCase: testCase, sal: sal, reference: reference,
                                  verdict: OutcomeComparison.verdict(sal: sal, reference: reference, program: testCase.program))
    }

    func salOutcome(_ testCase: DifferentialCase, preambles: inout PreambleCache) -> Outcome {
        if let salWorker { return salWorker.outcome(testCase) }
        var preamble: Preamble? = nil
        if let source = testCase.preamble {
            switch preambles.compiled(source) {
            case .success(let compiled): preamble = compiled
            case .failure(let error): return Outcome(status: .syntax, error: error.errorInfo)
            }
        }
        return Interpreter.run(source: testCase.program, preamble: preamble, answer: testCase.answer, limits: salLimits)
    }
}

/// Preambles compiled once per distinct text, for one batch.
struct PreambleCache {
    private var compiled: [String: Result<Preamble, ProgramError>] = [:]

    mutating func compiled(_ source: String) -> Result<Preamble, ProgramError> {
        if let cached = compiled[source] { return cached }
        let result: Result<Preamble, ProgramError>
        do throws(ProgramError) {
            result = .success(try Preamble(source: source))
        } catch {
            result = .failure(error)
        }
        compiled[source] = result
        return result
    }
}

/// A value handed from one thread to another, guarded by a lock.
final class SharedSlot<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func store(_ newValue: Value) {
        lock.lock()
        value = newValue
        lock.unlock()
    }

    func load() -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
