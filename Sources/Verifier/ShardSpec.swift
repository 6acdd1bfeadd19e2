/// A deterministic slice of the questions: shard `index` of `count`.
///
/// `hash` assignment puts a question in shard `fnv1a64(id) % count`, so a question stays in its shard
/// when other lines are added or removed; `position` uses the question's position in the input
/// (`position % count`), which balances exactly but moves questions when the input changes.
public struct ShardSpec: Sendable, Hashable, CustomStringConvertible {
    public enum Assignment: String, Sendable, Hashable {
        case hash
        case position
    }

    public var index: Int
    public var count: Int
    public var assignment: Assignment

    public init(index: Int, count: Int, assignment: Assignment = .hash) {
        precondition(count > 0 && (0..<count).contains(index), "a shard index is in 0..<count")
        self.index = index
        self.count = count
        self.assignment = assignment
    }

    /// Every question.
    public static let whole = ShardSpec(index: 0, count: 1)

    /// Parses `i/n` (hash assignment) or `i/n:position`; nil unless 0 ≤ i < n.
    public init?(parsing text: String) {
        var body = Substring(text)
        var assignment = Assignment.hash
        if let colon = body.firstIndex(of: ":") {
            guard let parsed = Assignment(rawValue: String(body[body.index(after: colon)...])) else { return nil }
            assignment = parsed
            body = body[..<colon]
        }
        let parts = body.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0,
              (0..<count).contains(index) else { return nil }
        self.init(index: index, count: count, assignment: assignment)
    }

    public var description: String {
        "\(index)/\(count)" + (assignment == .hash ? "" : ":\(assignment.rawValue)")
    }

    public func contains(_ question: QuestionInput) -> Bool {
        guard count > 1 else { return true }
        switch assignment {
        case .hash: return Int(StableHash.fnv1a64(question.id) % UInt64(count)) == index
        case .position: return question.index % count == index
        }
    }
}
