import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ProgramOutcome

/// Answers helper calls with a model behind an OpenAI-compatible chat-completions endpoint, recording
/// every answer into an `OracleStore` (record-through) so the same run replays offline.
///
/// Per batch: numeric `compare` calls are answered locally, recorded calls come from the store, and the
/// remaining distinct calls are sent at most `maxConcurrentRequests` at a time (shared by concurrent
/// batches; concurrent requests for one key are joined). Failures are misses with their reason and are
/// not recorded, so a later run asks again.
public final class ChatCompletionsOracle: OracleBackend {
    public let configuration: ChatCompletionsConfiguration
    public let store: OracleStore
    let apiKey: String?
    let session: URLSession
    let limiter: ConcurrencyLimiter
    let inFlight = InFlightCalls()

    public init(configuration: ChatCompletionsConfiguration, store: OracleStore,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws(OracleConfigurationError) {
        if let variable = configuration.apiKeyVariable {
            guard let key = environment[variable], !key.isEmpty else { throw .missingAPIKey(variable: variable) }
            apiKey = key
        } else {
            apiKey = nil
        }
        self.configuration = configuration
        self.store = store
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.httpMaximumConnectionsPerHost = configuration.maxConcurrentRequests
        sessionConfiguration.timeoutIntervalForRequest = Self.transportTimeout(configuration.requestTimeout)
        session = URLSession(configuration: sessionConfiguration)
        limiter = ConcurrencyLimiter(limit: configuration.maxConcurrentRequests)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func answer(_ calls: [HelperCall]) async -> [HelperAnswer] {
        var answers: [String: HelperAnswer] = [:]
        var remote: [HelperCall] = []
        for call in calls where answers[call.key] == nil {
            if let local = call.localAnswer {
                answers[call.key] = local
            } else if !remote.contains(where: { $0.key == call.key }) {
                remote.append(call)
            }
        }
        let recorded = (try? store.answers(forKeys: remote.map(\.key))) ?? [:]
        var toAsk: [HelperCall] = []
        for call in remote {
            if let record = recorded[call.key], call.helper?.accepts(record.answer) == true {
                answers[call.key] = .value(record.answer)
            } else {
                toAsk.append(call)
            }
        }
        await withTaskGroup(of: (String, HelperAnswer).self) { group in
            for call in toAsk {
                group.addTask {
                    let answer = await self.inFlight.answer(key: call.key) { await self.askAndRecord(call) }
                    return (call.key, answer)
                }
            }
            for await (key, answer) in group { answers[key] = answer }
        }
        return calls.map { answers[$0.key] ?? .miss("no answer produced for \($0.key)") }
    }

    /// Asks the model (with retries) and records a typed answer; returns the stored answer if another
    /// writer recorded a different one first, so every run sees one answer per key.
    func askAndRecord(_ call: HelperCall) async -> HelperAnswer {
        let answer = await ask(call)
        guard case .value(let value) = answer else { return answer }
        let record = OracleRecord(call: call, answer: value, model: configuration.model,
                                  source: "http:\(configuration.baseURL.absoluteString)",
                                  createdAt: OracleStore.timestamp())
        do {
            if try store.record([record]).isEmpty { return answer }
            guard let stored = try store.answers(forKeys: [call.key])[call.key] else {
                return .miss("answer for \(call.key) vanished from the store")
            }
            return .value(stored.answer)
        } catch {
            return .miss("answer could not be recorded: \(error)")
        }
    }

    /// One call through the retry loop; the result is typed or a miss naming the last failure.
    func ask(_ call: HelperCall) async -> HelperAnswer {
        let request: URLRequest
        do {
            request = try chatRequest(for: call)
        } catch {
            return .miss("request could not be built: \(error)")
        }
        var lastFailure = ""
        for attempt in 1...configuration.maxAttempts {
            await limiter.acquire()
            let result = await send(request)
            await limiter.release()
            switch result {
            case .reply(let content):
                return OracleReply.typedAnswer(from: content, for: call)
            case .fatal(let reason):
                return .miss(reason)
            case .retryable(let reason, let retryAfter):
                lastFailure = reason
                if attempt < configuration.maxAttempts {
                    try? await Task.sleep(for: configuration.backoff(after: attempt, retryAfter: retryAfter))
                }
            }
        }
        return .miss("\(lastFailure) (after \(configuration.maxAttempts) attempt\(configuration.maxAttempts == 1 ? "" : "s"))")
    }

    enum AttemptResult: Sendable {
        case reply(String)
        case retryable(String, retryAfter: Duration?)
        case fatal(String)
    }

    /// One HTTP exchange, bounded by `requestTimeout` whether or not the transport honours its own timeout.
    func send(_ request: URLRequest) async -> AttemptResult {
        let timeout = configuration.requestTimeout
        let session = session
        return await withTaskGroup(of: AttemptResult?.self) { group in
            group.addTask {
                do {
                    let (data, response) = try await session.data(for: request)
                    return Self.classify(data: data, response: response)
                } catch {
                    return Task.isCancelled ? nil : Self.classify(error: error, timeout: timeout)
                }
            }
            group.addTask {
                do {
                    try await Task.sleep(for: timeout)
                } catch {
                    return nil
                }
                return .retryable("timed out after \(timeout)", retryAfter: nil)
            }
            var outcome: AttemptResult? = nil
            while outcome == nil, let next = await group.next() {
                outcome = next
            }
            group.cancelAll()
            return outcome ?? .retryable("request cancelled", retryAfter: nil)
        }
    }

    func chatRequest(for call: HelperCall) throws -> URLRequest {
        var request = URLRequest(url: configuration.baseURL.appendingPathComponent("chat/completions"))
        request.httpMethod = "POST"
        request.timeoutInterval = Self.transportTimeout(configuration.requestTimeout)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let apiKey { request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
        let body: JSONValue = .object([
            ("model", .string(configuration.model)),
            ("messages", .array([
                .object([("role", .string("system")), ("content", .string(HelperCall.oracleSystemPrompt))]),
                .object([("role", .string("user")), ("content", .string(call.oracleQuestion))]),
            ])),
            ("temperature", .double(configuration.temperature)),
            ("max_tokens", .int(configuration.maxTokens)),
        ])
        request.httpBody = Data(body.serialized.utf8)
        return request
    }

    static func classify(data: Data, response: URLResponse) -> AttemptResult {
        guard let http = response as? HTTPURLResponse else { return .fatal("not an HTTP response") }
        let snippet = String(decoding: data.prefix(200), as: UTF8.self)
        switch http.statusCode {
        case 200..<300:
            let text = String(decoding: data, as: UTF8.self)
            guard let body = try? JSONValue.parse(text) else {
                return .retryable("unparseable response body: \(snippet)", retryAfter: nil)
            }
            guard let content = body.member("choices")?.arrayPayload?.first?
                .member("message")?.member("content")?.stringValue
            else {
                return .retryable("response has no choices[0].message.content: \(snippet)", retryAfter: nil)
            }
            return .reply(content)
        case 408, 429, 500..<600:
            let retryAfter = http.value(forHTTPHeaderField: "Retry-After").flatMap(Int.init).map { Duration.seconds($0) }
            return .retryable("HTTP \(http.statusCode): \(snippet)", retryAfter: retryAfter)
        default:
            return .fatal("HTTP \(http.statusCode): \(snippet)")
        }
    }

    static func classify(error: any Error, timeout: Duration) -> AttemptResult {
        if let urlError = error as? URLError {
            switch urlError.code {
            case .timedOut: return .retryable("timed out after \(timeout)", retryAfter: nil)
            case .badURL, .unsupportedURL, .userAuthenticationRequired: return .fatal("request failed: \(urlError)")
            default: return .retryable("transport error: \(urlError.localizedDescription)", retryAfter: nil)
            }
        }
        return .retryable("transport error: \(error)", retryAfter: nil)
    }

    /// The transport's own timeout, a backstop only: `send` enforces `requestTimeout` itself, because
    /// the Linux URLSession mishandles sub-second timeouts (0.2 s fires at once). Whole seconds, 5 s later.
    static func transportTimeout(_ duration: Duration) -> TimeInterval {
        TimeInterval(duration.components.seconds + 6)
    }
}
