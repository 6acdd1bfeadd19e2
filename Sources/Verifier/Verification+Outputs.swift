import Foundation
import Oracle
import ProgramOutcome

extension Verification {
    /// One chat example per supervision candidate: `{"messages": [system?, user = question,
    /// assistant = program], "question_id", "candidate_id"}`.
    public func supervisionJSONL() -> String {
        Self.lines(questions) { verdict, output in
            for index in verdict.supervision {
                let candidate = verdict.candidates[index].candidate
                var messages: [JSONValue] = []
                if let system = options.systemPrompt {
                    messages.append(.object([("role", .string("system")), ("content", .string(system))]))
                }
                messages.append(.object([("role", .string("user")), ("content", .string(verdict.question.question))]))
                messages.append(.object([("role", .string("assistant")), ("content", .string(candidate.program))]))
                Self.appendLine(.object([
                    ("messages", .array(messages)), ("question_id", .string(verdict.question.id)),
                    ("candidate_id", .string(candidate.id)),
                ]), to: &output)
            }
        }
    }

    /// Preference pairs of kept questions: `{"prompt": question, "chosen": agreeing program,
    /// "rejected": disagreeing, failing or question-repeating program, ids and "rejected_reason"}`.
    public func pairsJSONL() -> String {
        Self.lines(questions) { verdict, output in
            for pair in verdict.pairs {
                let chosen = verdict.candidates[pair.chosen]
                let rejected = verdict.candidates[pair.rejected]
                Self.appendLine(.object([
                    ("prompt", .string(verdict.question.question)),
                    ("chosen", .string(chosen.candidate.program)),
                    ("rejected", .string(rejected.candidate.program)),
                    ("question_id", .string(verdict.question.id)),
                    ("chosen_id", .string(chosen.candidate.id)),
                    ("rejected_id", .string(rejected.candidate.id)),
                    ("rejected_reason", .string(rejected.rejection?.rawValue ?? "")),
                ]), to: &output)
            }
        }
    }

    /// Every input candidate with its outcome, answer, normalized answer, vote, flags, cluster and
    /// whether it was kept, and why.
    public func candidatesJSONL() -> String {
        Self.lines(questions) { verdict, output in
            for candidate in verdict.candidates {
                let outcome = candidate.result.outcome
                var flags: [JSONValue] = []
                if candidate.restatement != nil { flags.append(.string("repeats-question")) }
                if candidate.clusterSize > 1 { flags.append(.string("shared-structure")) }
                if candidate.agrees == true, let cluster = candidate.behaviourCluster,
                   cluster != verdict.largestAgreeingBehaviourCluster {
                    flags.append(.string("minority-behaviour"))
                }
                if verdict.vote.isTie { flags.append(.string("question-tie")) }
                let vote: String = switch candidate.agrees {
                case true?: "agrees"
                case false?: "disagrees"
                case nil: "abstains"
                }
                let normalized: JSONValue = Self.text(candidate.ballot.answer?.description)
                let error: JSONValue = Self.text(outcome.error.map { "\($0.type): \($0.message)" })
                let coverage: JSONValue = candidate.restatement.map { .double(Self.rounded($0.coverage)) } ?? .null
                let fields: [(String, JSONValue)] = [
                    ("question_id", .string(verdict.question.id)),
                    ("candidate_id", .string(candidate.candidate.id)),
                    ("outcome", .string(candidate.outcomeLabel)),
                    ("fallback_to_recorded", .bool(candidate.result.usedRecordedResult)),
                    ("answer", outcome.answer ?? .null),
                    ("answer_repr", Self.text(outcome.answerRepr)),
                    ("normalized", normalized),
                    ("abstain_reason", Self.abstainReason(candidate.ballot)),
                    ("error", error),
                    ("helper_calls", .array(candidate.result.helperCalls.map(\.recordJSON))),
                    ("vote", .string(vote)),
                    ("flags", .array(flags)),
                    ("restatement_coverage", coverage),
                    ("cluster", Self.text(candidate.cluster)),
                    ("cluster_size", .int(candidate.clusterSize)),
                    ("behaviour", candidate.behaviour.map { .array($0.map(Self.behaviourText)) } ?? .null),
                    ("behaviour_cluster", candidate.behaviourCluster.map(JSONValue.int) ?? .null),
                    ("behaviour_cluster_size", .int(candidate.behaviourClusterSize)),
                    ("kept", .bool(candidate.kept)),
                    ("why", .string(candidate.why)),
                ]
                Self.appendLine(.object(fields), to: &output)
            }
        }
    }

