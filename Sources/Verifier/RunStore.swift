import Foundation
import GRDB
import Oracle
import ProgramOutcome

/// What a run store was made from; a resume or merge with different values is refused.
public struct RunIdentity: Sendable, Equatable, CustomStringConvertible {
    /// `VerifyInput.fingerprint` of the input file.
    public var inputFingerprint: String
    /// Names how candidates were run (e.g. `recorded`, `sal` + oracle settings): results of different
    /// runners must not mix in one store.
    public var runner: String
    public var shard: ShardSpec
    /// Questions in this shard of the input.
    public var questionsInShard: Int

    public init(inputFingerprint: String, runner: String, shard: ShardSpec, questionsInShard: Int) {
        self.inputFingerprint = inputFingerprint
        self.runner = runner
        self.shard = shard
        self.questionsInShard = questionsInShard
    }

    public var description: String {
        "input \(inputFingerprint), runner \(runner), shard \(shard) (\(questionsInShard) questions)"
    }
}

/// A question as stored after all its candidates ran.
public struct StoredQuestion: Sendable, Equatable {
    public var question: QuestionInput
    public var results: [CandidateRunResult]

    public init(question: QuestionInput, results: [CandidateRunResult]) {
        self.question = question
        self.results = results
    }
}

public enum RunStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store was made by another input, runner or shard.
    case identityMismatch(stored: String, requested: String)
    /// A merge target already holds a run.
    case targetNotEmpty
    /// Two merge sources hold different results for one question.
    case conflictingQuestion(id: String)
    /// A merge source was never prepared.
    case unpreparedSource

    public var description: String {
        switch self {
        case .identityMismatch(let stored, let requested):
            "the run store holds \(stored), not \(requested): use a new store or the original settings"
        case .targetNotEmpty: "the merge target already holds a run"
        case .conflictingQuestion(let id): "two shards hold different results for question \(id)"
        case .unpreparedSource: "a merge source holds no run"
        }
    }
}

/// The SQLite record of a verify run: one row per finished question (its input and every candidate's
/// run result), the input problems, and the run's identity.
///
/// A question's row is written in one transaction once all its candidates ran, so a run killed at any
/// point loses only unfinished questions and a resumed run skips exactly the stored ones: nothing is
/// lost or written twice (the question id is unique). Votes and outputs are computed from the rows
/// afterwards, so changing the vote rule needs no re-run.
public final class RunStore: Sendable {
    let database: DatabaseQueue

    public init(path: String) throws {
        database = try DatabaseQueue(path: path)
        try Self.migrator.migrate(database)
    }

    /// A store in memory, for tests and runs that need no resume.
    public init() throws {
        database = try DatabaseQueue()
        try Self.migrator.migrate(database)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("verify run v1") { db in
            try db.execute(sql: """
                CREATE TABLE run_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE questions (
                    question_index INTEGER PRIMARY KEY NOT NULL,
                    question_id TEXT NOT NULL UNIQUE,
                    input TEXT NOT NULL,
                    results TEXT NOT NULL,
                    completed_at TEXT NOT NULL
                );
                CREATE TABLE input_problems (
                    line INTEGER PRIMARY KEY NOT NULL,
                    message TEXT NOT NULL,
                    excerpt TEXT NOT NULL
                );
                """)
        }
        return migrator
    }

    /// Records the identity of a new run, or checks that an existing one matches; stores the input problems.
    public func prepare(_ identity: RunIdentity, problems: [InputProblem]) throws {
        try database.write { db in
            if let stored = try Self.identity(db) {
                guard stored == identity else {
                    throw RunStoreError.identityMismatch(stored: stored.description, requested: identity.description)
                }
            } else {
                try Self.writeIdentity(identity, db)
            }
            try Self.insertProblems(problems, db)
        }
    }

    public func identity() throws -> RunIdentity? {
        try database.read { db in try Self.identity(db) }
    }

    static func identity(_ db: Database) throws -> RunIdentity? {
        let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM run_meta")
        var meta: [String: String] = [:]
        for row in rows { meta[row["key"]] = row["value"] }
        guard let fingerprint = meta["input_fingerprint"], let runner = meta["runner"],
              let shardText = meta["shard"], let shard = ShardSpec(parsing: shardText),
              let countText = meta["questions_in_shard"], let count = Int(countText)
        else { return nil }
        return RunIdentity(inputFingerprint: fingerprint, runner: runner, shard: shard, questionsInShard: count)
    }

    static func writeIdentity(_ identity: RunIdentity, _ db: Database) throws {
        for (key, value) in [("input_fingerprint", identity.inputFingerprint), ("runner", identity.runner),
                             ("shard", identity.shard.description),
                             ("questions_in_shard", String(identity.questionsInShard))] {
            try db.execute(sql: "INSERT INTO run_meta (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    static func insertProblems(_ problems: [InputProblem], _ db: Database) throws {
        for problem in problems {
            try db.execute(sql: "INSERT OR IGNORE INTO input_problems (line, message, excerpt) VALUES (?, ?, ?)",
                           arguments: [problem.line, problem.message, problem.excerpt])
        }
    }

    public func completedQuestionIDs() throws -> Set<String> {
        try database.read { db in Set(try String.fetchAll(db, sql: "SELECT question_id FROM questions")) }
    }

    public func completedCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM questions") ?? 0 }
    }

    /// Stores a finished question atomically. Storing a question id twice is an error (the unique key).
    public func commit(_ stored: StoredQuestion) throws {
        try database.write { db in try Self.insert(stored, db) }
    }

    static func insert(_ stored: StoredQuestion, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO questions (question_index, question_id, input, results, completed_at)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [stored.question.index, stored.question.id, stored.question.storedJSON.jsonText,
                        JSONValue.array(stored.results.map(\.storedJSON)).jsonText, OracleStore.timestamp()])
    }

    /// Every stored question, in input order.
    public func storedQuestions() throws -> [StoredQuestion] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT input, results FROM questions ORDER BY question_index").map(Self.decode)
        }
    }

    static func decode(_ row: Row) throws -> StoredQuestion {
        let question = try QuestionInput(storedJSON: try JSONValue(jsonText: row["input"]))
        guard case .array(let items) = try JSONValue(jsonText: row["results"]) else {
            throw RecordDecodingError(message: "results of \(question.id) are not an array")
        }
        var results: [CandidateRunResult] = []
        for item in items { results.append(try CandidateRunResult(storedJSON: item, questionID: question.id)) }
        return StoredQuestion(question: question, results: results)
    }

    /// Input problems, by line.
    public func inputProblems() throws -> [InputProblem] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT line, message, excerpt FROM input_problems ORDER BY line").map {
                InputProblem(line: $0["line"], message: $0["message"], excerpt: $0["excerpt"])
            }
        }
    }
}
