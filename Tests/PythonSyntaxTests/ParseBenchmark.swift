import Foundation
import PythonSyntax
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Parse throughput on the real programs, run by hand (never a timing assertion):
///   SAL_PARSE_BENCHMARK=1 swift test -c release --filter ParseBenchmark
/// It reports the thread's CPU time, which a busy shared machine disturbs less than wall-clock time.
struct ParseBenchmark {
    static var requested: Bool { ProcessInfo.processInfo.environment["SAL_PARSE_BENCHMARK"] != nil }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    @Test(.enabled(if: requested && CorpusTests.dataFileExists, "set SAL_PARSE_BENCHMARK=1; needs the corpus"))
    func parseEveryCorpusProgram() throws {
        let programs = try CorpusTests.candidates().map(\.program)
        let bytes = programs.reduce(0) { $0 + $1.utf8.count }
        var best = Double.infinity
        var statements = 0
        for _ in 0..<7 {
            let start = Self.threadCPUSeconds()
            for program in programs {
                if let module = try? PythonParser.parse(program) { statements += module.body.count }
            }
            best = min(best, Self.threadCPUSeconds() - start)
        }
        print("""
            ParseBenchmark: \(programs.count) programs, \(bytes) bytes, best of 7 (thread CPU time): \
            \(String(format: "%.1f", best * 1e3)) ms, \(String(format: "%.0f", best / Double(programs.count) * 1e9)) \
            ns/program, \(String(format: "%.0f", Double(programs.count) / best)) programs/s, \
            \(String(format: "%.1f", Double(bytes) / best / 1e6)) MB/s
            """)
        #expect(statements > 0)
    }
}
