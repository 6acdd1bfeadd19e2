import ProgramOutcome
import PythonRuntime
import PythonSyntax

/// A program's behaviour beyond its one answer: the answers it gives when the question's numbers change.
///
/// Probe `p` replaces, in the program's syntax tree, every int or float literal equal to a number the
/// question states (or to a stated percentage over 100) by that number shifted by an amount that depends
/// only on the number's position in the question and on `p`, so the same quantity moves the same way in
/// every program of the question. The result runs in sal under `limits`. Programs that compute the same
/// function of the question's quantities keep agreeing under every probe; programs that agree by
/// coincidence, or that hard-code the answer, or read a number the question does not mean, come apart.
/// The traps: a program none of whose literals match is not perturbed at all, so its probes repeat its
/// answer (exactly what a hard-coded answer does); and a program that consults a helper cannot be probed
/// without the oracle, so the verifier does not probe programs that made helper calls.
public struct BehaviourProbe: Sendable {
    /// Perturbations run per program.
    public var probes: Int
    public var limits: Limits
    let preambles = PreambleCache()

    /// A probe's limits: the defaults with a tenth of the steps. A perturbed program can loop where the
    /// original did not (a `while` waiting for a value it now skips); such a probe abstains for the limit.
    public static let defaultLimits: Limits = {
        var limits = Limits()
        limits.maxSteps = 1_000_000
        limits.maxSeconds = 5
        return limits
    }()

    public init(probes: Int = 1, limits: Limits = BehaviourProbe.defaultLimits) {
        precondition(probes > 0, "a behaviour probe runs at least one perturbation")
        self.probes = probes
        self.limits = limits
    }

    /// Shifts: distinct primes, so that no two quantities of a question move together and a shifted value
    /// rarely coincides with another stated number.
    static let shifts: [Int] = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]

    /// Literal value -> replacement, for one probe of one question's numbers.
    struct Perturbation {
        var exact: [Double: Double] = [:]
        /// Stated percentages over 100 (`0.5` for `50%`) -> shifted percentage over 100.
        var fractions: [Double: Double] = [:]

        init(numbers: QuestionNumbers, probe: Int) {
            for (position, value) in numbers.values.enumerated() {
                let shift = Double(BehaviourProbe.shifts[(position + probe * 5) % BehaviourProbe.shifts.count])
                exact[value] = value + shift
                if numbers.percentages.contains(value) { fractions[value / 100] = (value + shift) / 100 }
            }
        }

        /// The constant a literal becomes, or nil to leave it. Ints stay ints (shifts are whole), floats floats.
        func replacement(for constant: Constant) -> Constant? {
            switch constant {
            case .int(let value):
                guard let shifted = exact[Double(value)], let whole = Int(exactly: shifted) else { return nil }
                return .int(whole)
            case .float(let value):
                if let shifted = exact[value] { return .float(shifted) }
                if let shifted = fractions[value] { return .float(shifted) }
                return nil
            default:
                return nil
            }
        }

        /// `module` with its matching literals replaced, or nil when none matched (the probe would rerun
        /// the same program).
        func apply(to module: Module) -> Module? {
            var changed = false
            func rewrite(_ expression: Expression) -> Expression {
                if case .constant(let constant) = expression.kind {
                    guard let replaced = replacement(for: constant) else { return expression }
                    changed = true
                    return Expression(.constant(replaced), range: expression.range)
                }
                return TreeWalk.mapChildren(expression, rewrite)
            }
            let body = TreeWalk.mapBlock(module.body, expression: rewrite)
            return changed ? Module(body: body) : nil
        }
    }

    /// The candidate's ballot under each probe. `original` is its ballot on the unchanged program, which an
    /// unperturbed probe repeats. Nil when it cannot be probed: its preamble is unknown or does not compile.
    public func ballots(of candidate: CandidateInput, module: Module, numbers: QuestionNumbers,
                        original: Ballot, normalizer: AnswerNormalizer) -> [Ballot]? {
        guard let preambleText = candidate.preamble else { return nil }
        var preamble: Preamble? = nil
        if !preambleText.isEmpty {
            guard case .success(let compiled) = preambles.compiled(preambleText) else { return nil }
            preamble = compiled
        }
        return (0..<probes).map { probe in
            guard let perturbed = Perturbation(numbers: numbers, probe: probe).apply(to: module) else { return original }
            let program: CompiledProgram
            do {
                program = try CompiledProgram(module: perturbed, preamble: preamble)
            } catch {
                return .abstain(.syntax)
            }
            let run = ProgramRun(program, answer: candidate.answerSpec, limits: limits,
                                 hostFunctions: SalInterpreter.hostFunctions)
            switch run.start() {
            case .finished(let outcome): return normalizer.ballot(for: outcome)
            case .paused: return .abstain(.oracleMiss)
            }
        }
    }

    /// Whether two behaviours (the answer, then each probe's ballot) are the same: answers equivalent under
    /// the normalizer's tolerance, abstentions for the same reason.
    public static func same(_ a: [Ballot], _ b: [Ballot], normalizer: AnswerNormalizer) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            switch (x, y) {
            case (.answer(let p), .answer(let q)): if !normalizer.equivalent(p, q) { return false }
            case (.abstain(let p), .abstain(let q)): if p != q { return false }
            default: return false
            }
        }
        return true
    }
}
