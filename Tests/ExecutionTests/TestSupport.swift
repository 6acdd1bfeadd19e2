import Foundation

/// Paths relative to the package root, found from this file's location.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = packageRoot.appendingPathComponent("Corpus")
    /// `../shared/data` beside the clone, when present.
    static let sharedData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
}
