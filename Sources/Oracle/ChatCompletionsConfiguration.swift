import Foundation

/// Where and how to reach an OpenAI-compatible chat-completions endpoint.
///
/// Requests go to `baseURL` + `/chat/completions` (so `baseURL` usually ends in `/v1`). The key is read
/// from the environment variable `apiKeyVariable` when the backend is created, never stored in files.
public struct ChatCompletionsConfiguration: Sendable {
    public var baseURL: URL
    public var model: String
    /// Name of the environment variable holding the API key; nil sends no `Authorization` header.
    public var apiKeyVariable: String?
    /// At most this many requests are in flight at once, across all concurrent `answer` calls.
    public var maxConcurrentRequests: Int
    /// One attempt that has not completed after this long counts as a timeout (and is retried).
    public var requestTimeout: Duration
    /// Attempts per call, the first included; 429, 5xx, timeouts, connection failures and unparseable
    /// response bodies are retried, other HTTP errors are not.
    public var maxAttempts: Int
    /// Wait before the second attempt; doubled before each further one, capped at `maxBackoff`.
    /// A `Retry-After` header (seconds) on 429/503 replaces it, also capped.
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    public var temperature: Double
    public var maxTokens: Int

    public init(baseURL: URL, model: String, apiKeyVariable: String? = nil, maxConcurrentRequests: Int = 4,
                requestTimeout: Duration = .seconds(60), maxAttempts: Int = 4,
                initialBackoff: Duration = .milliseconds(500), maxBackoff: Duration = .seconds(30),
                temperature: Double = 0, maxTokens: Int = 64) {
        precondition(maxConcurrentRequests > 0 && maxAttempts > 0, "concurrency and attempts must be positive")
        self.baseURL = baseURL
        self.model = model
        self.apiKeyVariable = apiKeyVariable
        self.maxConcurrentRequests = maxConcurrentRequests
        self.requestTimeout = requestTimeout
        self.maxAttempts = maxAttempts
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.temperature = temperature
        self.maxTokens = maxTokens
    }

    /// The wait before attempt `attempt + 1` after attempt `attempt` (1-based) failed.
    func backoff(after attempt: Int, retryAfter: Duration?) -> Duration {
        if let retryAfter { return min(retryAfter, maxBackoff) }
        var wait = initialBackoff
        for _ in 1..<max(attempt, 1) {
            wait = wait * 2
            if wait >= maxBackoff { return maxBackoff }
        }
        return min(wait, maxBackoff)
    }
}

/// A configuration that cannot be used; reported when the backend is created, before any request.
public enum OracleConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingAPIKey(variable: String)

    public var description: String {
        switch self {
        case .missingAPIKey(let variable): "the environment variable \(variable) holding the API key is not set"
        }
    }
}
