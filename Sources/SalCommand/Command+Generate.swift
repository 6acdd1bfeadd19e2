import ArgumentParser
import Foundation
import LinearAlgebra
import Model
import ProgramOutcome

/// `sal generate`: sample replies from a model (optionally with a LoRA adapter). With `--questions`,
/// writes candidate solution programs in the input format of `sal verify run`, closing the loop
/// verify -> train -> generate -> verify on one machine.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Sample replies, or candidate solution programs for questions, from a model and adapter.",
        discussion: """
        One of --prompt TEXT (a user message), --messages FILE.json (a JSON array of {"role", "content"}, or \
        {"messages": [...]}) or --questions FILE.jsonl (lines {"id", "question", ...}). For questions, each \
        reply is asked for with the system prompt below (change it with --system), the Python program is taken \
        from the reply (a ```python block, else the whole text) and the output lines are \
        {"id", "question", <other input fields>, "candidates": [{"cid", "program", "model", "sample", \
        "finish", "tokens", "reply"}]}, ready for `sal verify run`.

        Default system prompt for questions: \(SolutionPrompt.systemPrompt)
        """
    )

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "A PEFT LoRA adapter directory (adapter_config.json + adapter_model.safetensors).")
    var adapter: String?

    @Flag(help: "Fold the adapter into the weights before generating (faster; same model).")
    var merge = false

    @Option(help: "One user message to reply to.")
    var prompt: String?

    @Option(help: "A JSON file holding a conversation to continue.")
    var messages: String?

    @Option(help: "A JSON Lines file of questions ({\"id\", \"question\", ...} per line).")
    var questions: String?

    @Option(help: "Output JSON Lines file (required with --questions).")
    var out: String?

    @Option(help: "Replies sampled per prompt or question.")
    var samples = 1

    @Option(help: "Sampling temperature; 0 is greedy.")
    var temperature: Float = 0.7

    @Option(name: .customLong("top-p"), help: "Nucleus sampling: keep the most likely tokens up to this probability.")
    var topP: Float = 0.95

    @Option(help: "At most this many new tokens per reply.")
    var maxTokens = 512

    @Option(help: "Seed; sample k of prompt i uses a stream derived from (seed, i, k), whatever the batching.")
    var seed: UInt64 = 0

    @Option(help: "System message (for --questions it replaces the default solution prompt).")
    var system: String?

    @Option(help: "Sequences decoded together.")
    var batch = 8

    @Option(help: "The \"model\" field of each candidate (default: the model's name, plus the adapter folder's).")
    var label: String?

    func validate() throws {
        try modelOptions.validate()
        let sources = [prompt, messages, questions].compactMap { $0 }
        guard sources.count == 1 else {
            throw ValidationError("give exactly one of --prompt, --messages or --questions")
        }
        if questions != nil, out == nil { throw ValidationError("--questions needs --out FILE.jsonl") }
        if merge, adapter == nil { throw ValidationError("--merge needs --adapter") }
        guard samples >= 1 else { throw ValidationError("--samples must be at least 1") }
        guard temperature.isFinite, temperature >= 0 else {
            throw ValidationError("--temperature must be 0 or positive")
        }
        guard topP.isFinite, topP > 0, topP <= 1 else { throw ValidationError("--top-p must be in (0, 1]") }
        guard maxTokens >= 1 else { throw ValidationError("--max-tokens must be at least 1") }
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1") }
        for path in [messages, questions].compactMap({ $0 }) where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("\(path): no such readable file")
        }
        if let adapter, !FileManager.default.fileExists(atPath: adapter + "/adapter_config.json") {
            throw ValidationError("--adapter \(adapter): no adapter_config.json there")
        }
    }

    func run() throws {
        let started = Date()
        let requests = try readRequests()
        let pretrained = try modelOptions.load()
        var modelName = pretrained.displayName
        var adapters: LoRAAdapters?
        if let adapter {
            let loaded = try LoRAAdapters(peftDirectory: adapter, modelConfiguration: pretrained.weights.configuration)
            modelName += "+" + URL(fileURLWithPath: adapter).standardizedFileURL.lastPathComponent
            if merge {
                pretrained.weights.merge(loaded)
            } else {
                adapters = loaded
            }
        }
        LearningConsole.note("model: \(modelName)\(merge ? " (merged)" : ""), "
            + "loaded in \(LearningConsole.elapsed(since: started))")

        let encoded = try requests.map { request -> [Int32] in
            let ids = pretrained.chatTemplate.encode(request.messages, with: pretrained.tokenizer,
                                                     addGenerationPrompt: true).tokenIDs
            let context = pretrained.weights.configuration.contextLength
            guard ids.count < context else {
                throw LearningInputError(
                    "\(request.name): the prompt has \(ids.count) tokens; the model's context is \(context)")
            }
            return ids
        }
        let longest = encoded.map(\.count).max() ?? 1
        let positions = min(pretrained.weights.configuration.contextLength, longest + maxTokens)
        let generator = SampleGenerator(
            model: LlamaModel(weights: pretrained.weights, adapters: adapters, maximumPosition: positions),
            tokenizer: pretrained.tokenizer, stopTokens: pretrained.stopTokens, maximumNewTokens: maxTokens,
            batchSize: batch, settings: SamplingSettings(temperature: temperature, topP: topP, seed: seed))

        if let questions, let out {
            try writeCandidates(requests: requests, prompts: encoded, generator: generator,
                                modelName: label ?? modelName, source: questions, path: out)
        } else {
            try writeReplies(prompts: encoded, generator: generator)
        }
        LearningConsole.note("done in \(LearningConsole.elapsed(since: started))")
    }

    /// One prompt to sample from: its conversation and, for questions, the input line's fields.
    struct Request {
        var name: String
        var messages: [ChatMessage]
        var fields: [(String, JSONValue)] = []
        var id = ""
    }

    func readRequests() throws -> [Request] {
        if let prompt {
            return [Request(name: "--prompt", messages: (system.map { [.system($0)] } ?? []) + [.user(prompt)])]
        }
        if let messages {
            return [Request(name: messages, messages: try Self.readConversation(path: messages, system: system))]
        }
        let path = questions!
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var requests: [Request] = []
        var seen: Set<String> = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let place = "\(path):\(index + 1)"
            let object: JSONValue
            do {
                object = try JSONValue.parse(String(line))
            } catch {
                throw LearningInputError("\(place): invalid JSON (\(error.description))")
            }
            guard case .object(let pairs) = object else { throw LearningInputError("\(place): not a JSON object") }
            let id = object["id"] ?? object["qid"] ?? object["question_id"]
            let idText: String
            switch id {
            case .string(let text)?: idText = text
            case .int(let number)?: idText = String(number)
            default: throw LearningInputError("\(place): missing \"id\" (a string or an integer)")
            }
            guard let question = object["question"]?.stringValue else {
                throw LearningInputError("\(place): missing string field \"question\"")
            }
            guard seen.insert(idText).inserted else { throw LearningInputError("\(place): id \(idText) repeats") }
            requests.append(Request(
                name: place, messages: [.system(system ?? SolutionPrompt.systemPrompt), .user(question)],
                fields: pairs.filter { $0.0 != "candidates" }, id: idText))
        }
        guard !requests.isEmpty else { throw LearningInputError("\(path) holds no questions") }
        return requests
    }

    /// A conversation file: `[{"role", "content"}, ...]` or `{"messages": [...]}`; it must not end with
    /// an assistant turn (the reply is what is generated).
    static func readConversation(path: String, system: String?) throws -> [ChatMessage] {
        struct Wrapped: Decodable { var messages: [ChatMessage] }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let decoder = JSONDecoder()
        guard var messages = (try? decoder.decode([ChatMessage].self, from: data))
            ?? (try? decoder.decode(Wrapped.self, from: data))?.messages else {
            throw LearningInputError("\(path): not a JSON array of {\"role\", \"content\"} nor {\"messages\": [...]}")
        }
        guard !messages.isEmpty else { throw LearningInputError("\(path): the conversation is empty") }
        if let bad = messages.first(where: { !["system", "user", "assistant"].contains($0.role) }) {
            throw LearningInputError("\(path): unknown role '\(bad.role)' (system, user or assistant)")
        }
        guard messages.last?.role != "assistant" else {
            throw LearningInputError("\(path): the conversation ends with an assistant turn; nothing to reply to")
        }
        if let system {
            if messages[0].role == "system" {
                messages[0].content = system
            } else {
                messages.insert(.system(system), at: 0)
            }
        }
        return messages
    }

    func writeReplies(prompts: [[Int32]], generator: SampleGenerator) throws {
        let jobs = (0..<samples).map { SampleGenerator.Job(prompt: 0, sample: $0) }
        var lines = ""
        try generator.run(jobs, prompts: prompts) { job, reply in
            if samples > 1 { LearningConsole.say("--- sample \(job.sample) (\(reply.finish)) ---") }
            LearningConsole.say(reply.text)
            lines += JSONValue.object([
                ("sample", .int(job.sample)), ("reply", .string(reply.text)), ("finish", .string(reply.finish)),
                ("tokens", .int(reply.tokenCount)),
            ]).serialized + "\n"
        }
        guard let out else { return }
        do {
            try lines.write(toFile: out, atomically: true, encoding: .utf8)
        } catch {
            throw LearningInputError("cannot write \(out): \(error.localizedDescription)")
        }
    }

    /// Writes one line per question as soon as its last sample is done, so a long run shows progress on disk.
    func writeCandidates(requests: [Request], prompts: [[Int32]], generator: SampleGenerator, modelName: String,
                         source: String, path: String) throws {
        let jobs = requests.indices.flatMap { question in
            (0..<samples).map { SampleGenerator.Job(prompt: question, sample: $0) }
        }
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw LearningInputError("cannot write \(path)")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var pending: [JSONValue] = []
        var fenced = 0, cut = 0
        try generator.run(jobs, prompts: prompts) { job, reply in
            let request = requests[job.prompt]
            let extraction = SolutionPrompt.program(from: reply.text)
            if extraction.fromFence { fenced += 1 }
            if reply.finish == "length" { cut += 1 }
            pending.append(.object([
                ("cid", .string("\(request.id)#\(job.sample)")), ("program", .string(extraction.program)),
                ("model", .string(modelName)), ("sample", .int(job.sample)), ("finish", .string(reply.finish)),
                ("tokens", .int(reply.tokenCount)), ("reply", .string(reply.text)),
            ]))
            guard pending.count == samples else { return }
            let line = JSONValue.object(request.fields + [("candidates", .array(pending))]).serialized + "\n"
            try handle.write(contentsOf: Data(line.utf8))
            pending = []
        }
        LearningConsole.note("candidates: \(jobs.count) programs for \(requests.count) questions of \(source) "
            + "in \(path) (\(fenced) from a ```python block, \(cut) cut at --max-tokens)")
    }
}

