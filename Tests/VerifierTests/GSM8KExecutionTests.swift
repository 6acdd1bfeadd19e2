import Foundation
import Testing
import Oracle
import ProgramOutcome
@testable import Verifier

/// The GSM8K votes file run by sal's own interpreter (not the recorded CPython results): vote figures,
/// agreement with CPython on every program sal can run, and the diverse rule against the plain vote.
@Suite(.enabled(if: TestData.gsm8kAvailable, "../shared/data/gsm8k_votes_dev.jsonl is absent; the GSM8K checks need it"))
struct GSM8KExecutionTests {
    /// One run of all 13,198 programs with sal, shared by the tests of this suite.
    static let salRun = SharedSalRun()

    /// The results with every unavailable-module failure replaced by the recorded CPython result, as
    /// `RecordedFallbackRunner` does.
    static func withRecordedFallback(_ stored: [StoredQuestion]) -> [StoredQuestion] {
        stored.map { question in
            var copy = question
            for (index, candidate) in question.question.candidates.enumerated()
            where RecordedFallbackRunner.usesUnavailableModule(question.results[index].outcome) {
                copy.results[index].outcome = candidate.recorded!.outcome
                copy.results[index].usedRecordedResult = true
            }
            return copy
        }
    }

    /// Kept and correct questions by share threshold in tenths.
    static func points(_ verification: Verification) -> [Int: [Int]] {
        Dictionary(uniqueKeysWithValues: verification.statistics.points.map {
            (Int(($0.threshold * 10).rounded()), [$0.kept, $0.correct ?? -1])
        })
    }

    /// Every program sal runs (all but those using sympy, which sal does not provide) votes exactly as
    /// it did under CPython: same answer group or both abstaining.
    @Test func salAgreesWithCPythonOnEveryProgramItCanRun() async throws {
        let stored = try await Self.salRun.stored()
        let normalizer = AnswerNormalizer()
        var compared = 0, unavailable = 0
        var differences: [String] = []
        for question in stored {
            for (candidate, result) in zip(question.question.candidates, question.results) {
                if RecordedFallbackRunner.usesUnavailableModule(result.outcome) {
                    unavailable += 1
                    continue
                }
                compared += 1
                let sal = normalizer.ballot(for: result.outcome).answer
                let cpython = normalizer.ballot(for: candidate.recorded!).answer
                let same = switch (sal, cpython) {
                case (nil, nil): true
                case let (a?, b?): normalizer.equivalent(a, b)
                default: false
                }
                if !same { differences.append("\(candidate.id): sal \(sal?.description ?? "-"), CPython \(cpython?.description ?? "-")") }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(10))")
        #expect(compared + unavailable == 13_198)
        #expect(unavailable == 722, "sympy users (and programs failing before they would use it)")
    }

    /// sal's own figures, and with the recorded result for the sympy programs the CPython figures exactly.
    @Test func voteFiguresFromSalsExecution() async throws {
        let stored = try await Self.salRun.stored()
        let own = Verification(stored: stored, problems: [], options: VerifyOptions())
        #expect(own.statistics.majorityCorrect == 451, "85.4%: 670 sympy programs cannot vote")
        let ownPoints = Self.points(own)
        #expect(ownPoints[9] == [155, 154] && ownPoints[8] == [260, 259] && ownPoints[7] == [309, 307])

        let fallback = Verification(stored: Self.withRecordedFallback(stored), problems: [], options: VerifyOptions())
        #expect(fallback.statistics.majorityCorrect == 462, "87.5%")
        let points = Self.points(fallback)
        #expect(points[9] == [161, 160], "share ≥ 0.9 keeps 30.5% at 99.4%")
        #expect(points[8] == [270, 269], "share ≥ 0.8 keeps 51.1% at 99.6%")
        #expect(points[7] == [318, 316] && points[5] == [421, 402] && points[10] == [51, 51])
        for verification in [own, fallback] {
            for point in verification.statistics.points {
                print("share >= \(VoteRule.format(point.threshold)): kept \(point.kept) (\(SVGChart.fixed(point.yield * 100))%), "
                      + "precision \(SVGChart.fixed((point.precision ?? 0) * 100, 2))%")
            }
        }
    }

    /// The diverse rule keeps more questions than any plain share threshold that reaches 99% precision.
    @Test func diverseRuleKeepsMoreAtNinetyNinePercent() async throws {
        let stored = try await Self.salRun.stored()
        for (results, expected) in [(stored, [336, 333]), (Self.withRecordedFallback(stored), [349, 346])] {
            let verification = Verification(stored: results, problems: [], options: VerifyOptions())
            let diverse = verification.measure(.diverse)
            #expect([diverse.kept, diverse.correct!] == expected)
            #expect(diverse.precision! >= 0.99)
            let plainBest = stride(from: 0.40, through: 1.0, by: 0.02).map { verification.measure(VoteRule(minimumShare: $0)) }
                .filter { ($0.precision ?? 0) >= 0.99 }.map(\.kept).max()!
            #expect(diverse.kept > plainBest)
            print("diverse rule: kept \(diverse.kept) at \(SVGChart.fixed(diverse.precision! * 100, 2))%; "
                  + "best plain threshold at ≥ 99%: \(plainBest)")
            let coverageOnly = verification.measure(VoteRule(minimumShare: 0.5, minimumSourceCoverage: 0.8))
            #expect(coverageOnly.kept >= diverse.kept && coverageOnly.correct! - diverse.correct! == coverageOnly.kept - diverse.kept,
                    "structure and failure conditions only drop questions whose majority is right on this set")
        }
    }
}

extension GSM8KExecutionTests {
    /// Judging every program from the analysis recorded while it ran gives the verdicts a second parse
    /// gives: the same clusters, restatements, reasons and selections.
    @Test func sharedParseGivesTheSameVerdicts() async throws {
        let stored = try await Self.salRun.stored()
        let analyses = Self.salRun.analyses.snapshot()
        #expect(analyses.count > 12_000, "every distinct program that reached the parser")
        let parsed = Verification(stored: stored, problems: [], options: VerifyOptions())
        let shared = Verification(stored: stored, problems: [], options: VerifyOptions(analyses: analyses))
        var differences: [String] = []
        for (a, b) in zip(parsed.questions, shared.questions) {
            if a.supervision != b.supervision || a.pairs.map(\.rejected) != b.pairs.map(\.rejected) {
                differences.append("\(a.question.id): selections")
            }
            for (x, y) in zip(a.candidates, b.candidates)
            where x.cluster != y.cluster || x.clusterSize != y.clusterSize || x.why != y.why
                || x.restatement?.coverage != y.restatement?.coverage {
                differences.append(x.candidate.id)
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }
}

/// Runs the GSM8K file with sal once, however many tests ask for it.
actor SharedSalRun {
    var run: Task<[StoredQuestion], any Error>?
    /// The analyses recorded while the programs ran.
    let analyses = ProgramAnalyses()

    func stored() async throws -> [StoredQuestion] {
        if let run { return try await run.value }
        let analyses = analyses
        let started = Task {
            let input = try TestData.gsm8kInput()
            let store = try RunStore()
            let runner = PausingCandidateRunner(interpreter: SalInterpreter(analyses: analyses), oracle: ReplayOracle(store: try OracleStore()),
                                                parallelism: ProcessInfo.processInfo.activeProcessorCount)
            try await VerifyPipeline(runner: runner, runnerName: "sal", store: store, questionsPerBatch: 64).run(input)
            return try store.storedQuestions()
        }
        run = started
        return try await started.value
    }
}
