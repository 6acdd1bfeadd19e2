import Foundation
import GRDB
import ProgramOutcome

/// One recorded answer: the call, its answer, and where the answer came from.
public struct OracleRecord: Sendable, Equatable {
    public var call: HelperCall
    public var answer: JSONValue
    /// The model that gave the answer; empty when unknown (e.g. hand-written answers).
    public var model: String
    /// Who recorded it: `http:<base URL>`, `import:<file name>`, ...
    public var source: String
    /// ISO 8601 time of recording.
    public var createdAt: String

    public init(call: HelperCall, answer: JSONValue, model: String, source: String, createdAt: String) {
        self.call = call
        self.answer = answer
        self.model = model
        self.source = source
        self.createdAt = createdAt
    }
}

/// The SQLite table of helper-call answers: call key -> answer JSON, model, created_at, source.
///
/// It is both the replay backend's data and the HTTP backend's record-through log, so a run that used
/// a live model can be repeated offline with identical answers. The first answer recorded for a key
/// wins; a later, different one is refused and reported (never silently replaces what runs saw).
public final class OracleStore: Sendable {
    let database: DatabaseQueue

    /// Opens (creating if needed) the store at `path`.
    public init(path: String) throws {
        database = try DatabaseQueue(path: path)
        try Self.migrator.migrate(database)
    }

    /// A store that lives in memory only, for tests and one-off runs.
    public init() throws {
        database = try DatabaseQueue()
        try Self.migrator.migrate(database)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("oracle_answers v1") { db in
            try db.execute(sql: """
                CREATE TABLE oracle_answers (
                    call_key TEXT PRIMARY KEY NOT NULL,
                    function TEXT NOT NULL,
                    arguments TEXT NOT NULL,
                    answer TEXT NOT NULL,
                    model TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    source TEXT NOT NULL
                )
                """)
        }
        return migrator
    }

    /// The recorded answers for the given keys; keys with no record are absent from the result.
    public func answers(forKeys keys: [String]) throws -> [String: OracleRecord] {
        let unique = Array(Set(keys))
        return try database.read { db in
            var found: [String: OracleRecord] = [:]
            for start in stride(from: 0, to: unique.count, by: 500) {
                let slice = Array(unique[start..<min(start + 500, unique.count)])
                let placeholders = Array(repeating: "?", count: slice.count).joined(separator: ",")
                let rows = try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM oracle_answers WHERE call_key IN (\(placeholders))",
                    arguments: StatementArguments(slice))
                for row in rows {
                    if let record = try Self.record(from: row) { found[record.call.key] = record }
                }
            }
            return found
        }
    }

    /// Inserts records whose key is not yet stored; returns the records refused because their key
    /// already holds a different answer. Records equal to the stored answer are silently kept as they are.
    @discardableResult
    public func record(_ records: [OracleRecord]) throws -> [OracleRecord] {
        try database.write { db in
            var conflicts: [OracleRecord] = []
            for record in records {
                let answerText = record.answer.serialized
                if let stored = try String.fetchOne(
                    db, sql: "SELECT answer FROM oracle_answers WHERE call_key = ?", arguments: [record.call.key]) {
                    if stored != answerText { conflicts.append(record) }
                    continue
                }
                try db.execute(
                    sql: """
                        INSERT INTO oracle_answers (call_key, function, arguments, answer, model, created_at, source)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [record.call.key, record.call.function, JSONValue.array(record.call.arguments).serialized,
                                answerText, record.model, record.createdAt, record.source])
            }
            return conflicts
        }
    }

    /// Every stored record, ordered by key.
    public func allRecords() throws -> [OracleRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM oracle_answers ORDER BY call_key").compactMap(Self.record(from:))
        }
    }

    public func count() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM oracle_answers") ?? 0 }
    }

    static func record(from row: Row) throws -> OracleRecord? {
        let function: String = row["function"]
        let argumentsText: String = row["arguments"]
        let answerText: String = row["answer"]
        guard case .array(let arguments) = try JSONValue.parse(argumentsText) else { return nil }
        return OracleRecord(call: HelperCall(function: function, arguments: arguments),
                            answer: try JSONValue.parse(answerText),
                            model: row["model"], source: row["source"], createdAt: row["created_at"])
    }

    /// The current time as stored in `created_at`.
    public static func timestamp(_ date: Date = Date()) -> String {
        date.ISO8601Format()
    }
}
