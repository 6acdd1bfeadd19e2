import Testing
import ProgramOutcome
import Oracle
@testable import Verifier

@Suite struct AnswerNormalizerTests {
    let normalizer = AnswerNormalizer()

    @Test(arguments: [
        ("1,200", 1200.0), ("$5", 5), ("-$5", -5), ("$-5.50", -5.5), ("50%", 50), (" 12 ", 12), ("3/4", 0.75),
        ("'7'", 7), ("1e3", 1000), ("€ 20", 20), ("+4", 4),
    ])
    func numericStrings(_ text: String, _ expected: Double) {
        #expect(normalizer.normalize(text: text) == .number(expected))
    }

    @Test(arguments: ["12 apples", "1,20", "$", "3/0", "--5", "5-3"])
    func textThatIsNotANumber(_ text: String) {
        guard case .text = normalizer.normalize(text: text) else {
            Issue.record("\(text) was read as \(normalizer.normalize(text: text))")
            return
        }
    }

    @Test func booleansAndYesNo() {
        #expect(normalizer.normalize(text: "Yes.") == .bool(true))
        #expect(normalizer.normalize(text: "FALSE") == .bool(false))
        #expect(normalizer.ballot(for: Outcome(status: .ok, answer: .bool(true))) == .answer(.bool(true)))
        #expect(!normalizer.equivalent(.bool(true), .number(1)))
    }

    @Test func textIsCaseSpacePunctuationAndArticleInsensitive() {
        #expect(normalizer.normalize(text: "  The  Eiffel-Tower! ") == .text("eiffel tower"))
        #expect(normalizer.normalize(text: "eiffel tower") == .text("eiffel tower"))
        #expect(normalizer.normalize(text: "Ｐａｒｉｓ") == .text("paris"), "NFKC folds full-width letters")
    }

    @Test func numbersMergeWithinTolerance() {
        #expect(normalizer.equivalent(.number(18), .number(18.0009)))
        #expect(!normalizer.equivalent(.number(18), .number(18.002)))
        #expect(normalizer.equivalent(.number(1e9), .number(1e9 + 500)), "relative 1e-6 for large values")
        #expect(normalizer.equivalent(.number(2), normalizer.normalize(text: "2.0")))
    }

    @Test func failuresAbstain() {
        #expect(normalizer.ballot(for: Outcome(status: .error, error: ErrorInfo(type: "NameError", message: "x"))) == .abstain(.error))
        #expect(normalizer.ballot(for: Outcome(status: .syntax)) == .abstain(.syntax))
        #expect(normalizer.ballot(for: Outcome(status: .limit, error: ErrorInfo(type: "StepLimit", message: ""))) == .abstain(.limit))
        #expect(normalizer.ballot(for: Outcome(status: .limit, error: ErrorInfo(type: "OracleMiss", message: "not recorded"))) == .abstain(.oracleMiss))
        #expect(normalizer.ballot(for: Outcome(status: .ok, answer: .null)) == .abstain(.noAnswer))
        #expect(normalizer.ballot(for: Outcome(status: .ok, answer: .double(.nan))) == .abstain(.nonFinite))
        #expect(normalizer.ballot(for: Outcome(status: .ok, answer: .string("inf"), answerType: "float")) == .abstain(.nonFinite))
        #expect(normalizer.ballot(for: RecordedRun(resultRepr: "None", resultFloat: nil, error: nil)) == .abstain(.noAnswer))
    }

    @Test func structuredAnswersVoteByTheirText() {
        #expect(normalizer.ballot(for: Outcome(status: .ok, answer: .array([.int(4), .double(6)]))) == .answer(.structured("[4, 6.0]")))
        #expect(normalizer.ballot(for: Outcome(status: .ok, answer: .array([.int(4), .double(6)]), answerRepr: "(4, 6.0)"))
                == normalizer.ballot(for: RecordedRun(resultRepr: "(4, 6.0)", resultFloat: nil, error: nil)), "the repr decides")
        #expect(normalizer.ballot(for: RecordedRun(resultRepr: "(4, 6.0)", resultFloat: nil, error: nil)) == .answer(.structured("(4, 6.0)")))
        #expect(normalizer.ballot(for: Outcome(status: .ok, answerRepr: "x + 1")) == .answer(.structured("x + 1")))
    }

    @Test func canonicalText() {
        #expect(NormalizedAnswer.number(18).description == "18")
        #expect(NormalizedAnswer.number(2.5).description == "2.5")
        #expect(NormalizedAnswer.bool(false).description == "False")
    }
}
