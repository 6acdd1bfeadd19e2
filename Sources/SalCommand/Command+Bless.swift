import ArgumentParser
import Differential
import Foundation

/// `sal bless [PATH...]`: write each corpus file's `# expect` lines from CPython's outcome.
struct BlessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bless",
        abstract: "Fill or refresh corpus expectations from the embedded CPython 3.11.",
        discussion: """
        Files marked `# sal-only` are left alone; `# sal-answer:` lines are kept and honoured. A second run \
        changes nothing. With --check nothing is written: files whose recorded expectation differs from \
        CPython's are listed and the exit status is 1.
        """
    )

    @Argument(help: "Corpus files or directories.")
    var paths: [String] = ["Corpus"]

    @Flag(help: "Report files whose expectation differs from CPython's without writing.")
    var check = false

    @OptionGroup var referenceOptions: ReferenceOptions

    func run() throws {
        try referenceOptions.configure()
        let blessing = CorpusBlessing(limits: referenceOptions.limits())
        var updated = 0, mismatched = 0, unchanged = 0, salOnly = 0, unblessable = 0
        for path in paths {
            let report = try blessing.bless(path: path, check: check) { file, result in
                switch result {
                case .updated(let differences):
                    let verb = check ? (differences.isEmpty ? "LAYOUT" : "DIFFERS") : "UPDATED"
                    print("\(verb) \(file)")
                    for line in differences { print("    \(line)") }
                case .unblessable(let reason):
                    print("CANNOT BLESS \(file): \(reason)")
                case .unchanged, .salOnly:
                    break
                }
            }
            updated += report.updated
            mismatched += report.mismatched
            unchanged += report.unchanged
            salOnly += report.salOnly
            unblessable += report.unblessable
        }
        let total = updated + unchanged + salOnly + unblessable
        let action = check ? "would change" : "updated"
        print("\(total) files: \(updated) \(action) (\(mismatched) with different expectations), \(unchanged) unchanged, "
              + "\(salOnly) sal-only, \(unblessable) cannot be blessed")
        if check && mismatched > 0 { throw ExitCode(1) }
    }
}
