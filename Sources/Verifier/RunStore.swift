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
        case .unpreparedSource: "the run store holds no run (no identity or input recorded)"
        }
    }
}

/// The SQLite record of a verify run: the input it was made from (its text and preamble catalog, once),
/// one row of run results per finished question, and the run's identity.
///
/// Questions are committed in batches, each in one transaction, once all their candidates ran, so a run
/// killed at any point loses only unfinished questions and a resumed run skips exactly the stored ones:
/// nothing is lost or written twice (the question id is unique). Votes and outputs are computed from the
/// stored input and results afterwards, so changing the vote rule needs no re-run, and neither `report`
/// nor `merge` needs the input file. The trap: the input is stored as its text, not re-serialized per
/// question; reading a store parses it again (unless the caller passes the input it already read).
public final class RunStore: Sendable {
    let database: DatabaseQueue

    /// Opens (creating if needed) the store at `path`, in write-ahead-log mode: a commit survives the
    /// process being killed at any later point, without a disk flush per commit.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.prepareDatabase { db in
            // Large pages: the input text is stored whole, and 4 KiB pages cost one write call each.
            try db.execute(sql: "PRAGMA page_size = 65536")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        database = try DatabaseQueue(path: path, configuration: configuration)
        try Self.migrator.migrate(database)
    }

    /// Closes the database (checkpointing the write-ahead log into the store file); the store cannot be
    /// used afterwards. Closing is otherwise left to deinitialization.
    public func close() throws {
        try database.close()
    }

    /// A store in memory, for tests and runs that need no resume.
    public init() throws {
        database = try DatabaseQueue()
        try Self.migrator.migrate(database)
    }

    /// Questions stored so far in the store at `path`, read without writing anything (another process may
    /// be running into it); nil when there is no store there yet.
    public static func completedCount(atPath path: String) throws -> Int? {
        var configuration = Configuration()
        configuration.readonly = true
        let reader = try DatabaseQueue(path: path, configuration: configuration)
        return try reader.read { db in
            guard try db.tableExists("question_results") else { return nil }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM question_results") ?? 0
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("verify run") { db in
            try db.execute(sql: """
                CREATE TABLE run_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE run_input (name TEXT PRIMARY KEY NOT NULL, text TEXT NOT NULL);
                CREATE TABLE question_results (
                    question_index INTEGER PRIMARY KEY NOT NULL,
                    question_id TEXT NOT NULL UNIQUE,
                    results TEXT NOT NULL,
                    completed_at TEXT NOT NULL
                );
                """)
        }
        return migrator
    }

    /// Records the identity and input of a new run, or checks that an existing run has the same identity.
    public func prepare(_ identity: RunIdentity, input: VerifyInput) throws {
        precondition(identity.inputFingerprint == input.fingerprint, "the identity names this input")
        try database.write { db in
            if let stored = try Self.identity(db) {
                guard stored == identity else {
                    throw RunStoreError.identityMismatch(stored: stored.description, requested: identity.description)
                }
            } else {
                try Self.writeIdentity(identity, db)
                try Self.writeInput(text: input.text, catalog: input.catalog.jsonText, db)
            }
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

    static func writeInput(text: String, catalog: String, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO run_input (name, text) VALUES ('input', ?), ('catalog', ?)",
                       arguments: [text, catalog])
    }

    /// The input the run was made from, read again from the stored text and catalog.
    public func storedInput() throws -> VerifyInput {
        let (text, catalogText) = try database.read { db -> (String?, String?) in
            (try String.fetchOne(db, sql: "SELECT text FROM run_input WHERE name = 'input'"),
             try String.fetchOne(db, sql: "SELECT text FROM run_input WHERE name = 'catalog'"))
        }
        guard let text, let catalogText else { throw RunStoreError.unpreparedSource }
        return VerifyInput.read(jsonl: text, catalog: try PreambleCatalog(jsonText: catalogText))
    }

    public func completedQuestionIDs() throws -> Set<String> {
        try database.read { db in Set(try String.fetchAll(db, sql: "SELECT question_id FROM question_results")) }
    }

    public func completedCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM question_results") ?? 0 }
    }

    /// Stores a finished question atomically. Storing a question id twice is an error (the unique key).
    public func commit(_ stored: StoredQuestion) throws {
        try commit([stored])
    }

    /// Stores finished questions in one transaction: all of them or, if the process dies, none.
    public func commit(_ stored: [StoredQuestion]) throws {
        let rows = stored.map { question in
            (question.question.index, question.question.id,
             JSONValue.array(question.results.map(\.storedJSON)).serialized)
        }
        let completedAt = OracleStore.timestamp()
        try database.write { db in
            for (index, id, results) in rows {
                try db.execute(
                    sql: """
                        INSERT INTO question_results (question_index, question_id, results, completed_at)
                        VALUES (?, ?, ?, ?)
                        """,
                    arguments: [index, id, results, completedAt])
            }
        }
    }

    /// Every stored question with its results, in input order, and the input's problems. `input` saves
    /// reading the stored text again when the caller holds the same input (same fingerprint).
    public func storedRun(input: VerifyInput? = nil) throws -> (questions: [StoredQuestion], problems: [InputProblem]) {
        let storedFingerprint = try identity()?.inputFingerprint
        let source: VerifyInput
        if let input, input.fingerprint == storedFingerprint {
            source = input
        } else {
            source = try storedInput()
        }
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT question_id, results FROM question_results").map {
                (id: $0["question_id"] as String, results: $0["results"] as String)
            }
        }
        var resultsByQuestion: [String: String] = [:]
        for row in rows { resultsByQuestion[row.id] = row.results }
        let storedQuestions = source.questions.compactMap { question in
            resultsByQuestion[question.id].map { (question: question, text: $0) }
        }
        // Decoding is independent per question, so it runs on all cores; the first error in input order wins.
        let decoded = ParallelMap.map(storedQuestions) { stored in
            Result { () throws -> StoredQuestion in
                guard case .array(let items) = try JSONValue.parse(stored.text) else {
                    throw RecordDecodingError(message: "results of \(stored.question.id) are not an array")
                }
                var results: [CandidateRunResult] = []
                results.reserveCapacity(items.count)
                for item in items { results.append(try CandidateRunResult(storedJSON: item, questionID: stored.question.id)) }
                return StoredQuestion(question: stored.question, results: results)
            }
        }
        return (try decoded.map { try $0.get() }, source.problems)
    }

    /// Every stored question with its results, in input order.
    public func storedQuestions() throws -> [StoredQuestion] {
        try storedRun().questions
    }

    /// Input problems, by line.
    public func inputProblems() throws -> [InputProblem] {
        try storedInput().problems
    }
}