/// Samples replies for (prompt, sample) jobs in batches, in job order. Each job's sampler is seeded from
/// (seed, prompt, sample) and batched decoding equals decoding alone, so results do not depend on --batch.
struct SampleGenerator {
    struct Job {
        var prompt: Int
        var sample: Int
    }

    struct Reply {
        var text: String
        /// "stop" when the model ended its turn, "length" when --max-tokens cut it.
        var finish: String
        var tokenCount: Int
    }

    let model: LlamaModel
    let tokenizer: Tokenizer
    let stopTokens: Set<Int32>
    let maximumNewTokens: Int
    let batchSize: Int
    let settings: SamplingSettings

    func run(_ jobs: [Job], prompts: [[Int32]], consume: (Job, Reply) throws -> Void) throws {
        var start = 0
        var producedTokens = 0
        let clock = Date()
        while start < jobs.count {
            let chunk = Array(jobs[start..<min(start + batchSize, jobs.count)])
            var samplers = chunk.map { job in
                let stream = mixBits(settings.seed ^ mixBits((UInt64(job.prompt) << 24) ^ UInt64(job.sample)))
                return Sampler(SamplingSettings(temperature: settings.temperature, topP: settings.topP, seed: stream))
            }
            let outputs = model.generate(prompts: chunk.map { prompts[$0.prompt] }, maximumNewTokens: maximumNewTokens,
                                         samplers: &samplers, stopTokens: stopTokens)
            for (job, tokens) in zip(chunk, outputs) {
                producedTokens += tokens.count
                let stopped = tokens.last.map(stopTokens.contains) ?? false
                let text = tokenizer.decode(stopped ? Array(tokens.dropLast()) : tokens, skipSpecialTokens: true)
                try consume(job, Reply(text: text, finish: stopped ? "stop" : "length", tokenCount: tokens.count))
            }
            start += chunk.count
            let elapsed = Date().timeIntervalSince(clock)
            LearningConsole.note(String(format: "sampled %d/%d (%.1f new tokens/s)", start, jobs.count,
                                        elapsed > 0 ? Double(producedTokens) / elapsed : 0))
        }
    }
}

