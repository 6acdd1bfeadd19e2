#if SAL_LIBFUZZER
/// libFuzzer's entry point, compiled in by `Scripts/fuzz-programs.sh`
/// (`--sanitize=fuzzer -Xswiftc -DSAL_LIBFUZZER`): libFuzzer supplies `main`, mutates the inputs and
/// keeps those that reach new code.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    ProgramExercise.exercise(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
#else
import Foundation

/// Without the fuzzer runtime the same target replays inputs: `ProgramFuzzer PATH...` runs every file
/// (directories are walked) through exactly what the fuzzer runs, so a crash file libFuzzer saved can
/// be reproduced, and debugged, in an ordinary build.
@main
enum ProgramFuzzerReplay {
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: ProgramFuzzer FILE|DIR...\n".utf8))
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
                data.withUnsafeBytes { ProgramExercise.exercise($0) }
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
#endif
