import Foundation

/// The ordinary-build side of every fuzzing target: `TARGET PATH...` runs each file (directories are
/// walked) through exactly what the fuzzer runs, so a crash file libFuzzer saved can be reproduced, and
/// debugged, without the fuzzer runtime.
public enum FuzzReplay {
    /// Replays the files named by the command line through `exercise`; exits 2 on a usage or read error.
    public static func run(_ arguments: [String], exercise: (UnsafeRawBufferPointer) -> Void) {
        let name = arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "fuzzer"
        let paths = arguments.dropFirst()
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: \(name) FILE|DIR...\n".utf8))
            exit(2)
        }
        var count = 0
        for path in paths {
            for file in files(under: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                    exit(2)
                }
                print("running \(file)")
                data.withUnsafeBytes { exercise($0) }
                count += 1
            }
        }
        print("\(count) inputs ran without a crash")
    }

    /// `path` itself if it is a file, else every regular file below it, in a stable order.
    static func files(under path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let root = URL(fileURLWithPath: path)
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var found: [String] = []
        while let url = walker?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                found.append(url.path)
            }
        }
        return found.sorted()
    }
}
