import ProgramOutcome
@testable import Reference
import Testing

@Suite("Reference batches, throughput and concurrency")
struct ReferenceBatchTests {
    let reference = ReferenceInterpreter.shared

    @Test func batchKeepsOrderAndMatchesSingleRuns() {
        let jobs = (0..<150).map { index in
            ReferenceJob(id: "p\(index)", program: index % 7 == 0 ? "answer = 1 /" : "answer = base + \(index)",
                         answer: .auto, preamble: "base = 1000")
        }
        let results = reference.run(batch: jobs)
        #expect(results.map(\.id) == jobs.map(\.id))
        #expect(results[1].outcome.answer == .int(1001))
        #expect(results[7].outcome.status == .syntax)
        for (job, result) in zip(jobs, results).prefix(10) {
            #expect(result.outcome == reference.run(program: job.program, answer: job.answer, preamble: job.preamble))
        }
    }

    @Test func batchAppliesLimitsPerJob() {
        let jobs = [
            ReferenceJob(id: "loop", program: "while True:\n    pass"),
            ReferenceJob(id: "fine", program: "answer = 'ok'"),
        ]
        let results = reference.run(batch: jobs, limits: ReferenceLimits(timeLimit: .milliseconds(100)))
        #expect(results.map(\.outcome.status) == [.limit, .ok])
    }

    @Test func throughputCountsBothModes() {
        let programs = ["answer = sum(range(100))", "x = [i * i for i in range(50)]", "answer = ("]
        let throughput = reference.measureThroughput(programs: programs, passes: 2)
        #expect(throughput.programCount == 3)
        #expect(throughput.passes == 2)
        #expect(throughput.precompiledCount == 2)
        #expect(throughput.compileAndExecPerSecond > 0)
        #expect(throughput.execPrecompiledPerSecond > 0)
    }

    @Test func concurrentCallersAreServedOneAtATime() async {
        await withTaskGroup(of: (Int, Outcome).self) { group in
            for index in 0..<16 {
                group.addTask {
                    (index, ReferenceInterpreter.shared.run(program: "print(\(index))\nanswer = \(index) * 2", answer: .auto))
                }
            }
            for await (index, outcome) in group {
                #expect(outcome == Outcome(status: .ok, answer: .int(index * 2), answerRepr: "\(index * 2)",
                                           answerType: "int", stdout: "\(index)\n"))
            }
        }
    }

    @Test func countingAllocatorWasInstalledBeforeAnyBlockExisted() {
        _ = reference.run(program: "answer = [str(i) for i in range(10000)]", answer: .auto)
        let ledger = reference.perform { python in
            (python.ledger.pointee.blocksWithoutHeader, python.ledger.pointee.liveBytes)
        }
        #expect(ledger.0 == 0)
        #expect(ledger.1 > 0)
    }
}
