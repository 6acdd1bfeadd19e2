import GRDB

/// What a merge found: which shards were present and whether each was finished.
public struct MergeReport: Sendable, Equatable {
    public struct ShardProgress: Sendable, Equatable {
        public var shard: ShardSpec
        public var stored: Int
        public var expected: Int
    }

    public var shards: [ShardProgress]
    public var missingShardIndices: [Int]
    public var questions: Int

    /// Every shard present and finished: the merged outputs equal those of a single run.
    public var isComplete: Bool {
        missingShardIndices.isEmpty && shards.allSatisfy { $0.stored == $0.expected }
    }
}

extension RunStore {
    /// Copies the questions of shard stores (same input and runner, shards of one `count`) into this empty
    /// store, which then reads as one whole run. A question present in two sources must be identical there.
    /// Every shard holds the whole input (the same text, by its fingerprint); it is copied once.
    public func merge(from sources: [RunStore]) throws -> MergeReport {
        var identities: [RunIdentity] = []
        for source in sources {
            guard let identity = try source.identity() else { throw RunStoreError.unpreparedSource }
            identities.append(identity)
        }
        guard let first = identities.first else { throw RunStoreError.unpreparedSource }
        for identity in identities.dropFirst() {
            let comparable = identity.inputFingerprint == first.inputFingerprint && identity.runner == first.runner
                && identity.shard.count == first.shard.count && identity.shard.assignment == first.shard.assignment
            guard comparable else {
                throw RunStoreError.identityMismatch(stored: first.description, requested: identity.description)
            }
        }
        var progress: [MergeReport.ShardProgress] = []
        var seenShards: Set<Int> = []
        var expectedTotal = 0
        for (source, identity) in zip(sources, identities) where seenShards.insert(identity.shard.index).inserted {
            progress.append(MergeReport.ShardProgress(shard: identity.shard, stored: try source.completedCount(),
                                                      expected: identity.questionsInShard))
            expectedTotal += identity.questionsInShard
        }
        let merged = RunIdentity(inputFingerprint: first.inputFingerprint, runner: first.runner,
                                 shard: ShardSpec(index: 0, count: 1, assignment: first.shard.assignment),
                                 questionsInShard: expectedTotal)
        let rowsBySource = try sources.map { source in
            try source.database.read { db in
                try Row.fetchAll(db, sql: "SELECT question_index, question_id, results, completed_at FROM question_results")
            }
        }
        let inputRows = try sources[0].database.read { db in
            try Row.fetchAll(db, sql: "SELECT name, text FROM run_input").map { ($0["name"] as String, $0["text"] as String) }
        }
        let questionCount = try database.write { db -> Int in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run_meta") == 0,
                  try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM question_results") == 0
            else { throw RunStoreError.targetNotEmpty }
            try Self.writeIdentity(merged, db)
            for (name, text) in inputRows {
                try db.execute(sql: "INSERT INTO run_input (name, text) VALUES (?, ?)", arguments: [name, text])
            }
            var stored: [String: String] = [:]
            for rows in rowsBySource {
                for row in rows {
                    let id: String = row["question_id"]
                    let results: String = row["results"]
                    if let existing = stored[id] {
                        guard existing == results else { throw RunStoreError.conflictingQuestion(id: id) }
                        continue
                    }
                    stored[id] = results
                    try db.execute(
                        sql: """
                            INSERT INTO question_results (question_index, question_id, results, completed_at)
                            VALUES (?, ?, ?, ?)
                            """,
                        arguments: [row["question_index"] as Int, id, results, row["completed_at"] as String])
                }
            }
            return stored.count
        }
        let missing = (0..<first.shard.count).filter { !seenShards.contains($0) }
        return MergeReport(shards: progress.sorted { $0.shard.index < $1.shard.index }, missingShardIndices: missing,
                           questions: questionCount)
    }
}