/// The instruction paired with questions when sampling solution programs, and how a program is taken
/// out of a reply. Fine-tuning data should carry the same system message (`sal verify run --system-prompt`).
enum SolutionPrompt {
    static let systemPrompt = "Solve the problem by writing a Python 3 program. Compute the result step by step "
        + "with plain Python (no input(), files or network) and assign the final result to a variable named "
        + "`answer`. Reply with the program only."

    /// The first ```python (or ```py) block of `reply`, else its first fenced block of any language, else
    /// the whole reply. A fence left open (the reply was cut off) runs to the end.
    static func program(from reply: String) -> (program: String, fromFence: Bool) {
        var blocks: [(language: String, lines: [Substring])] = []
        var current: (language: String, lines: [Substring])?
        for line in reply.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                if let open = current {
                    blocks.append(open)
                    current = nil
                } else {
                    current = (String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces).lowercased(), [])
                }
            } else {
                current?.lines.append(line)
            }
        }
        if let open = current { blocks.append(open) }
        let chosen = blocks.first { ["python", "py", "python3"].contains($0.language) } ?? blocks.first
        guard let chosen else { return (tidy(reply), false) }
        return (tidy(chosen.lines.joined(separator: "\n")), true)
    }

    /// Without blank lines at either end, ending in one newline.
    private static func tidy(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
