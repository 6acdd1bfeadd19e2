import Oracle
import ProgramOutcome
import PythonSyntax

/// Settings that turn stored run results into votes and outputs; changing them needs no re-run.
public struct VerifyOptions: Sendable {
    public var rule: VoteRule
    public var normalizer: AnswerNormalizer
    public var restatement: RestatementDetector
    /// The Python parser (default `pythonParser`), for structural clusters and helper calls visible in
    /// the text; with nil, candidates have no cluster and supervision deduplicates by exact program text.
    public var parse: (@Sendable (String) -> Module?)?
    /// Analyses recorded while the programs ran (`ProgramAnalyses.snapshot()`), by program text, consulted
    /// before `parse`; unused when `parse` is nil. They must come from the parser `parse` stands for.
    public var analyses: RecordedAnalyses
    /// A system message put first in every supervision example, if set.
    public var systemPrompt: String?
    /// At most this many supervision examples per kept question (distinct clusters); nil for no cap.
    public var supervisionPerQuestion: Int?
    /// At most this many preference pairs per kept question.
    public var pairsPerQuestion: Int
    public var thresholds: [Double]
    /// The candidate metadata field whose distinct values count as independent sources (`MajoritySignals`).
    public var sourceField: String
    /// Runs each answering program again with the question's numbers perturbed, for behaviour clusters
    /// (`BehaviourProbe`); nil clusters by answer alone. Needs `parse`. The largest agreeing behaviour
    /// cluster supplies supervision first and the chosen side of every pair.
    public var behaviour: BehaviourProbe?
    /// Supervision only from the largest agreeing behaviour cluster. Off by default: a program outside it
    /// is often right too (it derives a quantity the others write as a constant, which a perturbation
    /// treats as independent), so dropping it costs data; the README measures how much.
    public var largestBehaviourOnly: Bool

    /// sal's Python parser; a program it rejects has no cluster.
    public static let pythonParser: @Sendable (String) -> Module? = { try? PythonParser.parse($0) }

    public init(rule: VoteRule = .nineOfTen, normalizer: AnswerNormalizer = AnswerNormalizer(),
                restatement: RestatementDetector = RestatementDetector(),
                parse: (@Sendable (String) -> Module?)? = VerifyOptions.pythonParser,
                systemPrompt: String? = nil, supervisionPerQuestion: Int? = nil, pairsPerQuestion: Int = 4,
                thresholds: [Double] = VoteStatistics.defaultThresholds, sourceField: String = "model",
                analyses: RecordedAnalyses = RecordedAnalyses(),
                behaviour: BehaviourProbe? = BehaviourProbe(), largestBehaviourOnly: Bool = false) {
        self.rule = rule
        self.normalizer = normalizer
        self.restatement = restatement
        self.parse = parse
        self.systemPrompt = systemPrompt
        self.supervisionPerQuestion = supervisionPerQuestion
        self.pairsPerQuestion = pairsPerQuestion
        self.thresholds = thresholds
        self.sourceField = sourceField
        self.analyses = analyses
        self.behaviour = behaviour
        self.largestBehaviourOnly = largestBehaviourOnly
    }

    /// The analysis of `program`: the recorded one if there is one, else from `parse`; nil without a parser.
    func analysis(of program: String) -> ProgramAnalysis? {
        guard let parse else { return nil }
        return analyses[program: program] ?? ProgramAnalysis(module: parse(program))
    }
}

/// Why a candidate can serve as the rejected side of a preference pair.
public enum RejectionKind: String, Sendable, Equatable {
    /// It answered something other than the kept majority.
    case disagrees
    /// It failed: error, syntax error, limit, oracle miss, `None` or a non-finite answer.
    case fails
    /// Its helper call restates the question.
    case repeatsQuestion = "repeats-question"
}

