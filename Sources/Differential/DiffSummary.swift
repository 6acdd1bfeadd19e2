/// Counts for the summary line of `sal diff`.
public struct DiffSummary: Sendable, Equatable {
    public var programs = 0
    public var diverged = 0
    /// Skipped programs by `SkipReason.category`.
    public var skipped: [String: Int] = [:]

    public init() {}

    public mutating func record(_ verdict: Verdict) {
        programs += 1
        switch verdict {
        case .agreed: break
        case .diverged: diverged += 1
        case .skipped(let reason): skipped[reason.category, default: 0] += 1
        }
    }

    /// `N programs, M diverged, K skipped (reason: n, ...)`.
    public var line: String {
        let total = skipped.values.reduce(0, +)
        var text = "\(programs) programs, \(diverged) diverged, \(total) skipped"
        if total > 0 {
            text += " (" + skipped.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
        }
        return text
    }
}
