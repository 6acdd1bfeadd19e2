import Foundation
import Testing
import ProgramOutcome
@testable import Oracle

@Suite struct ReplayOracleTests {
    static let answersJSONL = """
        {"function": "ask_llm", "arguments": ["How many legs does a spider have?"], "answer": 8, "model": "m1"}
        {"function": "lookup", "arguments": ["France", "capital"], "answer": "Paris"}
        {"function": "compare", "arguments": ["a whale", "a mouse"], "answer": true}

        not json at all
        {"function": "ask_llm", "arguments": [5], "answer": 1}
        {"function": "compare", "arguments": ["x", "y", ">"], "answer": "yes"}
        {"function": "ask_llm", "arguments": ["How many legs does a spider have?"], "answer": 8}
        {"function": "ask_llm", "arguments": ["How many legs does a spider have?"], "answer": 6}
        {"function": "ask_llm", "answer": 6}
        """

    @Test func importCountsEveryLine() throws {
        let store = try OracleStore()
        let report = try store.importJSONL(Self.answersJSONL, source: "import:test")
        #expect(report.imported == 3)
        #expect(report.alreadyPresent == 1)
        #expect(report.conflicts.map(\.line) == [9])
        #expect(report.malformed.map(\.line) == [5, 6, 7, 10])
        #expect(try store.count() == 3)
        let again = try store.importJSONL(Self.answersJSONL, source: "import:test")
        #expect(again.imported == 0 && again.alreadyPresent == 4)
        let records = try store.allRecords()
        #expect(records.first { $0.call.function == "ask_llm" }?.model == "m1")
        #expect(records.allSatisfy { $0.source == "import:test" })
    }

    @Test func replayAnswersHitsAndReportsMisses() async throws {
        let store = try OracleStore()
        _ = try store.importJSONL(Self.answersJSONL, source: "import:test")
        let oracle = ReplayOracle(store: store)
        let answers = await oracle.answer([
            .askLLM("How many legs does a spider have?"),
            .lookup("France", "capital"),
            .compare(.string("a whale"), .string("a mouse")),
            .compare(.int(2), .double(1.5)),
            .askLLM("How many legs does an ant have?"),
        ])
        #expect(answers[0] == .value(.int(8)))
        #expect(answers[1] == .value(.string("Paris")))
        #expect(answers[2] == .value(.bool(true)))
        #expect(answers[3] == .value(.bool(true)))
        #expect(answers[4] == .miss(#"not recorded: ask_llm["How many legs does an ant have?"]"#))
    }

    @Test func aRecordOfTheWrongTypeIsAMissNotACoercion() async throws {
        let store = try OracleStore()
        try store.record([OracleRecord(call: .compare(.string("x"), .string("y")), answer: .string("yes"),
                                       model: "", source: "hand", createdAt: OracleStore.timestamp())])
        let answers = await ReplayOracle(store: store).answer([.compare(.string("x"), .string("y"))])
        guard case .miss = answers[0] else {
            Issue.record("a string answer to compare was accepted")
            return
        }
    }

    @Test func storePersistsAndFirstAnswerWins() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("answers.sqlite").path
        let call = HelperCall.askLLM("Capital of Peru?")
        do {
            let store = try OracleStore(path: path)
            let conflicts = try store.record([
                OracleRecord(call: call, answer: .string("Lima"), model: "a", source: "s", createdAt: "t"),
                OracleRecord(call: call, answer: .string("Cusco"), model: "b", source: "s", createdAt: "t"),
            ])
            #expect(conflicts.map(\.answer) == [.string("Cusco")])
        }
        let reopened = try OracleStore(path: path)
        #expect(try reopened.answers(forKeys: [call.key])[call.key]?.answer == .string("Lima"))
    }
}