/// Everything decided about one candidate.
public struct CandidateVerdict: Sendable {
    public var candidate: CandidateInput
    public var result: CandidateRunResult
    public var ballot: Ballot
    /// With the majority (true), against it (false), or abstaining (nil).
    public var agrees: Bool?
    public var restatement: Restatement?
    /// Structural signature hash; nil without a parser or when the program does not parse.
    public var cluster: String?
    /// Candidates of the question sharing this cluster (1 without a cluster).
    public var clusterSize: Int
    /// Its answer, then its ballot under each behaviour probe; nil when it was not probed (it abstained,
    /// made helper calls, did not parse, or probing is off).
    public var behaviour: [Ballot]?
    /// Its behaviour cluster: 0-based, numbered in order of first appearance among the question's probed
    /// candidates; nil when not probed.
    public var behaviourCluster: Int?
    /// Candidates of the question in the same behaviour cluster (1 when not probed).
    public var behaviourClusterSize: Int
    /// In supervision.jsonl.
    public var kept: Bool
    public var why: String
    /// Set when the candidate may be a pair's rejected side (kept questions only).
    public var rejection: RejectionKind?

    /// `ok`, `error`, `syntax`, `limit`, `oracle-miss` or `not-run`.
    public var outcomeLabel: String {
        switch ballot {
        case .abstain(.oracleMiss): "oracle-miss"
        case .abstain(.notRun): "not-run"
        default: result.outcome.status.rawValue
        }
    }
}

/// Everything decided about one question.
public struct QuestionVerdict: Sendable {
    public var question: QuestionInput
    public var vote: QuestionVote
    public var chainOfThought: QuestionVote?
    public var gold: NormalizedAnswer?
    public var signals: MajoritySignals
    public var decision: QuestionDecision
    public var candidates: [CandidateVerdict]
    /// Positions (in `candidates`) of the supervision examples, in order.
    public var supervision: [Int]
    /// (chosen, rejected) positions of the preference pairs.
    public var pairs: [(chosen: Int, rejected: Int)]

    /// The behaviour cluster with the most agreeing candidates (ties to the earliest); nil when no agreeing
    /// candidate was probed.
    public var largestAgreeingBehaviourCluster: Int?

    /// Distinct behaviour clusters among the agreeing candidates (0 when none was probed).
    public var agreeingBehaviourClusters: Int {
        Set(candidates.compactMap { $0.agrees == true ? $0.behaviourCluster : nil }).count
    }
}

/// The votes, clusters and selections of a whole run, computed from stored results.
public struct Verification: Sendable {
    public var questions: [QuestionVerdict]
    public var problems: [InputProblem]
    public var options: VerifyOptions
    public var statistics: VoteStatistics

    public init(stored: [StoredQuestion], problems: [InputProblem], options: VerifyOptions) {
        self.problems = problems
        self.options = options
        questions = ParallelMap.map(stored) { Self.verdict(for: $0, options: options) }
        statistics = VoteStatistics(shares: questions.map(\.vote.share), goldMatches: questions.map(\.decision.goldMatches),
                                    thresholds: options.thresholds)
    }

    /// Reads every stored question and problem of a run store; `input`, when it is the store's input, saves
    /// parsing the stored text again.
    public init(store: RunStore, options: VerifyOptions, input: VerifyInput? = nil) throws {
        let run = try store.storedRun(input: input)
        self.init(stored: run.questions, problems: run.problems, options: options)
    }

