import ProgramOutcome
import PythonRuntime
import Testing

/// Comparisons of an int with a float are exact, as in CPython, on both sides of 2^53 (where ints stop
/// being exact Doubles) and with NaN and the infinities.
@Suite struct MixedComparisonTests {
    /// `[<, <=, >, >=, ==, !=]` of `left` against `right`, as the program computes them.
    static func table(_ left: String, _ right: String) -> String? {
        let source = """
            x = \(left)
            y = \(right)
            answer = [x < y, x <= y, x > y, x >= y, x == y, x != y]
            """
        return Interpreter.run(source: source).answerRepr
    }

    @Test(arguments: [
        ("1", "1.5", "[True, True, False, False, False, True]"),
        ("3", "3.0", "[False, True, False, True, True, False]"),
        ("-2", "-2.5", "[False, False, True, True, False, True]"),
        ("2 ** 53", "9007199254740992.0", "[False, True, False, True, True, False]"),
        ("2 ** 53 + 1", "9007199254740992.0", "[False, False, True, True, False, True]"),
        ("-(2 ** 53) - 1", "-9007199254740992.0", "[True, True, False, False, False, True]"),
        ("1", "float('nan')", "[False, False, False, False, False, True]"),
        ("10 ** 400", "float('inf')", "[True, True, False, False, False, True]"),
        ("0", "-0.0", "[False, True, False, True, True, False]"),
    ])
    func intAgainstFloat(_ left: String, _ right: String, _ expected: String) {
        #expect(Self.table(left, right) == expected)
        let swapped = Self.table(right, left)
        let mirrored = expected.dropFirst().dropLast().split(separator: ", ")
        #expect(swapped == "[\(mirrored[2]), \(mirrored[3]), \(mirrored[0]), \(mirrored[1]), \(mirrored[4]), \(mirrored[5])]")
    }

    @Test func aLoopComparingAnIntWithAFloatStopsWhereCPythonDoes() {
        let source = """
            money = 7 * 1.5
            cost = 0
            years = 0
            while cost < money:
                years += 1
                cost += 3
            answer = years
            """
        #expect(Interpreter.run(source: source).answer == .int(4))
    }
}
