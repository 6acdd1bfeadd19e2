import Foundation

/// Loads the CPython 3.11 case tables in `Fixtures/` next to this file (JSON Lines: one case per line).
/// The tables are data files rather than Swift literals because literals of this size exhaust the
/// compiler's memory. The trap: a missing, empty or malformed table throws, so a test can never pass
/// by looping over nothing.
enum FixtureTable {
    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The raw bytes of `Fixtures/<name>`.
    static func data(_ name: String) throws -> Data {
        let url = directory.appendingPathComponent(name)
        do {
            return try Data(contentsOf: url)
        } catch {
            throw LoadError(description: "cannot read fixture \(url.path): \(error)")
        }
    }

    /// The non-empty lines of a JSON Lines table, split on the newline byte.
    static func lines(_ name: String) throws -> [Data] {
        let lines = try data(name).split(separator: UInt8(ascii: "\n")).map { Data($0) }
        guard !lines.isEmpty else { throw LoadError(description: "fixture \(name) holds no cases") }
        return lines
    }

    /// Every line of a JSON Lines table decoded as one `Case`.
    static func cases<Case: Decodable>(_ name: String, as type: Case.Type = Case.self) throws -> [Case] {
        let decoder = JSONDecoder()
        return try lines(name).enumerated().map { index, line in
            do {
                return try decoder.decode(Case.self, from: line)
            } catch {
                throw LoadError(description: "\(name) line \(index + 1): \(error)")
            }
        }
    }

    /// A whole-file JSON table decoded as one `Table`.
    static func table<Table: Decodable>(_ name: String, as type: Table.Type = Table.self) throws -> Table {
        do {
            return try JSONDecoder().decode(Table.self, from: data(name))
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError(description: "\(name): \(error)")
        }
    }
}