    static func verdict(for stored: StoredQuestion, options: VerifyOptions) -> QuestionVerdict {
        let question = stored.question
        let normalizer = options.normalizer
        var resultByCandidate: [String: CandidateRunResult] = [:]
        for result in stored.results { resultByCandidate[result.candidateID] = result }
        let results = question.candidates.map { candidate in
            resultByCandidate[candidate.id] ?? CandidateRunResult(
                questionID: question.id, candidateID: candidate.id,
                outcome: Outcome(status: .error, error: ErrorInfo(type: CandidateRunResult.notRunErrorType,
                                                                 message: "no stored result")))
        }
        let ballots = results.map { normalizer.ballot(for: $0.outcome) }
        let vote = QuestionVote(ballots: ballots, normalizer: normalizer)
        let chainOfThought = question.chainOfThoughtAnswers.isEmpty ? nil : QuestionVote(
            ballots: question.chainOfThoughtAnswers.map { normalizer.normalize(json: $0).map(Ballot.answer) ?? .abstain(.noAnswer) },
            normalizer: normalizer)
        let gold = question.gold.flatMap { normalizer.normalize(json: $0) }

        var candidates: [CandidateVerdict] = []
        for (position, candidate) in question.candidates.enumerated() {
            let analysis = options.analysis(of: candidate.program)
            var texts = analysis?.staticHelperTexts ?? []
            texts += results[position].helperCalls.map { RestatementDetector.text(of: $0.call) }
            candidates.append(CandidateVerdict(
                candidate: candidate, result: results[position], ballot: ballots[position],
                agrees: vote.agreesWithMajority(position),
                restatement: options.restatement.restatement(of: question.question, in: texts),
                cluster: analysis?.cluster, clusterSize: 1, behaviour: nil,
                behaviourCluster: nil, behaviourClusterSize: 1, kept: false, why: "", rejection: nil))
        }
        let largestAgreeingBehaviour = Self.clusterBehaviours(&candidates, question: question, options: options)
        let agreeingProbed = candidates.filter { $0.agrees == true && $0.behaviourCluster != nil }.count
        let signals = MajoritySignals(
            vote: vote, ballots: ballots, structure: candidates.map { $0.cluster ?? "text:" + $0.candidate.program },
            source: question.candidates.map { MajoritySignals.source(of: $0, field: options.sourceField) },
            behaviourAgreement: largestAgreeingBehaviour.map { Double($0.agreeing) / Double(agreeingProbed) } ?? 1)
        let decision = options.rule.decide(vote, chainOfThought: chainOfThought, gold: gold, normalizer: normalizer,
                                           signals: signals)
        var clusterSizes: [String: Int] = [:]
        for verdict in candidates { if let cluster = verdict.cluster { clusterSizes[cluster, default: 0] += 1 } }
        for index in candidates.indices {
            candidates[index].clusterSize = candidates[index].cluster.flatMap { clusterSizes[$0] } ?? 1
        }

        var supervision: [Int] = []
        var keptShapes: [String: String] = [:]
        // The largest agreeing behaviour cluster supplies supervision first, so a cap keeps its programs.
        let inLargest = candidates.map { $0.behaviourCluster != nil && $0.behaviourCluster == largestAgreeingBehaviour?.cluster }
        let order = candidates.indices.filter { inLargest[$0] } + candidates.indices.filter { !inLargest[$0] }
        for index in order {
            let verdict = candidates[index]
            let why: String
            if case .abstain(let reason) = verdict.ballot {
                let error = verdict.result.outcome.error.map { ": \($0.type): \($0.message)" } ?? ""
                why = "abstains (\(reason.rawValue))\(error)"
                if decision.kept, reason != .notRun { candidates[index].rejection = .fails }
            } else if !decision.kept {
                why = "question not kept: \(decision.reason)"
            } else if verdict.agrees == false {
                why = "answer \(verdict.ballot.answer!) differs from the majority \(vote.majority!)"
                candidates[index].rejection = .disagrees
            } else if let restatement = verdict.restatement {
                why = "repeats the question (coverage \(VoteRule.format(restatement.coverage)))"
                candidates[index].rejection = .repeatsQuestion
            } else if options.largestBehaviourOnly, let cluster = verdict.behaviourCluster,
                      let largest = largestAgreeingBehaviour, cluster != largest.cluster {
                why = "agrees, but answers differently when the question's numbers change (behaviour cluster "
                    + "\(cluster) of \(verdict.behaviourClusterSize); supervision comes from cluster \(largest.cluster) "
                    + "of \(largest.agreeing) agreeing)"
            } else {
                let shape = verdict.cluster ?? "text:" + verdict.candidate.program
                if let earlier = keptShapes[shape] {
                    why = verdict.cluster == nil ? "agrees; same program text as \(earlier)"
                        : "agrees; same structure as \(earlier)"
                } else if let cap = options.supervisionPerQuestion, supervision.count >= cap {
                    why = "agrees; supervision cap of \(cap) reached"
                } else {
                    keptShapes[shape] = verdict.candidate.id
                    supervision.append(index)
                    candidates[index].kept = true
                    why = "agrees with the kept majority"
                }
            }
            candidates[index].why = why
        }

        var pairs: [(chosen: Int, rejected: Int)] = []
        let preferred = supervision.filter { inLargest[$0] }
        let chosenPool = preferred.isEmpty ? supervision : preferred
        if !chosenPool.isEmpty {
            var seenRejected: Set<String> = []
            for index in candidates.indices where candidates[index].rejection != nil {
                guard pairs.count < options.pairsPerQuestion else { break }
                guard seenRejected.insert(candidates[index].candidate.program).inserted else { continue }
                pairs.append((chosenPool[pairs.count % chosenPool.count], index))
            }
        }
        return QuestionVerdict(question: question, vote: vote, chainOfThought: chainOfThought, gold: gold,
                               signals: signals, decision: decision, candidates: candidates, supervision: supervision,
                               pairs: pairs, largestAgreeingBehaviourCluster: largestAgreeingBehaviour?.cluster)
    }
}

