import Foundation
@testable import Verifier

/// The shared data directory, found relative to the package root as ../shared/data.
enum TestData {
    static let packageRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    static let gsm8kVotes = sharedData.appendingPathComponent("gsm8k_votes_dev.jsonl")
    static let gsm8kPreambles = sharedData.appendingPathComponent("gsm8k_votes_preambles.json")
    static var gsm8kAvailable: Bool { FileManager.default.fileExists(atPath: gsm8kVotes.path) }

    /// Read once per test process: the file is 15 MB.
    static let sharedGSM8KInput: Result<VerifyInput, any Error> = Result { try readGSM8KInput() }

    static func gsm8kInput() throws -> VerifyInput {
        try sharedGSM8KInput.get()
    }

    static func readGSM8KInput() throws -> VerifyInput {
        let catalog = try PreambleCatalog(jsonText: String(contentsOf: gsm8kPreambles, encoding: .utf8))
        return VerifyInput.read(jsonl: try String(contentsOf: gsm8kVotes, encoding: .utf8), catalog: catalog)
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
