import Execution
import Foundation
import ProgramOutcome

/// A divergence and the smallest program found that diverges the same way.
public struct ShrunkDivergence: Sendable {
    public var original: DifferentialResult
    public var shrunk: DifferentialResult
    public var evaluations: Int
    public var method: ProgramShrinker.Method
}

extension DifferentialRunner {
    /// The result of running `program` in place of the case's program, if it diverges with the same
    /// kind. sal runs first; CPython only when sal's side already matches.
    public func divergesAlike(_ testCase: DifferentialCase, kind: DivergenceKind, program: String) -> DifferentialResult? {
        let candidate = testCase.with(program: program)
        let sal = salOutcome(candidate)
        guard sal.status == kind.salStatus, sal.error?.type == kind.salErrorType else { return nil }
        let result = self.result(candidate, sal: sal, reference: referenceOutcome(candidate))
        return result.divergence?.kind == kind ? result : nil
    }

    /// Shrinks a diverging result's program, keeping the divergence's kind; nil if it did not diverge.
    public func shrink(_ result: DifferentialResult, budget: Int = 1500) -> ShrunkDivergence? {
        guard let kind = result.divergence?.kind else { return nil }
        let shrinker = ProgramShrinker(budget: budget)
        let outcome = shrinker.shrink(result.testCase.program) { text in
            divergesAlike(result.testCase, kind: kind, program: text) != nil
        }
        let final = divergesAlike(result.testCase, kind: kind, program: outcome.source) ?? result
        return ShrunkDivergence(original: result, shrunk: final, evaluations: outcome.evaluations, method: outcome.method)
    }
}
