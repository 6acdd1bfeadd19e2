import Oracle

/// Flags a candidate whose helper call hands the whole question to the oracle instead of solving it.
///
/// Each helper call's text arguments are reduced to content words (lower case, stop words removed, light
/// stemming) and compared with the question's content words. Coverage is the share of the question's
/// distinct content words that the call's text contains; a call with coverage ≥ `threshold` (0.6)
/// restates the question. Questions with fewer than `minimumQuestionWords` (3) content words are never
/// flagged: coverage means little there. The trap: a decomposing call ("How long is a llama's
/// gestation?") naturally shares an entity with the question; 0.6 leaves room for one or two of those.
public struct RestatementDetector: Sendable, Equatable {
    public var threshold: Double
    public var minimumQuestionWords: Int

    public init(threshold: Double = 0.6, minimumQuestionWords: Int = 3) {
        self.threshold = threshold
        self.minimumQuestionWords = minimumQuestionWords
    }

    /// The strongest restatement among `texts` (one per helper call), if any reaches the threshold.
    public func restatement(of question: String, in texts: [String]) -> Restatement? {
        guard !texts.isEmpty else { return nil }
        let questionWords = Set(Self.contentWords(question))
        guard questionWords.count >= minimumQuestionWords else { return nil }
        var best: Restatement? = nil
        for text in texts {
            let covered = questionWords.intersection(Self.contentWords(text)).count
            let coverage = Double(covered) / Double(questionWords.count)
            if coverage + 1e-12 >= threshold, best.map({ coverage > $0.coverage }) ?? true {
                best = Restatement(text: text, coverage: coverage)
            }
        }
        return best
    }

    /// The text of a helper call that would be sent as a question: every string argument, in order.
    public static func text(of call: HelperCall) -> String {
        call.arguments.compactMap(\.stringValue).joined(separator: " ")
    }

    /// Lower-cased alphanumeric words, stop words removed, stemmed.
    public static func contentWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() + " " {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "'" || character == "’" {
                continue
            } else if !current.isEmpty {
                if !stopWords.contains(current), current.count > 1 || current.first!.isNumber {
                    words.append(stem(current))
                }
                current = ""
            }
        }
        return words
    }

    /// Light suffix stripping: -ies → -y, -es after s/x/z/ch/sh, -s (not -ss), -ing, -ed, -ly; the stem
    /// keeps at least three letters. Enough to match "commencements"/"commencement", "birthed"/"birth".
    static func stem(_ word: String) -> String {
        func strip(_ suffix: String, replacement: String = "") -> String? {
            guard word.hasSuffix(suffix), word.count - suffix.count >= 3 else { return nil }
            return String(word.dropLast(suffix.count)) + replacement
        }
        if let stemmed = strip("ies", replacement: "y") { return stemmed }
        for ending in ["ses", "xes", "zes", "ches", "shes"] where word.hasSuffix(ending) {
            if let stemmed = strip("es") { return stemmed }
        }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), let stemmed = strip("s") { return stemmed }
        if let stemmed = strip("ing") { return stemmed }
        if let stemmed = strip("ed") { return stemmed }
        if let stemmed = strip("ly") { return stemmed }
        return word
    }

    /// Function words that carry no content: articles, pronouns, auxiliaries, prepositions, conjunctions,
    /// question words.
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "then", "so", "than", "as", "of", "in", "on", "at", "to",
        "for", "from", "by", "with", "about", "into", "over", "under", "during", "before", "after", "between",
        "through", "up", "down", "out", "off", "per", "is", "are", "was", "were", "be", "been", "being", "am",
        "do", "does", "did", "done", "have", "has", "had", "having", "can", "could", "will", "would", "shall",
        "should", "may", "might", "must", "it", "its", "this", "that", "these", "those", "there", "here", "he",
        "she", "they", "them", "his", "her", "their", "him", "we", "us", "our", "you", "your", "i", "me", "my",
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "not", "no", "yes", "any",
        "some", "all", "each", "every", "much", "many", "more", "most", "other", "such", "only", "own",
        "same", "too", "very", "just", "also", "ever", "often", "s", "t", "true", "false", "answer",
        "question",
    ]
}

/// A helper-call text that restates the question, and how much of the question it covers.
public struct Restatement: Sendable, Equatable {
    public var text: String
    public var coverage: Double
}
