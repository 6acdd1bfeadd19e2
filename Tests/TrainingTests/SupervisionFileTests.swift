import Foundation
import Testing
@testable import Model
@testable import Training

/// Encodes a conversation as one token per message (its content length), learning assistant messages.
private func lengthEncoding(_ messages: [ChatMessage]) -> TrainingExample {
    TrainingExample(tokens: messages.map { Int32($0.content.count) }, lossMask: messages.map { $0.role == "assistant" })
}

@Test("supervision.jsonl lines become examples; malformed lines are named")
func supervisionLines() throws {
    let text = """
    {"messages": [{"role": "system", "content": "be brief"}, {"role": "user", "content": "2+2?"}, {"role": "assistant", "content": "4"}]}

    {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}
    """
    let examples = try SupervisionFile.examples(jsonLines: text, encode: lengthEncoding)
    #expect(examples == [TrainingExample(tokens: [8, 4, 1], lossMask: [false, false, true]),
                         TrainingExample(tokens: [2, 5], lossMask: [false, true])])
    #expect(throws: TrainingError.malformedSupervision(line: 2, reason: "unknown role 'tool'")) {
        try SupervisionFile.examples(jsonLines: "{\"messages\": []}\n{\"messages\": [{\"role\": \"tool\", \"content\": \"x\"}]}",
                                     encode: lengthEncoding)
    }
    #expect(throws: TrainingError.self) {
        try SupervisionFile.examples(jsonLines: "{\"prompt\": 1}", encode: lengthEncoding)
    }
}
