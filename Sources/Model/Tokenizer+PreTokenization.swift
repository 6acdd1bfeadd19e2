/// How text between special tokens is cut into words before byte-pair merging.
/// Both supported schemes are the GPT-2 regex
/// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`, evaluated by hand;
/// `isolatesDigits` first cuts every \p{N} scalar out on its own (SmolLM2, StarCoder), so " 42" gives " ", "4", "2".
public struct PreTokenization: Sendable, Hashable {
    /// Cut every numeric scalar (general category N*) into its own piece before the GPT-2 regex runs.
    public var isolatesDigits: Bool
    /// Prepend a space to each piece that does not start with one (Hugging Face ByteLevel `add_prefix_space`).
    /// The trap: it applies per piece, so with `isolatesDigits` every digit gets its own space.
    public var addsPrefixSpace: Bool

    public init(isolatesDigits: Bool, addsPrefixSpace: Bool = false) {
        self.isolatesDigits = isolatesDigits
        self.addsPrefixSpace = addsPrefixSpace
    }

    /// GPT-2's byte-level regex alone.
    public static let gpt2 = PreTokenization(isolatesDigits: false)
    /// Digits isolated, then the GPT-2 regex (`tokenizer.ggml.pre` "smollm").
    public static let smolLM = PreTokenization(isolatesDigits: true)

    /// The scheme a GGUF file names in `tokenizer.ggml.pre`; nil for names sal does not implement.
    public init?(ggufName: String) {
        switch ggufName {
        case "gpt-2", "gpt2": self = .gpt2
        case "smollm", "starcoder", "refact": self = .smolLM
        default: return nil
        }
    }
}

/// The class of one scalar as the GPT-2 regex sees it.
enum ScalarClass: UInt8 {
    case letter, number, whitespace, other

    /// ASCII is looked up; everything else asks Unicode properties (letters L*, numbers N*, White_Space).
    init(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            self = ScalarClass.asciiTable[Int(scalar.value)]
            return
        }
        let properties = scalar.properties
        if properties.isWhitespace {
            self = .whitespace
            return
        }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            self = .letter
        case .decimalNumber, .letterNumber, .otherNumber:
            self = .number
        default:
            self = .other
        }
    }

    private static let asciiTable: [ScalarClass] = (0..<128).map { value in
        switch UInt8(value) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): .number
        case 0x09...0x0D, 0x20: .whitespace
        default: .other
        }
    }
}

/// One piece of pre-tokenized text: a run of scalars `[start, end)` of the segment, and whether a
/// prefix space was added in front of it (which has no source bytes).
struct PreToken {
    var start: Int
    var end: Int
    var hasAddedSpace: Bool
}

extension PreTokenization {
    /// Cuts `scalars` (one stretch of text without special tokens) into pieces, in order.
    func split(_ scalars: [Unicode.Scalar], classes: [ScalarClass]) -> [PreToken] {
        var pieces: [PreToken] = []
        var runStart = 0
        if isolatesDigits {
            for index in scalars.indices where classes[index] == .number {
                if runStart < index { splitWithRegex(scalars, classes, runStart, index, into: &pieces) }
                splitWithRegex(scalars, classes, index, index + 1, into: &pieces)
                runStart = index + 1
            }
        }
        if runStart < scalars.count { splitWithRegex(scalars, classes, runStart, scalars.count, into: &pieces) }
        return pieces
    }

    /// The GPT-2 regex over `[start, end)`, leftmost-first alternation with greedy runs.
    /// With `addsPrefixSpace`, the piece is matched as if a space stood before it; that space joins the
    /// first match (as " word") or stands alone, exactly as the regex would treat a real one.
    private func splitWithRegex(
        _ scalars: [Unicode.Scalar], _ classes: [ScalarClass], _ start: Int, _ end: Int,
        into pieces: inout [PreToken]
    ) {
        var position = start
        if addsPrefixSpace && scalars[start] != " " {
            // A virtual space at start-1: it attaches to a following letter/number/other run;
            // before whitespace it forms (part of) a whitespace run, which `\s+(?!\S)` handles below.
            switch classes[start] {
            case .letter, .number, .other:
                let runEnd = runEnd(of: classes[start], in: classes, from: start, limit: end)
                pieces.append(PreToken(start: start, end: runEnd, hasAddedSpace: true))
                position = runEnd
            case .whitespace:
                let whitespaceEnd = runEnd(of: .whitespace, in: classes, from: start, limit: end)
                if whitespaceEnd == end {
                    pieces.append(PreToken(start: start, end: end, hasAddedSpace: true))
                    return
                }
                // Virtual space + run of n scalars, then a non-space: the regex keeps the last one back.
                pieces.append(PreToken(start: start, end: whitespaceEnd - 1, hasAddedSpace: true))
                position = whitespaceEnd - 1
            }
        }
        while position < end {
            let matchEnd = regexMatchEnd(scalars, classes, at: position, limit: end)
            pieces.append(PreToken(start: position, end: matchEnd, hasAddedSpace: false))
            position = matchEnd
        }
    }

    /// End of the regex match that starts at `position` (always at least one scalar).
    private func regexMatchEnd(
        _ scalars: [Unicode.Scalar], _ classes: [ScalarClass], at position: Int, limit end: Int
    ) -> Int {
        let first = scalars[position]
        if first == "'", position + 1 < end {
            let second = scalars[position + 1]
            switch second {
            case "s", "t", "m", "d": return position + 2
            case "r", "v", "l":
                if position + 2 < end {
                    let third = scalars[position + 2]
                    if (second == "r" && third == "e") || (second == "v" && third == "e")
                        || (second == "l" && third == "l") {
                        return position + 3
                    }
                }
            default: break
            }
        }
        let firstClass = classes[position]
        if first == " ", position + 1 < end, classes[position + 1] != .whitespace {
            return runEnd(of: classes[position + 1], in: classes, from: position + 1, limit: end)
        }
        if firstClass != .whitespace {
            return runEnd(of: firstClass, in: classes, from: position, limit: end)
        }
        let whitespaceEnd = runEnd(of: .whitespace, in: classes, from: position, limit: end)
        // `\s+(?!\S)` gives back the last scalar of a run that a non-space follows; `\s+` takes a lone one.
        if whitespaceEnd < end && whitespaceEnd - position > 1 { return whitespaceEnd - 1 }
        return whitespaceEnd
    }

    private func runEnd(of runClass: ScalarClass, in classes: [ScalarClass], from start: Int, limit end: Int) -> Int {
        var index = start
        while index < end && classes[index] == runClass { index += 1 }
        return index
    }
}
