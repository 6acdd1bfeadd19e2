import Foundation
import Testing
import ProgramOutcome
@testable import Verifier

/// The vote figures of the GSM8K votes file, from the CPython results it records.
@Suite(.enabled(if: TestData.gsm8kAvailable, "../shared/data/gsm8k_votes_dev.jsonl is absent; the GSM8K checks need it"))
struct GSM8KReproductionTests {
    @Test func readsEveryQuestionAndCandidate() throws {
        let input = try TestData.gsm8kInput()
        #expect(input.problems.isEmpty)
        #expect(input.questions.count == 528)
        #expect(input.candidateCount == 13_198)
        let first = try #require(input.questions.first)
        #expect(first.id == "0" && first.gold == .int(18))
        let candidate = try #require(first.candidates.first)
        #expect(candidate.id == "0-00" && candidate.answerSpec == .variable("answer"))
        #expect(candidate.preamble?.contains("def solve_it") == true)
        #expect(candidate.recorded == RecordedRun(resultRepr: "-40", resultFloat: -40, error: nil))
        #expect(candidate.metadata.member("model") == .string("code-davinci-001"))
        let errors = input.questions.flatMap(\.candidates).filter { $0.recorded?.error != nil }
        #expect(errors.count == 312)
    }

    /// Errors abstain, answers within 1e-3 merge, share over all candidates.
    @Test func reproducesTheRecordedVoteFigures() async throws {
        let input = try TestData.gsm8kInput()
        let store = try RunStore()
        let pipeline = VerifyPipeline(runner: RecordedResultRunner(input: input), runnerName: "recorded", store: store,
                                      questionsPerBatch: 64)
        let progress = try await pipeline.run(input)
        #expect(progress.storedNow == 528)
        let verification = try Verification(store: store, options: VerifyOptions(thresholds: [0.5, 0.6, 0.7, 0.8, 0.9, 1.0]))
        let statistics = verification.statistics
        #expect(statistics.questionsWithGold == 528)
        #expect(statistics.majorityCorrect == 462, "87.5% majority-vote accuracy")
        let byThreshold = Dictionary(uniqueKeysWithValues: statistics.points.map { (Int(($0.threshold * 10).rounded()), $0) })
        #expect(byThreshold[9]?.kept == 161, "share ≥ 0.9 keeps 30.5%")
        #expect(byThreshold[9]?.correct == 160, "at 99.4% precision")
        #expect(byThreshold[8]?.kept == 270, "share ≥ 0.8 keeps 51.1%")
        #expect(byThreshold[8]?.correct == 269, "at 99.6% precision")
        for point in statistics.points {
            print("share >= \(VoteRule.format(point.threshold)): kept \(point.kept) "
                  + "(\(SVGChart.fixed(point.yield * 100))%), precision \(SVGChart.fixed((point.precision ?? 0) * 100, 2))%")
        }
        print("majority-vote accuracy \(SVGChart.fixed((statistics.accuracy ?? 0) * 100, 2))%")
    }

    /// Every program CPython could compile parses, and structure groups the 13,198 programs.
    @Test func clustersTheProgramsByStructure() async throws {
        let input = try TestData.gsm8kInput()
        let store = try RunStore()
        try await VerifyPipeline(runner: RecordedResultRunner(input: input), runnerName: "recorded", store: store,
                                 questionsPerBatch: 64).run(input)
        let verification = try Verification(store: store, options: VerifyOptions())
        let candidates = verification.questions.flatMap(\.candidates)
        let unparsed = candidates.filter { $0.cluster == nil }
        #expect(unparsed.count == 28)
        #expect(unparsed.allSatisfy { $0.ballot == .abstain(.syntax) }, "only CPython's syntax errors fail to parse")
        let distinct = verification.questions.reduce(0) { $0 + Set($1.candidates.compactMap(\.cluster)).count }
        #expect(distinct < candidates.count)
        let supervision = verification.questions.reduce(0) { $0 + $1.supervision.count }
        print("distinct structures \(distinct) of \(candidates.count); supervision examples \(supervision)")
        #expect(candidates.allSatisfy { $0.restatement == nil }, "GSM8K programs make no helper calls")
    }

    /// The same figures straight from the recorded fields, without the pipeline or the store.
    @Test func votesFromRecordedFieldsDirectly() throws {
        let input = try TestData.gsm8kInput()
        let normalizer = AnswerNormalizer()
        var correct = 0
        for question in input.questions {
            let results = question.candidates.map {
                CandidateResult(candidateID: $0.id, ballot: normalizer.ballot(for: $0.recorded!))
            }
            let vote = QuestionVote(ballots: results.map(\.ballot), normalizer: normalizer)
            if let majority = vote.majority, let gold = question.gold.flatMap(normalizer.normalize(json:)),
               normalizer.equivalent(majority, gold) {
                correct += 1
            }
        }
        #expect(correct == 462)
    }
}