extension Verification {
    /// Probes every answering candidate that made no helper call (see `BehaviourProbe`), groups the
    /// candidates whose behaviours are the same (in order of first appearance, as answers are grouped), and
    /// returns the behaviour cluster with the most agreeing members (ties to the earliest) with that count;
    /// nil when no agreeing candidate was probed.
    ///
    /// The trap: verdicts read recorded analyses, not trees (`ProgramAnalysis`), so a probed program is
    /// parsed here once more; only answering programs without helper calls are, so the rest cost nothing.
    static func clusterBehaviours(_ candidates: inout [CandidateVerdict], question: QuestionInput,
                                  options: VerifyOptions) -> (cluster: Int, agreeing: Int)? {
        guard let probe = options.behaviour else { return nil }
        let numbers = QuestionNumbers(question: question.question)
        var representatives: [[Ballot]] = []
        var sizes: [Int] = []
        var agreeing: [Int] = []
        for index in candidates.indices {
            let verdict = candidates[index]
            guard verdict.ballot.answer != nil, verdict.result.helperCalls.isEmpty,
                  let module = options.parse?(verdict.candidate.program),
                  let probes = probe.ballots(of: verdict.candidate, module: module, numbers: numbers,
                                             original: verdict.ballot, normalizer: options.normalizer)
            else { continue }
            let behaviour = [verdict.ballot] + probes
            let cluster: Int
            if let known = representatives.firstIndex(where: { BehaviourProbe.same($0, behaviour, normalizer: options.normalizer) }) {
                cluster = known
                sizes[known] += 1
            } else {
                cluster = representatives.count
                representatives.append(behaviour)
                sizes.append(1)
                agreeing.append(0)
            }
            if verdict.agrees == true { agreeing[cluster] += 1 }
            candidates[index].behaviour = behaviour
            candidates[index].behaviourCluster = cluster
        }
        for index in candidates.indices {
            if let cluster = candidates[index].behaviourCluster { candidates[index].behaviourClusterSize = sizes[cluster] }
        }
        guard let best = agreeing.indices.max(by: { agreeing[$0] < agreeing[$1] || (agreeing[$0] == agreeing[$1] && $0 > $1) }),
              agreeing[best] > 0 else { return nil }
        return (best, agreeing[best])
    }
}

/// How many questions a rule keeps and how often their majority equals gold.
public struct RuleMeasure: Sendable, Equatable {
    public var rule: VoteRule
    public var kept: Int
    /// Kept over all questions.
    public var yield: Double
    /// Kept questions whose majority equals gold; nil when no question has gold.
    public var correct: Int?
    /// `correct / kept`; nil without gold or when nothing is kept.
    public var precision: Double?
}

extension Verification {
    /// Applies `rule` (instead of the configured one) to every question's stored vote and signals:
    /// a new rule is measured without re-running or re-parsing anything.
    public func measure(_ rule: VoteRule) -> RuleMeasure {
        var kept = 0, correct = 0, withGold = 0
        for verdict in questions {
            let decision = rule.decide(verdict.vote, chainOfThought: verdict.chainOfThought, gold: verdict.gold,
                                       normalizer: options.normalizer, signals: verdict.signals)
            if decision.goldMatches != nil { withGold += 1 }
            guard decision.kept else { continue }
            kept += 1
            if decision.goldMatches == true { correct += 1 }
        }
        let hasGold = withGold > 0
        return RuleMeasure(rule: rule, kept: kept, yield: questions.isEmpty ? 0 : Double(kept) / Double(questions.count),
                           correct: hasGold ? correct : nil,
                           precision: hasGold && kept > 0 ? Double(correct) / Double(kept) : nil)
    }
}
