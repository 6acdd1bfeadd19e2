/// The quantities a question states: what a program must read from it, and so what a behavioural probe
/// perturbs.
///
/// Found in the text: digit runs (thousands commas only between groups of three, one decimal point, a
/// currency sign before them is ignored), percentages (`50%`, `50 percent`), and the number words `zero`
/// to `twenty`, the tens, `hundred`, `thousand` and `dozen`. Values are distinct, in order of first
/// appearance. The trap: `0` and `1` are left out on purpose, because programs use them as identities and
/// counters (`range(1, n)`, `x * 1`) whatever the question says, so perturbing them would split programs
/// that compute the same thing.
public struct QuestionNumbers: Sendable, Equatable {
    /// Distinct stated values, in order of first appearance.
    public var values: [Double]
    /// The values written as percentages (a program may use `v` or `v / 100`).
    public var percentages: Set<Double>

    public init(values: [Double], percentages: Set<Double> = []) {
        self.values = values
        self.percentages = percentages
    }

    static let words: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
        "thousand": 1000, "dozen": 12,
    ]

    public init(question: String) {
        let scalars = Array(question.unicodeScalars)
        var found: [Double] = []
        var percentages: Set<Double> = []
        var index = 0
        func isDigit(_ i: Int) -> Bool { i < scalars.count && ("0"..."9").contains(scalars[i]) }
        func isLetter(_ i: Int) -> Bool { i >= 0 && i < scalars.count && scalars[i].properties.isAlphabetic }
        func followedByPercent(_ i: Int) -> Bool {
            var after = i
            while after < scalars.count, scalars[after] == " " { after += 1 }
            if after < scalars.count, scalars[after] == "%" { return true }
            let rest = String(String.UnicodeScalarView(scalars[after..<min(after + 7, scalars.count)])).lowercased()
            return rest == "percent"
        }
        while index < scalars.count {
            if isDigit(index) {
                let glued = isLetter(index - 1)
                var text = ""
                while index < scalars.count {
                    if isDigit(index) {
                        text.unicodeScalars.append(scalars[index])
                        index += 1
                    } else if scalars[index] == ",", (1...3).allSatisfy({ isDigit(index + $0) }), !isDigit(index + 4) {
                        index += 1
                    } else if scalars[index] == ".", !text.contains("."), isDigit(index + 1) {
                        text.unicodeScalars.append(".")
                        index += 1
                    } else {
                        break
                    }
                }
                guard !glued, !isLetter(index), let value = Double(text) else { continue }
                found.append(value)
                if followedByPercent(index) { percentages.insert(value) }
            } else if isLetter(index) {
                let start = index
                while isLetter(index) { index += 1 }
                let word = String(String.UnicodeScalarView(scalars[start..<index])).lowercased()
                if let value = Self.words[word] {
                    found.append(value)
                    if followedByPercent(index) { percentages.insert(value) }
                }
            } else {
                index += 1
            }
        }
        var seen: Set<Double> = []
        values = found.filter { $0 != 0 && $0 != 1 && seen.insert($0).inserted }
        self.percentages = percentages
    }
}
