import Foundation
import Model

/// Reads `supervision.jsonl` — one `{"messages": [{"role": ..., "content": ...}, ...]}` per line — and
/// turns each conversation into a `TrainingExample` through the chat template, which marks the
/// assistant tokens as the ones to learn. Blank lines are skipped; a malformed line is an error naming it.
public enum SupervisionFile {
    private struct Line: Decodable {
        var messages: [ChatMessage]
    }

    /// The examples of the file at `path`, encoded with `template` and `tokenizer`.
    public static func examples(path: String, tokenizer: Tokenizer, template: ChatTemplate) throws -> [TrainingExample] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ModelFileError.cannotOpen(path: path, reason: "\(error)")
        }
        return try examples(jsonLines: text) { messages in
            let encoded = template.encode(messages, with: tokenizer)
            return TrainingExample(tokens: encoded.tokenIDs, lossMask: encoded.lossMask)
        }
    }

    /// The examples of JSON Lines `text`, each conversation encoded by `encode`.
    public static func examples(jsonLines text: String,
                                encode: ([ChatMessage]) -> TrainingExample) throws -> [TrainingExample] {
        let decoder = JSONDecoder()
        var examples: [TrainingExample] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let parsed: Line
            do {
                parsed = try decoder.decode(Line.self, from: Data(line.utf8))
            } catch {
                throw TrainingError.malformedSupervision(line: index + 1, reason: "not {\"messages\": [{role, content}]}")
            }
            let roles = Set(["system", "user", "assistant"])
            if let bad = parsed.messages.first(where: { !roles.contains($0.role) }) {
                throw TrainingError.malformedSupervision(line: index + 1, reason: "unknown role '\(bad.role)'")
            }
            examples.append(encode(parsed.messages))
        }
        return examples
    }
}
