import Foundation
import Testing
import Oracle
import ProgramOutcome
import PythonSyntax
@testable import Verifier

@Suite struct OutputsTests {
    typealias A = AST

    /// Programs by text, so the tests can hand the verifier syntax trees without the parser.
    static let modules: [String: Module] = [
        "a = 4\nanswer = a * 1": A.module(A.assign("a", A.int(4)), A.assign("answer", A.binary(.multiply, A.name("a"), A.int(1)))),
        "b = 2\nanswer = b * 2": A.module(A.assign("b", A.int(2)), A.assign("answer", A.binary(.multiply, A.name("b"), A.int(2)))),
        "answer = 2 + 2": A.module(A.assign("answer", A.binary(.add, A.int(2), A.int(2)))),
        "answer = ask_llm('What is the sum of two and two apples?')": A.module(A.assign("answer", A.call("ask_llm", A.string("What is the sum of two and two apples?")))),
    ]

    static func question() -> StoredQuestion {
        let programs = ["a = 4\nanswer = a * 1", "b = 2\nanswer = b * 2", "answer = 2 + 2", "answer = 2 + 2",
                        "answer = ask_llm('What is the sum of two and two apples?')", "answer = 5", "answer = x", "answer = 2 + 2",
                        "answer = 2 + 2", "answer = 2 + 2"]
        let outcomes: [Outcome] = [
            .init(status: .ok, answer: .int(4)), .init(status: .ok, answer: .double(4.0)), .init(status: .ok, answer: .int(4)),
            .init(status: .ok, answer: .string("4")), .init(status: .ok, answer: .int(4)), .init(status: .ok, answer: .int(5)),
            .init(status: .error, error: ErrorInfo(type: "NameError", message: "name 'x' is not defined", line: 1)),
            .init(status: .ok, answer: .int(4)), .init(status: .ok, answer: .int(4)), .init(status: .ok, answer: .int(4)),
        ]
        let candidates = programs.enumerated().map { CandidateInput(id: "c\($0.offset)", program: $0.element) }
        let question = QuestionInput(id: "q1", index: 0, question: "What is the sum of two and two apples?", candidates: candidates,
                                     chainOfThoughtAnswers: [.int(4), .int(4), .int(5)], gold: .int(4), line: 1)
        let results = zip(candidates, outcomes).map {
            CandidateRunResult(questionID: "q1", candidateID: $0.id, outcome: $1)
        }
        return StoredQuestion(question: question, results: results)
    }

    /// Behaviour probes are off here (their own suite is `BehaviourTests`): these outcomes are recorded by
    /// hand, not produced by the programs, so a probe's fresh run would disagree with them.
    static func verification(parse: Bool) -> Verification {
        let hard = QuestionInput(id: "q2", index: 1, question: "Hard?", candidates: [
            CandidateInput(id: "u", program: "answer = 1"), CandidateInput(id: "v", program: "answer = 2"),
        ], gold: .int(2), line: 2)
        let hardResults = [CandidateRunResult(questionID: "q2", candidateID: "u", outcome: .init(status: .ok, answer: .int(1))),
                           CandidateRunResult(questionID: "q2", candidateID: "v", outcome: .init(status: .ok, answer: .int(2)))]
        let lookup: @Sendable (String) -> Module? = { (text: String) -> Module? in modules[text] }
        let parser = parse ? lookup : nil
        return Verification(stored: [question(), StoredQuestion(question: hard, results: hardResults)],
                            problems: [InputProblem(line: 3, message: "not a JSON object", excerpt: "[1]")],
                            options: VerifyOptions(rule: VoteRule(minimumShare: 0.8), parse: parser,
                                                   systemPrompt: "Write a Python program.", pairsPerQuestion: 3,
                                                   behaviour: nil))
    }

    static func lines(_ text: String) throws -> [JSONValue] {
        try text.split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }

