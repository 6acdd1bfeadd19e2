import Foundation
import PythonSyntax

/// Helpers shared by the PythonSyntax tests.
enum TestSupport {
    /// The package root, found from this file (symbolic links resolved, so a development package that
    /// links these sources still finds the real tree).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The module's dump, or "error[id] line:column: message".
    static func dump(_ source: String, locations: Bool = false) -> String {
        do {
            return try PythonParser.parse(source).dumped(locations: locations)
        } catch {
            return "error[\(error.id.rawValue)] \(error.range.start): \(error.message)"
        }
    }

    /// The dump of the single expression statement `source` (without the module and Expr wrappers).
    static func expression(_ source: String, locations: Bool = false) -> String {
        do {
            let module = try PythonParser.parse(source)
            guard module.body.count == 1, case .expression(let value) = module.body[0].kind else {
                return "not a single expression statement"
            }
            return value.dumped(locations: locations)
        } catch {
            return "error[\(error.id.rawValue)] \(error.range.start): \(error.message)"
        }
    }

    /// The diagnostic `source` produces, or nil if it parses.
    static func diagnostic(_ source: String) -> Diagnostic? {
        do {
            _ = try PythonParser.parse(source)
            return nil
        } catch {
            return error
        }
    }
}

/// A source text with its expected diagnostic marked in it (the convention of Grammar/diagnostic-cases.txt):
/// a marker line below the offending line holds spaces up to the column, then
/// `^ <type> <id>: <message>` where <type> is a Python exception name or "sal" (and "~" after it marks a
/// position that differs from CPython's on purpose).
struct MarkedCase: CustomStringConvertible {
    var title: String
    var source: String
    var line: Int32
    var column: Int32
    var pythonType: String?
    var id: String
    var message: String

    var description: String { title }

    init(title: String = "", marked text: String) throws {
        self.title = title.isEmpty ? text : title
        var sourceLines: [Substring] = []
        var found: (line: Int32, column: Int32, type: String?, id: String, message: String)?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if found == nil, let marker = MarkedCase.marker(line) {
                found = (Int32(sourceLines.count), marker.column, marker.type, marker.id, marker.message)
            } else {
                sourceLines.append(line)
            }
        }
        guard let found else { throw MarkedCaseError.noMarker(text) }
        source = sourceLines.joined(separator: "\n")
        (line, column, pythonType, id, message) = found
    }

    /// Parses `^ type id: message` preceded only by spaces.
    private static func marker(_ line: Substring) -> (column: Int32, type: String?, id: String, message: String)? {
        let indentation = line.prefix { $0 == " " }
        let rest = line.dropFirst(indentation.count)
        guard rest.hasPrefix("^ ") else { return nil }
        let fields = rest.dropFirst(2).split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, fields[1].hasSuffix(":") else { return nil }
        let type = String(fields[0]).replacingOccurrences(of: "~", with: "")
        return (Int32(indentation.count + 1), type == "sal" ? nil : type, String(fields[1].dropLast()),
                String(fields[2]))
    }

    /// All cases of a file in the Grammar/diagnostic-cases.txt format.
    static func cases(inFile text: String) throws -> [MarkedCase] {
        var result: [MarkedCase] = []
        for block in text.components(separatedBy: "\n=== ").dropFirst() {
            let title = block.prefix { $0 != "\n" }
            let body = block.dropFirst(title.count + 1)
            result.append(try MarkedCase(title: String(title), marked: String(body)))
        }
        return result
    }
}

enum MarkedCaseError: Error {
    case noMarker(String)
}
