import Foundation
import PythonSyntax
import Testing

/// sal against the marked cases of Grammar/diagnostic-cases.txt (which
/// Grammar/check-diagnostic-cases.py checks against CPython 3.11).
struct DiagnosticCaseTests {
    static let casesFile = TestSupport.packageRoot.appendingPathComponent("Grammar/diagnostic-cases.txt")

    static func loadCases() throws -> [MarkedCase] {
        try MarkedCase.cases(inFile: String(contentsOf: casesFile, encoding: .utf8))
    }

    @Test func everyCaseGivesItsMarkedDiagnostic() throws {
        let cases = try Self.loadCases()
        #expect(cases.count > 200)
        for marked in cases {
            let diagnostic = TestSupport.diagnostic(marked.source)
            let context = Comment(rawValue: "case: \(marked.title)\n\(marked.source)")
            guard let diagnostic else {
                Issue.record(Comment(rawValue: "parsed without error; \(context.rawValue)"))
                continue
            }
            #expect(diagnostic.id.rawValue == marked.id, context)
            #expect(diagnostic.message == marked.message, context)
            #expect(diagnostic.pythonType == marked.pythonType, context)
            #expect(diagnostic.range.start.line == marked.line, context)
            #expect(diagnostic.range.start.column == marked.column, context)
        }
    }

    @Test func everyDiagnosticIDIsSortedAndUnique() {
        let ids = DiagnosticID.allCases.map(\.rawValue)
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
    }

    /// Diagnostics the cases file cannot hold: NUL bytes, invalid UTF-8, tabs and non-printable characters,
    /// huge inputs. PathologicalInputTests covers them, except `sourceTooLarge`, which needs 2 GiB of source.
    static let idsWithoutCase: Set<DiagnosticID> = [
        .nullByte, .invalidUTF8, .nestingTooDeep, .tooManyNestedParentheses, .tooManyIndentationLevels,
        .inconsistentTabs, .invalidNonPrintableCharacter, .formattedStringTooManyBrackets, .sourceTooLarge,
    ]

    @Test func everyDiagnosticIDHasAnExample() throws {
        let covered = Set(try Self.loadCases().map(\.id))
        for id in DiagnosticID.allCases where !Self.idsWithoutCase.contains(id) {
            #expect(covered.contains(id.rawValue), "no case in Grammar/diagnostic-cases.txt for \(id.rawValue)")
        }
    }

    @Test func markedSourceInline() throws {
        let marked = try MarkedCase(marked: """
            total = 0
            for item in items
                             ^ SyntaxError syntax.expected-colon: expected ':'
                total += item
            """)
        let diagnostic = try #require(TestSupport.diagnostic(marked.source))
        #expect(diagnostic.id.rawValue == marked.id)
        #expect(diagnostic.range.start == SourceLocation(line: marked.line, column: marked.column))
    }

    @Test func renderingShowsTheLineAndCarets() throws {
        let source = "x = 1\nif x = 2:\n    pass\n"
        let diagnostic = try #require(TestSupport.diagnostic(source))
        #expect(diagnostic.rendered(source: source, fileName: "p.py") == """
            p.py:2:4: error[syntax.maybe-comparison-or-walrus]: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
            if x = 2:
               ^^^^^
            """)
    }

    @Test func renderingKeepsTabsAndCountsScalars() throws {
        let source = "if x:\n\tdéjà = 1 ×\n"
        let diagnostic = try #require(TestSupport.diagnostic(source))
        #expect(diagnostic.range.start == SourceLocation(line: 2, column: 11))
        #expect(diagnostic.rendered(source: source, fileName: "f") == """
            f:2:11: error[syntax.invalid-character]: invalid character '×' (U+00D7)
            \tdéjà = 1 ×
            \t         ^
            """)
    }
}
