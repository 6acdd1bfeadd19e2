import Foundation
import Testing
import ProgramOutcome
@testable import Oracle

/// The HTTP backend against a real HTTP server on loopback.
@Suite struct ChatCompletionsOracleTests {
    static func configuration(_ server: LoopbackHTTPServer, attempts: Int = 3, timeout: Duration = .seconds(10),
                              concurrency: Int = 4) -> ChatCompletionsConfiguration {
        ChatCompletionsConfiguration(baseURL: server.baseURL, model: "test-model", apiKeyVariable: "SAL_TEST_KEY",
                                     maxConcurrentRequests: concurrency, requestTimeout: timeout,
                                     maxAttempts: attempts, initialBackoff: .milliseconds(20),
                                     maxBackoff: .milliseconds(100))
    }

    static func userContent(_ request: LoopbackHTTPServer.Request) -> String {
        let body = try? JSONValue.parse(request.body)
        return body?.member("messages")?.arrayPayload?.last?.member("content")?.stringValue ?? ""
    }

    static let environment = ["SAL_TEST_KEY": "secret-123"]

    @Test func answersAndRecordsThrough() async throws {
        let server = try LoopbackHTTPServer { request, _ in
            switch Self.userContent(request) {
            case "How many legs does a spider have?": .chat("8")
            case "What is the capital of France?": .chat("Paris.")
            case "Is a whale greater than a mouse? Answer yes or no.": .chat("Yes")
            default: .chat("unknown")
            }
        }
        defer { server.stop() }
        let store = try OracleStore()
        let oracle = try ChatCompletionsOracle(configuration: Self.configuration(server), store: store,
                                               environment: Self.environment)
        let calls: [HelperCall] = [
            .askLLM("How many legs does a spider have?"), .lookup("France", "capital"),
            .compare(.string("a whale"), .string("a mouse")), .compare(.int(1), .int(2)),
            .askLLM("How many legs does a spider have?"),
        ]
        let answers = await oracle.answer(calls)
        #expect(answers == [.value(.int(8)), .value(.string("Paris")), .value(.bool(true)), .value(.bool(false)),
                            .value(.int(8))])
        #expect(server.requests.count == 3, "duplicates are asked once, numeric compare never")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST" && request.path == "/v1/chat/completions")
        #expect(request.headers["authorization"] == "Bearer secret-123")
        let body = try JSONValue.parse(request.body)
        #expect(body.member("model") == .string("test-model"))
        #expect(body.member("messages")?.arrayPayload?.first?.member("role") == .string("system"))

        #expect(try store.count() == 3)
        #expect(try store.allRecords().allSatisfy { $0.model == "test-model" && $0.source.hasPrefix("http:") })
        let replayed = await ReplayOracle(store: store).answer(calls)
        #expect(replayed == answers, "a re-run answers offline from the record")
        let again = await oracle.answer(calls)
        #expect(again == answers && server.requests.count == 3, "recorded calls are not asked again")
    }

    @Test func retriesAfterServerErrorThenSucceeds() async throws {
        let server = try LoopbackHTTPServer { _, index in
            index == 0 ? .init(status: 500, body: "{\"error\":\"boom\"}")
                : index == 1 ? .init(status: 429, body: "{}", headers: [("Retry-After", "0")]) : .chat("41")
        }
        defer { server.stop() }
        let oracle = try ChatCompletionsOracle(configuration: Self.configuration(server), store: try OracleStore(),
                                               environment: Self.environment)
        let answers = await oracle.answer([.askLLM("A number?")])
        #expect(answers == [.value(.int(41))])
        #expect(server.requests.count == 3)
    }

    @Test func givesUpAfterTheLastAttemptWithTheReason() async throws {
        let server = try LoopbackHTTPServer { _, _ in .init(status: 503, body: "down") }
        defer { server.stop() }
        let store = try OracleStore()
        let oracle = try ChatCompletionsOracle(configuration: Self.configuration(server, attempts: 2), store: store,
                                               environment: Self.environment)
        let answers = await oracle.answer([.askLLM("A number?")])
        #expect(answers == [.miss("HTTP 503: down (after 2 attempts)")])
        #expect(server.requests.count == 2)
        #expect(try store.count() == 0, "misses are not recorded")
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let server = try LoopbackHTTPServer { _, _ in .init(status: 401, body: "no key") }
        defer { server.stop() }
        let oracle = try ChatCompletionsOracle(configuration: Self.configuration(server), store: try OracleStore(),
                                               environment: Self.environment)
        #expect(await oracle.answer([.askLLM("q")]) == [.miss("HTTP 401: no key")])
        #expect(server.requests.count == 1)
    }

    @Test func timesOutAndRetries() async throws {
        let server = try LoopbackHTTPServer { _, index in
            index == 0 ? .init(status: 200, body: "{}", hold: .seconds(20)) : .chat("yes")
        }
        defer { server.stop() }
        let oracle = try ChatCompletionsOracle(configuration: Self.configuration(server, timeout: .milliseconds(300)),
                                               store: try OracleStore(), environment: Self.environment)
        #expect(await oracle.answer([.askLLM("Slow?")]) == [.value(.bool(true))])
        #expect(server.requests.count == 2)
    }

    @Test func aServerThatNeverAnswersInTimeIsAMiss() async throws {
        let server = try LoopbackHTTPServer { _, _ in .init(status: 200, body: "{}", hold: .seconds(20)) }
        defer { server.stop() }
        let oracle = try ChatCompletionsOracle(
            configuration: Self.configuration(server, attempts: 2, timeout: .milliseconds(200)),
            store: try OracleStore(), environment: Self.environment)
        let answers = await oracle.answer([.askLLM("Slow?")])
        guard case .miss(let reason) = answers[0] else {
            Issue.record("expected a miss, got \(answers)")
            return
        }
        #expect(reason.contains("timed out"))
        #expect(server.requests.count == 2)
    }

    @Test func garbageBodiesAreRetriedThenReported() async throws {
        let server = try LoopbackHTTPServer { request, index in
            switch Self.userContent(request) {
            case "flaky": index == 0 ? .init(status: 200, body: "<html>proxy error") : .chat("7")
            default: .init(status: 200, body: "{\"choices\": []}")
            }
        }
        defer { server.stop() }
        let oracle = try ChatCompletionsOracle(configuration: Self.configuration(server, attempts: 2, concurrency: 1),
                                               store: try OracleStore(), environment: Self.environment)
        let flaky = await oracle.answer([.askLLM("flaky")])
        #expect(flaky == [.value(.int(7))])
        let broken = await oracle.answer([.askLLM("broken")])
        guard case .miss(let reason) = broken[0] else {
            Issue.record("garbage became an answer: \(broken)")
            return
        }
        #expect(reason.contains("no choices[0].message.content"))
        #expect(reason.hasSuffix("(after 2 attempts)"))
    }

    @Test func honoursTheConcurrencyCap() async throws {
        let server = try LoopbackHTTPServer { request, _ in
            var response = LoopbackHTTPServer.Response.chat(Self.userContent(request).uppercased())
            response.gatherGroupsOf = 3
            return response
        }
        defer { server.stop() }
        let oracle = try ChatCompletionsOracle(configuration: Self.configuration(server, concurrency: 3),
                                               store: try OracleStore(), environment: Self.environment)
        let calls = (1...9).map { HelperCall.askLLM("question \($0)") }
        async let first = oracle.answer(Array(calls[0..<5]))
        async let second = oracle.answer(Array(calls[5...]))
        let answers = await first + second
        #expect(answers == (1...9).map { .value(.string("QUESTION \($0)")) })
        #expect(server.requests.count == 9)
        #expect(server.maxInFlight == 3, "three requests were held together, never more")
    }

    @Test func aMissingKeyVariableFailsBeforeAnyRequest() throws {
        let configuration = ChatCompletionsConfiguration(baseURL: URL(string: "http://127.0.0.1:9/v1")!, model: "m",
                                                         apiKeyVariable: "SAL_ABSENT_KEY")
        #expect(throws: OracleConfigurationError.missingAPIKey(variable: "SAL_ABSENT_KEY")) {
            try ChatCompletionsOracle(configuration: configuration, store: try OracleStore(), environment: [:])
        }
    }
}
