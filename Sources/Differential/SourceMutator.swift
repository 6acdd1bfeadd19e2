/// Small random damage to program text, for testing that sal's parser rejects broken programs
/// with CPython's error, message and line (and accepts what CPython accepts).
///
/// Mutations act on characters and lines, not tokens, so they reach the tokenizer's corners:
/// unterminated strings, stray backslashes, bad indentation, unclosed brackets.
public enum SourceMutator {
    static let insertions = [
        ":", "(", ")", "[", "]", "{", "}", ",", "=", "==", "'", "\"", "\\", "\t", " ", "\n", "lambda", "if", "else",
        "for", "in", "not", "*", "**", "->", "return", "pass", "def", "0", "1.", "0x", "f'{", "\"\"\"", "#", ":=", "@",
        ";", "...", "yield", "class", "async", "await", "nonlocal x", "global", "del", "break", "continue", "\r", "\u{A0}",
        "é", "$", "?", "!", "`", "0b2", "1_", "09", "u'", "rb'", "break\n",
    ]

    /// `source` with one to three random mutations.
    public static func mutate(_ source: String, random: inout SeededRandom) -> String {
        var characters = Array(source)
        for _ in 0..<random.int(in: 1...3) {
            guard !characters.isEmpty else { break }
            switch random.int(in: 0..<8) {
            case 0:
                characters.remove(at: random.int(in: 0..<characters.count))
            case 1:
                let index = random.int(in: 0..<characters.count)
                characters.insert(characters[index], at: index)
            case 2, 3:
                characters.insert(contentsOf: random.pick(insertions), at: random.int(in: 0...characters.count))
            case 4:
                var lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                lines.remove(at: random.int(in: 0..<lines.count))
                characters = Array(lines.joined(separator: "\n"))
            case 5:
                var lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let index = random.int(in: 0..<lines.count)
                if random.chance(0.5) {
                    lines[index] = random.pick(["    ", " ", "\t", "  "]) + lines[index]
                } else {
                    lines[index] = String(lines[index].drop { $0 == " " || $0 == "\t" })
                }
                characters = Array(lines.joined(separator: "\n"))
            case 6:
                var lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if lines.count >= 2 {
                    let index = random.int(in: 0..<(lines.count - 1))
                    lines.swapAt(index, index + 1)
                }
                characters = Array(lines.joined(separator: "\n"))
            default:
                characters.removeSubrange(random.int(in: 0..<characters.count)...)
            }
        }
        return String(characters)
    }
}
