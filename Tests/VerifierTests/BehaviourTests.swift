import ProgramOutcome
import PythonRuntime
import PythonSyntax
import Testing
@testable import Verifier

@Suite("Behaviour probes and clusters")
struct BehaviourTests {
    @Test("Numbers are read from digits, separators, percentages and number words; 0 and 1 are left out")
    func questionNumbers() {
        let numbers = QuestionNumbers(question: "Tom pays $1,200 for 3 bikes, 12.5% off, and two helmets at 1 each; H2O costs 0.")
        #expect(numbers.values == [1200, 3, 12.5, 2])
        #expect(numbers.percentages == [12.5])
        #expect(QuestionNumbers(question: "A dozen eggs, twenty percent cracked, 20 kept.").values == [12, 20])
        #expect(QuestionNumbers(question: "A dozen eggs, twenty percent cracked.").percentages == [20])
        #expect(QuestionNumbers(question: "Is the sky blue?").values.isEmpty)
    }

    static func probe(_ program: String, question: String, probes: Int = 2) throws -> [Ballot]? {
        let module = try PythonParser.parse(program)
        let normalizer = AnswerNormalizer()
        let original = normalizer.ballot(for: Interpreter.run(source: program))
        return BehaviourProbe(probes: probes).ballots(of: CandidateInput(id: "c", program: program), module: module,
                                                      numbers: QuestionNumbers(question: question),
                                                      original: original, normalizer: normalizer)
    }

    static let question = "Tom has $120. He spends 40 on books and then a quarter of what remains on lunch. How much is left?"

    @Test("Programs computing the same function of the question's numbers behave alike under every probe")
    func sameFunctionSameBehaviour() throws {
        let a = try #require(try Self.probe("money = 120 - 40\nanswer = money - money / 4", question: Self.question))
        let b = try #require(try Self.probe("answer = (120 - 40) * 3 / 4", question: Self.question))
        #expect(a.count == 2)
        #expect(a[0] != .answer(.number(60)), "the probe changed the answer")
        #expect(BehaviourProbe.same(a, b, normalizer: AnswerNormalizer()))
    }

    @Test("Coincidental agreement, a hard-coded answer and a misread number come apart")
    func coincidenceSplits() throws {
        let normalizer = AnswerNormalizer()
        let right = try #require(try Self.probe("answer = (120 - 40) * 3 / 4", question: Self.question))
        let hardCoded = try #require(try Self.probe("answer = 60", question: Self.question))
        let floorDivision = try #require(try Self.probe("left = 120 - 40\nanswer = left - left // 4", question: Self.question))
        #expect(hardCoded == [.answer(.number(60)), .answer(.number(60))], "no literal matches, so nothing moves")
        #expect(!BehaviourProbe.same(right, hardCoded, normalizer: normalizer))
        #expect(!BehaviourProbe.same(right, floorDivision, normalizer: normalizer))
    }

    @Test("A stated percentage moves the same way written as 25 or as 0.25")
    func percentagesMoveConsistently() throws {
        let question = "A shirt costs $80 and is 25% off. What is the sale price?"
        let asPercent = try #require(try Self.probe("answer = 80 - 80 * 25 / 100", question: question))
        let asFraction = try #require(try Self.probe("answer = 80 * (1 - 0.25)", question: question))
        #expect(BehaviourProbe.same(asPercent, asFraction, normalizer: AnswerNormalizer()))
    }

