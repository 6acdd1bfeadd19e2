import Foundation
import Testing
import Oracle
import ProgramOutcome
@testable import Verifier

/// The built `sal` binary, for tests that drive `sal verify` as a process (a kill needs a real process).
enum SalBinary {
    /// `SAL_BINARY`, else the newer of the package's release and debug builds (`make test` refreshes the
    /// debug one; a release build may be older).
    static let path: String? = {
        if let path = ProcessInfo.processInfo.environment["SAL_BINARY"], FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        func modified(_ path: String) -> Date {
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
        }
        return [".build/release/sal", ".build/debug/sal"]
            .map { TestData.packageRoot.appendingPathComponent($0).path }
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
            .max { modified($0) < modified($1) }
    }()

    static var available: Bool { path != nil }

    struct Finished {
        var status: Int32
        var output: String
        var errors: String
    }

    static func process(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = arguments
        return process
    }

    /// Runs `sal` to completion.
    static func run(_ arguments: [String]) throws -> Finished {
        let process = process(arguments)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Finished(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                        errors: String(decoding: errorData, as: UTF8.self))
    }

    /// Every output file of a verify run, by name.
    static func outputs(in directory: URL) throws -> [String: String] {
        var contents: [String: String] = [:]
        for name in Verification.outputFiles {
            contents[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        return contents
    }
}

/// Questions whose programs loop for a while (so a run lasts long enough to be killed), ask a helper, and
/// mostly agree; plus lines and candidates the reader must report.
enum LoopingInput {
    static func text(questions: Int, candidates: Int, iterations: Int) -> String {
        var lines: [String] = []
        for question in 0..<questions {
            let programs = (0..<candidates).map { slot -> String in
                let offset = slot == candidates - 1 && question % 3 == 0 ? 1 : 0
                let program = """
                    total = 0
                    for i in range(\(iterations)):
                        total += (i * \(slot + 1)) % 7
                    legs = ask_llm("How many legs does a spider have?")
                    answer = \(question) + legs + \(offset) + 0 * total
                    """
                return #"{"program": \#(JSONValue.string(program).serialized), "model": "m\#(slot % 3)"}"#
            }
            lines.append(#"{"id": "q\#(question)", "question": "What is \#(question) plus the legs of a spider?", "gold": \#(question + 8), "candidates": [\#(programs.joined(separator: ", "))]}"#)
        }
        lines.insert("{not json", at: 1)
        lines.insert(#"{"id": "bad", "question": "No programs", "candidates": [{"cid": 5}]}"#, at: 3)
        return lines.joined(separator: "\n") + "\n"
    }

    static let oracle = #"{"function": "ask_llm", "arguments": ["How many legs does a spider have?"], "answer": 8}"# + "\n"
}

@Suite(.serialized, .enabled(if: SalBinary.available, "no sal binary: build it (swift build --product sal) or set SAL_BINARY"))
struct VerifyCommandTests {
    let directory: URL
    let input: URL
    let oracle: URL

    init() throws {
        directory = try TestData.temporaryDirectory()
        input = directory.appendingPathComponent("questions.jsonl")
        oracle = directory.appendingPathComponent("oracle.jsonl")
        try LoopingInput.oracle.write(to: oracle, atomically: true, encoding: .utf8)
    }

    func arguments(_ out: String, _ extra: [String] = []) -> [String] {
        ["verify", "run", input.path, "--out", directory.appendingPathComponent(out).path, "--oracle-import", oracle.path,
         "--progress", "none", "--min-share", "0.7"] + extra
    }

    /// `kill -9` mid-run, then the same command again: the outputs equal those of an uninterrupted run.
    @Test func aKilledRunResumesToTheSameOutputs() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try LoopingInput.text(questions: 40, candidates: 5, iterations: 100_000)
            .write(to: input, atomically: true, encoding: .utf8)
        let slow = ["--jobs", "1", "--concurrent-batches", "1", "--questions-per-batch", "1"]
        let reference = try SalBinary.run(arguments("reference", slow))
        #expect(reference.status == 0, "\(reference.errors)")

        let store = directory.appendingPathComponent("killed/run.sqlite").path
        let victim = SalBinary.process(arguments("killed", slow))
        victim.standardOutput = FileHandle.nullDevice
        victim.standardError = FileHandle.nullDevice
        try victim.run()
        var storedAtKill = 0
        let deadline = Date().addingTimeInterval(120)
        while victim.isRunning, Date() < deadline {
            if FileManager.default.fileExists(atPath: store), let stored = try? RunStore.completedCount(atPath: store),
               stored >= 1 {
                kill(victim.processIdentifier, SIGKILL)
                storedAtKill = stored
                break
            }
            usleep(2_000)
        }
        victim.waitUntilExit()
        try #require(victim.terminationReason == .uncaughtSignal, "the run finished before it could be killed; make it longer")
        #expect(storedAtKill >= 1 && storedAtKill < 40)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("killed/report.md").path))

        let resumed = try SalBinary.run(arguments("killed", slow))
        #expect(resumed.status == 0, "\(resumed.errors)")
        let resumedCount = try #require(resumed.output.firstMatch(of: /(\d+) resumed from the store/).flatMap { Int($0.1) })
        #expect(resumedCount >= storedAtKill, "every question committed before the kill is reused")
        #expect(resumedCount < 40)
        #expect(try SalBinary.outputs(in: directory.appendingPathComponent("killed"))
                == (try SalBinary.outputs(in: directory.appendingPathComponent("reference"))))
    }

    /// Every input record appears in the outputs: candidates in candidates.jsonl, questions in
    /// questions.jsonl, unusable lines in input_problems.jsonl; an unanswered helper call is an oracle miss.
    @Test func everyRecordAppearsAndMissesAreReported() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        var text = LoopingInput.text(questions: 3, candidates: 4, iterations: 10)
        text += #"{"id": "unknown", "question": "How heavy is the moon?", "candidates": [{"program": "answer = ask_llm('How heavy is the moon?')"}, {"program": "answer = 7"}]}"# + "\n"
        try text.write(to: input, atomically: true, encoding: .utf8)
        let run = try SalBinary.run(arguments("out"))
        #expect(run.status == 0, "\(run.errors)")
        let out = directory.appendingPathComponent("out")
        #expect(run.output.contains("outputs in \(out.path):"))
        for name in Verification.outputFiles { #expect(run.output.contains(out.appendingPathComponent(name).path)) }
        let outputs = try SalBinary.outputs(in: out)
        let candidates = outputs["candidates.jsonl"]!.split(separator: "\n").map { try! JSONValue.parse(String($0)) }
        #expect(candidates.count == 3 * 4 + 2)
        let questions = outputs["questions.jsonl"]!.split(separator: "\n").map { try! JSONValue.parse(String($0)) }
        #expect(questions.compactMap { $0["question_id"]?.stringValue } == ["q0", "q1", "bad", "q2", "unknown"])
        let problems = outputs["input_problems.jsonl"]!.split(separator: "\n").map { try! JSONValue.parse(String($0)) }
        #expect(problems.compactMap { $0["line"] } == [.int(2), .int(4)])
        let miss = try #require(candidates.first { $0["question_id"] == .string("unknown") })
        #expect(miss["outcome"] == .string("oracle-miss"))
        #expect(miss["error"] == .string(#"OracleMiss: not recorded: ask_llm["How heavy is the moon?"]"#))
        #expect(candidates.filter { $0["outcome"] == .string("ok") }.count == 13)
    }

    /// Two shards run apart and merged give the outputs of one run.
    @Test func shardsAndMergeEqualASingleRun() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try LoopingInput.text(questions: 9, candidates: 4, iterations: 10).write(to: input, atomically: true, encoding: .utf8)
        #expect(try SalBinary.run(arguments("single")).status == 0)
        var stores: [String] = []
        for index in 0..<2 {
            let run = try SalBinary.run(arguments("shard\(index)", ["--shard", "\(index)/2"]))
            #expect(run.status == 0, "\(run.errors)")
            stores.append(directory.appendingPathComponent("shard\(index)/run-shard-\(index)-of-2.sqlite").path)
        }
        let merged = directory.appendingPathComponent("merged")
        let merge = try SalBinary.run(["verify", "merge", "--out", merged.path, "--min-share", "0.7"] + stores)
        #expect(merge.status == 0, "\(merge.errors)")
        #expect(try SalBinary.outputs(in: merged) == (try SalBinary.outputs(in: directory.appendingPathComponent("single"))))
        let partial = try SalBinary.run(["verify", "merge", "--out", directory.appendingPathComponent("partial").path, stores[0]])
        #expect(partial.status == 2 && partial.errors.contains("missing shards 1"))
    }

    /// `verify report` recomputes the outputs from the store under another rule, without the input.
    @Test func reportAppliesAnotherRuleToTheStore() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try LoopingInput.text(questions: 6, candidates: 4, iterations: 10).write(to: input, atomically: true, encoding: .utf8)
        #expect(try SalBinary.run(arguments("run")).status == 0)
        let store = directory.appendingPathComponent("run/run.sqlite").path
        let strict = try SalBinary.run(["verify", "report", "--store", store, "--out", directory.appendingPathComponent("strict").path,
                                        "--preset", "nine-of-ten", "--min-votes", "1"])
        #expect(strict.status == 0, "\(strict.errors)")
        #expect(strict.output.contains("kept 4 under share ≥ 0.90, votes ≥ 1"), "q0 and q3 have a dissenting program")
        let loose = try SalBinary.run(["verify", "report", "--store", store, "--out", directory.appendingPathComponent("loose").path,
                                       "--min-share", "0.7", "--min-votes", "1"])
        #expect(loose.output.contains("kept 6 under share ≥ 0.70"))
    }
}