    @Test func supervisionKeepsOneAgreeingProgramPerStructure() throws {
        let supervision = try Self.lines(Self.verification(parse: true).supervisionJSONL())
        #expect(supervision.map { $0.member("candidate_id") } == [.string("c0"), .string("c2")],
                "c1 has c0's structure; c3, c7-c9 repeat c2; c4 repeats the question; c5 disagrees; c6 fails")
        let messages = try #require(supervision.first?.member("messages")?.arrayPayload)
        #expect(messages.map { $0.member("role") } == [.string("system"), .string("user"), .string("assistant")])
        #expect(messages[1].member("content") == .string("What is the sum of two and two apples?"))
        #expect(messages[2].member("content") == .string("a = 4\nanswer = a * 1"))
    }

    @Test func withoutAParserSupervisionDeduplicatesByText() throws {
        let supervision = try Self.lines(Self.verification(parse: false).supervisionJSONL())
        #expect(supervision.map { $0.member("candidate_id") } == [.string("c0"), .string("c1"), .string("c2"), .string("c4")])
    }

    @Test func pairsRejectDisagreeingFailingAndRepeatingPrograms() throws {
        let pairs = try Self.lines(Self.verification(parse: true).pairsJSONL())
        #expect(pairs.map { $0.member("rejected_id") } == [.string("c4"), .string("c5"), .string("c6")])
        #expect(pairs.map { $0.member("rejected_reason") }
            == [.string("repeats-question"), .string("disagrees"), .string("fails")])
        #expect(pairs.map { $0.member("chosen_id") } == [.string("c0"), .string("c2"), .string("c0")])
        #expect(pairs[0].member("prompt") == .string("What is the sum of two and two apples?"))
    }

    @Test func candidatesListEveryInputCandidateWithItsFate() throws {
        let candidates = try Self.lines(Self.verification(parse: true).candidatesJSONL())
        #expect(candidates.count == 12)
        let byID = Dictionary(uniqueKeysWithValues: candidates.map { ($0.member("candidate_id")!.stringValue!, $0) })
        #expect(byID["c0"]?.member("kept") == .bool(true) && byID["c0"]?.member("why") == .string("agrees with the kept majority"))
        #expect(byID["c1"]?.member("why") == .string("agrees; same structure as c0"))
        #expect(byID["c3"]?.member("normalized") == .string("4"))
        #expect(byID["c4"]?.member("flags") == .array([.string("repeats-question")]))
        #expect(byID["c4"]?.member("restatement_coverage") == .double(1))
        #expect(byID["c5"]?.member("vote") == .string("disagrees"))
        #expect(byID["c6"]?.member("outcome") == .string("error") && byID["c6"]?.member("abstain_reason") == .string("error"))
        #expect(byID["c6"]?.member("why") == .string("abstains (error): NameError: name 'x' is not defined"))
        #expect(byID["c2"]?.member("cluster_size") == .int(5))
        #expect(byID["u"]?.member("why") == .string("question not kept: share 0.50 < 0.80"))
        #expect(byID["u"]?.member("flags") == .array([.string("question-tie")]))
    }

    @Test func reportHasChartsAndGoldFigures() throws {
        let verification = Self.verification(parse: true)
        let report = verification.reportMarkdown()
        #expect(report.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(report.contains("| majority-vote accuracy (gold, all questions) | 50.0% |"))
        #expect(report.contains("| questions kept | 1 (50.0%) |"))
        #expect(report.contains("| chain-of-thought majority agrees | 1 of 1 (100.0%) |"))
        #expect(report.contains("| 0.80 | 1 | 50.0% | 100.0% |"))
        #expect(report.contains("| 3 | not a JSON object |"))
        #expect(report.contains("Candidates whose helper-call text covers ≥ 0.60 of the question's content words: 1 of 12"))
        #expect(verification.inputProblemsJSONL() == "{\"line\": 3, \"message\": \"not a JSON object\", \"excerpt\": \"[1]\"}\n")
    }

    @Test func writesEveryFile() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.verification(parse: false).write(to: directory)
        for name in Verification.outputFiles {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path))
        }
    }
}
