import Foundation

/// Paths relative to the package root, and whether the embedded CPython can start here.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = packageRoot.appendingPathComponent("Corpus")

    /// Why the reference cannot run on this machine, or nil when it can. The Reference module stops
    /// the process when CPython fails to start, so tests look for its standard library first: the
    /// `lib/python3.11/os.py` above the libpython this process loaded.
    static let referenceUnavailable: String? = {
        // Read to the end: procfs reports a size of 0, so reading by the file's size gets nothing.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps"), let data = try? handle.readToEnd() else {
            return "cannot read /proc/self/maps to find libpython"
        }
        let maps = String(decoding: data, as: UTF8.self)
        guard let line = maps.split(separator: "\n").first(where: { $0.contains("libpython3.11") }),
              let slash = line.firstIndex(of: "/") else {
            return "libpython3.11 is not loaded"
        }
        var directory = URL(fileURLWithPath: String(line[slash...])).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("lib/python3.11/os.py").path) { return nil }
            directory = directory.deletingLastPathComponent()
        }
        return "no CPython 3.11 standard library above the loaded libpython"
    }()

    /// Prints why a test is skipped and returns true when the reference is unavailable.
    static func skipWithoutReference(_ test: String = #function) -> Bool {
        guard let reason = referenceUnavailable else { return false }
        print("skipped \(test): \(reason)")
        return true
    }
}
