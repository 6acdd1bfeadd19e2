import Foundation
import Testing

/// The grammar in Grammar/python-subset.peg and the parser stay side by side: each rule is a method.
struct GrammarTests {
    @Test func everyRuleHasAParsingMethodOfTheSameName() throws {
        let root = TestSupport.packageRoot
        let grammar = try String(contentsOf: root.appendingPathComponent("Grammar/python-subset.peg"), encoding: .utf8)
        let rules = grammar.split(separator: "\n").compactMap { line -> String? in
            guard let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon])
        }
        #expect(rules.count > 50)
        let sources = root.appendingPathComponent("Sources/PythonSyntax")
        var code = ""
        for file in try FileManager.default.contentsOfDirectory(atPath: sources.path) where file.hasPrefix("Parser") {
            code += try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
        }
        for rule in rules {
            #expect(code.contains("func \(rule)("), "no parser method for grammar rule '\(rule)'")
        }
    }
}