    /// One line per question: its vote, the signals the rule reads, the decision and what it yielded.
    public func questionsJSONL() -> String {
        Self.lines(questions) { verdict, output in
            let signals = verdict.signals
            let fields: [(String, JSONValue)] = [
                ("question_id", .string(verdict.question.id)),
                ("question", .string(verdict.question.question)),
                ("candidates", .int(verdict.candidates.count)),
                ("majority", Self.text(verdict.vote.majority?.description)),
                ("majority_votes", .int(verdict.vote.majorityVotes)),
                ("share", .double(Self.rounded(signals.share))),
                ("runner_up_share", .double(Self.rounded(signals.runnerUpShare))),
                ("failure_share", .double(Self.rounded(signals.failureShare))),
                ("structures", .int(signals.structures)),
                ("behaviour_clusters", .int(verdict.agreeingBehaviourClusters)),
                ("behaviour_agreement", .double(Self.rounded(signals.behaviourAgreement))),
                ("sources", .int(signals.sources)),
                ("sources_overall", .int(signals.sourcesOverall)),
                ("tie", .bool(verdict.vote.isTie)),
                ("cot_agrees", verdict.decision.chainOfThoughtAgrees.map(JSONValue.bool) ?? .null),
                ("gold", verdict.question.gold ?? .null),
                ("gold_matches", verdict.decision.goldMatches.map(JSONValue.bool) ?? .null),
                ("kept", .bool(verdict.decision.kept)),
                ("reason", .string(verdict.decision.reason)),
                ("supervision", .int(verdict.supervision.count)),
                ("pairs", .int(verdict.pairs.count)),
            ]
            Self.appendLine(.object(fields), to: &output)
        }
    }

    /// Input lines that could not be used: `{"line", "message", "excerpt"}`.
    public func inputProblemsJSONL() -> String {
        var output: [UInt8] = []
        for problem in problems {
            Self.appendLine(.object([("line", .int(problem.line)), ("message", .string(problem.message)),
                                     ("excerpt", .string(problem.excerpt))]), to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The file names `write(to:)` creates.
    public static let outputFiles = ["supervision.jsonl", "pairs.jsonl", "questions.jsonl", "candidates.jsonl",
                                     "input_problems.jsonl", "report.md"]

    /// Writes every output into `directory` (created if needed), replacing earlier files.
    public func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let writers: [@Sendable (Verification) -> String] = [
            { $0.supervisionJSONL() }, { $0.pairsJSONL() }, { $0.questionsJSONL() }, { $0.candidatesJSONL() },
            { $0.inputProblemsJSONL() }, { $0.reportMarkdown() },
        ]
        let verification = self
        let contents = ParallelMap.map(writers) { $0(verification) }
        for (name, text) in zip(Self.outputFiles, contents) {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name), options: .atomic)
        }
    }

    /// The lines each question contributes, built as UTF-8 bytes on all cores and joined in question order.
    static func lines(_ questions: [QuestionVerdict], _ build: @Sendable (QuestionVerdict, inout [UInt8]) -> Void) -> String {
        let parts = ParallelMap.map(questions) { verdict in
            var output: [UInt8] = []
            build(verdict, &output)
            return output
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { joined.append(contentsOf: part) }
        return String(decoding: joined, as: UTF8.self)
    }

    static func text(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// A probe's ballot as text: the normalized answer, or `abstain:<reason>`.
    static func behaviourText(_ ballot: Ballot) -> JSONValue {
        switch ballot {
        case .answer(let answer): .string(answer.description)
        case .abstain(let reason): .string("abstain:" + reason.rawValue)
        }
    }

    static func abstainReason(_ ballot: Ballot) -> JSONValue {
        if case .abstain(let reason) = ballot { return .string(reason.rawValue) }
        return .null
    }

    static func appendLine(_ value: JSONValue, to output: inout [UInt8]) {
        value.write(to: &output)
        output.append(UInt8(ascii: "\n"))
    }

    /// Four decimals: enough for shares and coverage, stable across platforms.
    static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}
