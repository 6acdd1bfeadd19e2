/// A program text as a dictionary key whose hash reads a sample of its bytes, not all of them.
///
/// `verify run` keys every candidate's program several times (repeated jobs of a batch, the analyses the
/// verdicts read), and hashing each whole text with `String`'s hash cost more than the lookups saved.
/// The hash takes the length and sixteen 8-byte words spread over the text; equality still compares the
/// whole text, so texts that differ only between the sampled words are merely slower to tell apart.
/// The trap: a set of texts sharing length and samples degrades toward linear probing, so this key is
/// for texts of the same kind written independently (programs), not for adversarial input.
struct SampledText: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (left: SampledText, right: SampledText) -> Bool {
        left.text == right.text
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { bytes in
            hasher.combine(bytes.count)
            guard bytes.count >= 8, let base = bytes.baseAddress else {
                hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
                return
            }
            let samples = 16
            let last = bytes.count - 8
            for index in 0..<samples {
                let offset = last * index / (samples - 1)
                hasher.combine(UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            }
        }
    }
}