    @Test("A perturbed program that fails abstains with the reason; an unknown preamble cannot be probed")
    func failuresAndUnprobeable() throws {
        let question = "Split 12 apples among 12 children, then among 0 more."
        let ballots = try #require(try Self.probe("answer = 12 / (12 - 12)", question: question, probes: 1))
        #expect(ballots == [.abstain(.error)], "12 moves to 12 + 7 on both sides: still a division by zero")
        let module = try PythonParser.parse("answer = 12")
        let unknown = CandidateInput(id: "c", program: "answer = 12", preamble: nil)
        #expect(BehaviourProbe().ballots(of: unknown, module: module, numbers: QuestionNumbers(question: question),
                                         original: .answer(.number(12)), normalizer: AnswerNormalizer()) == nil)
    }

    static func verification(largestOnly: Bool) -> Verification {
        let programs = [
            "answer = (120 - 40) * 3 / 4",
            "left = 120 - 40\nanswer = left - left // 4",
            "spent = 40\nanswer = (120 - spent) * 0.75",
            "answer = 60",
            "answer = 120 - 40 - 20",
            "answer = 120 - 40",
        ]
        let candidates = programs.enumerated().map { CandidateInput(id: "c\($0.offset)", program: $0.element) }
        let question = QuestionInput(id: "q", index: 0, question: Self.question, candidates: candidates, gold: .int(60))
        let results = candidates.map {
            CandidateRunResult(questionID: "q", candidateID: $0.id, outcome: Interpreter.run(source: $0.program))
        }
        return Verification(stored: [StoredQuestion(question: question, results: results)], problems: [],
                            options: VerifyOptions(rule: VoteRule(minimumShare: 0.5),
                                                   behaviour: BehaviourProbe(probes: 2), largestBehaviourOnly: largestOnly))
    }

    @Test("The largest agreeing behaviour cluster supplies supervision first; the others are flagged")
    func clustersSteerSupervision() throws {
        let verdict = try #require(Self.verification(largestOnly: false).questions.first)
        let clusters = verdict.candidates.map(\.behaviourCluster)
        #expect(clusters[0] == clusters[2], "the two programs computing the same function share a cluster")
        #expect(Set([clusters[0], clusters[1], clusters[3], clusters[4]]).count == 4)
        #expect(verdict.largestAgreeingBehaviourCluster == clusters[0])
        #expect(verdict.agreeingBehaviourClusters == 4)
        #expect(verdict.signals.behaviourAgreement == 0.4, "2 of the 5 agreeing programs behave like the largest cluster")
        #expect(verdict.supervision.prefix(2).map { verdict.candidates[$0].candidate.id } == ["c0", "c2"])
        #expect(verdict.supervision.count == 5, "every agreeing structure is still supervision by default")
        #expect(verdict.pairs.allSatisfy { [0, 2].contains($0.chosen) }, "chosen sides come from the largest cluster")

        let lines = Self.verification(largestOnly: false).candidatesJSONL().split(separator: "\n")
        let flagged = lines.filter { $0.contains("minority-behaviour") }.count
        #expect(flagged == 3)
    }

    @Test("With largestBehaviourOnly, agreeing programs outside the largest cluster are left out, saying why")
    func largestOnlyExcludes() throws {
        let verdict = try #require(Self.verification(largestOnly: true).questions.first)
        #expect(verdict.supervision.map { verdict.candidates[$0].candidate.id } == ["c0", "c2"])
        #expect(verdict.candidates[3].why.contains("answers differently when the question's numbers change"))
    }

    @Test("A rule can require behaviour agreement; probes off cluster by answer alone")
    func ruleAndProbesOff() throws {
        let verdict = try #require(Self.verification(largestOnly: false).questions.first)
        let strict = VoteRule(minimumShare: 0.5, minimumBehaviourAgreement: 0.5)
        #expect(!strict.decide(verdict.vote, chainOfThought: nil, gold: nil, normalizer: AnswerNormalizer(),
                               signals: verdict.signals).kept)
        var options = VerifyOptions(rule: VoteRule(minimumShare: 0.5))
        options.behaviour = nil
        let stored = StoredQuestion(question: verdict.question, results: verdict.candidates.map(\.result))
        let plain = try #require(Verification(stored: [stored], problems: [], options: options).questions.first)
        #expect(plain.candidates.allSatisfy { $0.behaviourCluster == nil })
        #expect(plain.signals.behaviourAgreement == 1)
    }
}
