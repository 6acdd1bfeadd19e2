import Foundation

extension Verification {
    /// The run in Markdown with inline SVG charts: result summary, candidate outcomes, agreement
    /// histogram, yield and precision by threshold (precision only where gold is present), question
    /// repetition, structural clusters and input problems.
    public func reportMarkdown() -> String {
        let tally = CandidateTally(questions)
        let kept = questions.filter(\.decision.kept)
        var lines: [String] = ["# sal verify report", ""]
        lines.append("Input: \(questions.count) questions, \(tally.count) candidates, "
                     + "\(problems.count) input problem\(problems.count == 1 ? "" : "s").")
        lines.append("Rule: \(options.rule).")
        lines.append("")

        lines.append("## Result")
        lines.append("")
        lines.append("| measure | value |")
        lines.append("|---|---|")
        lines.append("| questions kept | \(kept.count) (\(Self.percent(kept.count, questions.count))) |")
        lines.append("| supervision examples | \(questions.reduce(0) { $0 + $1.supervision.count }) |")
        lines.append("| preference pairs | \(questions.reduce(0) { $0 + $1.pairs.count }) |")
        lines.append("| questions with a tied majority | \(questions.filter(\.vote.isTie).count) |")
        lines.append("| questions where every candidate abstained | \(questions.filter { $0.vote.majority == nil }.count) |")
        if statistics.questionsWithGold > 0 {
            lines.append("| majority-vote accuracy (gold, all questions) | "
                         + "\(Self.percent(statistics.majorityCorrect, statistics.questionsWithGold)) |")
            let keptWithGold = kept.filter { $0.decision.goldMatches != nil }
            let keptCorrect = keptWithGold.filter { $0.decision.goldMatches == true }.count
            lines.append("| precision of kept questions (gold) | \(Self.percent(keptCorrect, keptWithGold.count)) |")
        }
        let withCoT = questions.filter { $0.decision.chainOfThoughtAgrees != nil }
        if !withCoT.isEmpty {
            let agreeing = withCoT.filter { $0.decision.chainOfThoughtAgrees == true }.count
            lines.append("| chain-of-thought majority agrees | \(agreeing) of \(withCoT.count) "
                         + "(\(Self.percent(agreeing, withCoT.count))) |")
        }
        lines.append("")

        lines.append("## Candidate outcomes")
        lines.append("")
        let categories = ["answer"] + AbstainReason.allCases.map(\.rawValue)
        let counts = tally.byOutcome
        lines.append("| outcome | candidates | share |")
        lines.append("|---|---|---|")
        for category in categories {
            lines.append("| \(category) | \(counts[category]!) | \(Self.percent(counts[category]!, tally.count)) |")
        }
        lines.append("")
        lines.append(SVGChart.bars(title: "Candidates by outcome", labels: categories,
                                   values: categories.map { counts[$0]! }))
        lines.append("")

        lines.append("## Agreement")
        lines.append("")
        lines.append("Majority share per question (majority votes over all candidates, abstentions included).")
        lines.append("")
        var bins = [Int](repeating: 0, count: 10)
        for verdict in questions { bins[min(Int((verdict.vote.share + VoteRule.shareSlack) * 10), 9)] += 1 }
        let binLabels = (0..<10).map { $0 == 9 ? "0.9-1" : "0.\($0)-" }
        lines.append(SVGChart.bars(title: "Questions by majority share", labels: binLabels, values: bins))
        lines.append("")

        lines.append("## Yield and precision by share threshold")
        lines.append("")
        let hasGold = statistics.questionsWithGold > 0
        lines.append(hasGold ? "| share ≥ | kept | yield | precision |" : "| share ≥ | kept | yield |")
        lines.append(hasGold ? "|---|---|---|---|" : "|---|---|---|")
        for point in statistics.points {
            var row = "| \(VoteRule.format(point.threshold)) | \(point.kept) | \(SVGChart.fixed(point.yield * 100))% |"
            if hasGold { row += " \(point.precision.map { SVGChart.fixed($0 * 100) + "%" } ?? "-") |" }
            lines.append(row)
        }
        lines.append("")
        var series: [(name: String, color: String, values: [Double?])] = [
            ("yield", "#4a7ab0", statistics.points.map(\.yield)),
        ]
        if hasGold { series.append(("precision", "#c0504d", statistics.points.map(\.precision))) }
        lines.append(SVGChart.lines(title: "Yield" + (hasGold ? " and precision" : "") + " by share threshold",
                                    xLabels: statistics.points.map { VoteRule.format($0.threshold) }, series: series))
        lines.append("")

        lines.append("## Rules compared")
        lines.append("")
        lines.append("The same stored votes under other rules (nothing re-run). Signals: sources are distinct values of "
                     + "`\(options.sourceField)` among agreeing candidates; structures are distinct structural signatures.")
        lines.append("")
        lines.append(hasGold ? "| rule | kept | yield | precision |" : "| rule | kept | yield |")
        lines.append(hasGold ? "|---|---|---|---|" : "|---|---|---|")
        var compared: [(String, VoteRule)] = [("configured: \(options.rule)", options.rule)]
        for (name, preset) in [("nine-of-ten", VoteRule.nineOfTen), ("diverse", VoteRule.diverse)]
        where preset != options.rule {
            compared.append(("\(name): \(preset)", preset))
        }
        for (name, rule) in compared {
            let measure = measure(rule)
            var row = "| \(name) | \(measure.kept) | \(SVGChart.fixed(measure.yield * 100))% |"
            if hasGold { row += " \(measure.precision.map { SVGChart.fixed($0 * 100, 2) + "%" } ?? "-") |" }
            lines.append(row)
        }
        lines.append("")

        lines.append("## Helper calls")
        lines.append("")
        let exchanges = tally.exchanges
        let misses = exchanges.filter { if case .miss = $0.answer { true } else { false } }
        lines.append("\(tally.withHelperCalls) candidates made "
                     + "\(exchanges.count) helper calls (\(Set(exchanges.map(\.call.key)).count) distinct); "
                     + "\(misses.count) had no answer, ending \(tally.oracleMisses) "
                     + "candidates as oracle misses.")
        lines.append("")

        lines.append("## Repeats the question")
        lines.append("")
        let withCalls = tally.withCallsOrRestatement
        let repeating = tally.restating
        lines.append("Candidates whose helper-call text covers ≥ \(VoteRule.format(options.restatement.threshold)) "
                     + "of the question's content words: \(repeating) of \(tally.count) "
                     + "(\(Self.percent(repeating, tally.count))); "
                     + "\(withCalls) candidates made helper calls at run time or in their text"
                     + (options.parse == nil ? " (run time only: no parser configured)." : "."))
        lines.append("")

        lines.append("## Structure")
        lines.append("")
        if options.parse == nil {
            lines.append("No parser configured: candidates were not clustered.")
        } else {
            lines.append("\(tally.clustered) of \(tally.count) candidates parsed; "
                         + "\(tally.distinctClusters) distinct structures "
                         + "over \(questions.count) questions; \(tally.sharingCluster) "
                         + "candidates share their structure with another candidate of the same question.")
        }
        lines.append("")

        lines.append("## Behaviour")
        lines.append("")
        if let probe = options.behaviour {
            var probed = 0, questionsWithAgreeingProbed = 0, split = 0, minority = 0
            var agreementBins = [Int](repeating: 0, count: 5)
            for verdict in questions {
                var agreeingProbed = false
                for candidate in verdict.candidates where candidate.behaviourCluster != nil {
                    probed += 1
                    guard candidate.agrees == true else { continue }
                    agreeingProbed = true
                    if candidate.behaviourCluster != verdict.largestAgreeingBehaviourCluster { minority += 1 }
                }
                guard agreeingProbed else { continue }
                questionsWithAgreeingProbed += 1
                if verdict.agreeingBehaviourClusters > 1 { split += 1 }
                agreementBins[min(Int((verdict.signals.behaviourAgreement + VoteRule.shareSlack) * 5), 4)] += 1
            }
            lines.append("Each answering program without helper calls ran \(probe.probes) more time\(probe.probes == 1 ? "" : "s") "
                         + "with the numbers its question states shifted consistently: \(probed) of \(tally.count) "
                         + "candidates probed. In \(split) of \(questionsWithAgreeingProbed) questions the agreeing programs "
                         + "split into several behaviour clusters; \(minority) agreeing programs lie outside their question's "
                         + "largest one (flag `minority-behaviour`"
                         + (options.largestBehaviourOnly ? ", left out of supervision)." : "; supervision and the chosen side of "
                            + "pairs come from the largest cluster first)."))
            lines.append("")
            lines.append(SVGChart.bars(title: "Questions by behaviour agreement (largest agreeing cluster over agreeing programs)",
                                       labels: ["0-0.2", "0.2-0.4", "0.4-0.6", "0.6-0.8", "0.8-1"], values: agreementBins))
        } else {
            lines.append("Behaviour probes are off: programs are clustered by answer only.")
        }
        lines.append("")

        lines.append("## Input problems")
        lines.append("")
        if problems.isEmpty {
            lines.append("None.")
        } else {
            lines.append("| line | problem |")
            lines.append("|---|---|")
            for problem in problems.prefix(50) {
                lines.append("| \(problem.line) | \(problem.message.replacingOccurrences(of: "|", with: "\\|")) |")
            }
            if problems.count > 50 { lines += ["", "\(problems.count - 50) more in input_problems.jsonl."] }
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "-" : SVGChart.fixed(Double(part) * 100 / Double(whole)) + "%"
    }
}

/// The candidate counts the report needs, taken in one pass over the verdicts in place (copying every
/// `CandidateVerdict` into a flat array, then filtering copies, cost more than writing the report).
struct CandidateTally {
    var count = 0
    /// By ballot: `answer` or the abstain reason's raw value; every category present.
    var byOutcome: [String: Int]
    var exchanges: [HelperExchange] = []
    var withHelperCalls = 0
    var oracleMisses = 0
    var withCallsOrRestatement = 0
    var restating = 0
    var clustered = 0
    /// Distinct clusters per question, summed over questions.
    var distinctClusters = 0
    /// Clustered candidates whose cluster has another member in their question.
    var sharingCluster = 0

    init(_ questions: [QuestionVerdict]) {
        let categories = ["answer"] + AbstainReason.allCases.map(\.rawValue)
        byOutcome = Dictionary(uniqueKeysWithValues: categories.map { ($0, 0) })
        for question in questions {
            var clusters: Set<String> = []
            for index in question.candidates.indices {
                count += 1
                switch question.candidates[index].ballot {
                case .answer: byOutcome["answer", default: 0] += 1
                case .abstain(let reason):
                    byOutcome[reason.rawValue, default: 0] += 1
                    if reason == .oracleMiss { oracleMisses += 1 }
                }
                let calls = question.candidates[index].result.helperCalls
                if !calls.isEmpty {
                    withHelperCalls += 1
                    exchanges += calls
                }
                let restates = question.candidates[index].restatement != nil
                if restates { restating += 1 }
                if !calls.isEmpty || restates { withCallsOrRestatement += 1 }
                if let cluster = question.candidates[index].cluster {
                    clustered += 1
                    clusters.insert(cluster)
                    if question.candidates[index].clusterSize > 1 { sharingCluster += 1 }
                }
            }
            distinctClusters += clusters.count
        }
    }
}
