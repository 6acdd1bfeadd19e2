import Testing
import ProgramOutcome
import Oracle
@testable import Verifier

@Suite struct InputReadingTests {
    @Test func readsQuestionLines() throws {
        let text = """
            {"id": "q1", "question": "What is 2+3?", "gold": 5, "cot_answers": [5, "5", 6], "candidates": [{"program": "answer = 2 + 3", "model": "m"}, {"program": "ans = 5", "answer_spec": "var:ans", "cid": "x"}]}
            {"id": 7, "question": "Is the sky green?", "candidates": []}
            """
        let input = VerifyInput.read(jsonl: text)
        #expect(input.problems.isEmpty)
        #expect(input.questions.map(\.id) == ["q1", "7"])
        let first = input.questions[0]
        #expect(first.gold == .int(5))
        #expect(first.chainOfThoughtAnswers == [.int(5), .string("5"), .int(6)])
        #expect(first.candidates.map(\.id) == ["q1#0", "x"])
        #expect(first.candidates[0].answerSpec == .auto)
        #expect(first.candidates[1].answerSpec == .variable("ans"))
        #expect(first.candidates[0].metadata == .object([("model", .string("m"))]))
        #expect(input.questions[1].index == 1 && input.questions[1].line == 2)
    }

    @Test func groupsCandidateLinesByID() throws {
        let text = """
            {"id": "a", "question": "Q A", "program": "answer = 1"}
            {"id": "b", "question": "Q B", "program": "answer = 2", "gold": 2}
            {"id": "a", "program": "answer = 3", "candidate_id": "a-last"}
            {"id": "a", "question": "Q A", "program": "answer = 4", "gold": 1}
            """
        let input = VerifyInput.read(jsonl: text)
        #expect(input.problems.isEmpty)
        #expect(input.questions.map(\.id) == ["a", "b"])
        #expect(input.questions[0].candidates.map(\.program) == ["answer = 1", "answer = 3", "answer = 4"])
        #expect(input.questions[0].candidates.map(\.id) == ["a#0", "a-last", "a#2"])
        #expect(input.questions[0].gold == .int(1))
        #expect(input.questions[1].gold == .int(2))
    }

    @Test func keepsEveryMalformedLineAsAProblem() throws {
        let text = """
            {"id": "a", "question": "Q", "candidates": [{"program": "answer = 1"}, {"code": "x"}, {"program": "answer = 2", "cid": "a#0"}]}
            not json
            [1, 2]
            {"question": "no id", "program": "answer = 1"}
            {"id": "b", "program": "answer = 1"}
            {"id": "a", "question": "Different text", "program": "answer = 5"}
            {"id": "a", "question": "Q", "candidates": []}
            {"id": "c", "question": "Q", "weird": true}
            {"id": "d", "question": "Q", "program": 5}
            {"id": "e", "question": "Q", "program": "x", "convention": "nope"}

            {"id": "f", "question": "Q", "candidates": "many"}
            """
        let input = VerifyInput.read(jsonl: text)
        #expect(input.problems.map(\.line) == [1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12])
        #expect(input.problems[0].message == "candidate 1: missing string field \"program\"")
        #expect(input.problems[1].message == "candidate 2: candidate id a#0 repeats in question a")
        #expect(input.problems[2].message.hasPrefix("invalid JSON: "))
        #expect(input.problems[6].excerpt == #"{"id": "a", "question": "Different text", "program": "answer = 5"}"#)
        #expect(input.questions.map(\.id) == ["a"])
        #expect(input.questions[0].candidates.count == 1)
    }

    @Test func readsTheGSM8KShapeWithItsCatalog() throws {
        let catalog = try PreambleCatalog(jsonText: """
            {"preambles": {"pot": "import math\\n"}, "conventions": {"pot_ans": "var:ans"}}
            """)
        let line = """
            {"qid": 3, "question": "Q", "gold": 18, "candidates": [{"cid": "3-00", "model": "gpt-4", "convention": "pot_ans", "preamble": "pot", "program": "ans = 18", "cpython_result": "18", "result_float": 18.0, "cpython_error": null, "matches_gold": true}, {"cid": "3-01", "convention": "pot_ans", "preamble": "fcot", "program": "ans = x", "cpython_result": null, "result_float": null, "cpython_error": "NameError: name 'x' is not defined"}]}
            """
        let input = VerifyInput.read(jsonl: line, catalog: catalog)
        #expect(input.problems.isEmpty)
        let candidates = input.questions[0].candidates
        #expect(candidates[0].preamble == "import math\n" && candidates[0].answerSpec == .variable("ans"))
        #expect(candidates[0].recorded == RecordedRun(resultRepr: "18", resultFloat: 18, error: nil))
        #expect(candidates[0].metadata.member("matches_gold") == .bool(true))
        #expect(candidates[1].preambleName == "fcot" && candidates[1].preamble == nil, "unknown preamble: cannot run")
        #expect(candidates[1].recorded?.error == "NameError: name 'x' is not defined")
    }

    @Test(arguments: ["", "a", "a\n", "\n\n", "a\nb", "\u{00e9}\u{1F600}\n\nx\r\n", "{\"q\": 1}\n{}\n"])
    func linesSplitAtEveryNewline(_ text: String) {
        let expected = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        #expect(VerifyInput.lines(of: text) == expected)
    }

    @Test func fingerprintFollowsTheText() {
        let a = VerifyInput.read(jsonl: "{\"id\": 1, \"question\": \"Q\", \"program\": \"answer = 1\"}")
        let b = VerifyInput.read(jsonl: "{\"id\": 1, \"question\": \"Q\", \"program\": \"answer = 2\"}")
        #expect(a.fingerprint != b.fingerprint && a.fingerprint.count == 16)
    }

    @Test func recordedErrorsBecomeOutcomesOfTheirFamily() {
        let syntax = RecordedRun(resultRepr: nil, resultFloat: nil, error: "SyntaxError: invalid syntax (line 3)").outcome
        #expect(syntax.status == .syntax && syntax.error == ErrorInfo(type: "SyntaxError", message: "invalid syntax (line 3)", line: 3))
        #expect(RecordedRun(resultRepr: nil, resultFloat: nil, error: "Timeout: exceeded 5s").outcome.status == .limit)
        #expect(RecordedRun(resultRepr: nil, resultFloat: nil, error: "NoAnswer: program did not define 'answer'").outcome.status == .error)
        #expect(RecordedRun(resultRepr: "18", resultFloat: 18, error: nil).outcome.answer == .int(18))
        #expect(RecordedRun(resultRepr: "18.5", resultFloat: 18.5, error: nil).outcome.answer == .double(18.5))
        #expect(RecordedRun(resultRepr: "'yes'", resultFloat: nil, error: nil).outcome.answer == .string("yes"))
        let symbolic = RecordedRun(resultRepr: "x/2 + 1", resultFloat: nil, error: nil).outcome
        #expect(symbolic.status == .ok && symbolic.answer == nil && symbolic.answerRepr == "x/2 + 1")
    }
}
