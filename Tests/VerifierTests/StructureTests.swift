import Testing
import PythonSyntax
@testable import Verifier

@Suite struct StructureTests {
    typealias A = AST

    @Test func renamingAndLiteralValuesDoNotChangeTheSignature() {
        let ducks = A.module(
            A.assign("eggs", A.int(16)),
            A.assign("left", A.binary(.subtract, A.name("eggs"), A.int(7))),
            A.assign("answer", A.binary(.multiply, A.name("left"), A.int(2))))
        let renamed = A.module(
            A.expression(A.string("Compute the money made.")),
            A.assign("a", A.int(20)),
            A.assign("b", A.binary(.subtract, A.name("a"), A.int(3))),
            A.assign("answer", A.binary(.multiply, A.name("b"), A.int(9))))
        #expect(StructuralSignature(ducks) == StructuralSignature(renamed))
        #expect(StructuralSignature(ducks).hash.count == 16)
    }

    @Test func operatorsLiteralTypesAndFreeNamesMatter() {
        let base = A.module(A.assign("x", A.int(3)), A.assign("answer", A.call("round", A.name("x"))))
        let otherFunction = A.module(A.assign("x", A.int(3)), A.assign("answer", A.call("int", A.name("x"))))
        let floatLiteral = A.module(A.assign("x", A.float(3)), A.assign("answer", A.call("round", A.name("x"))))
        let swapped = A.module(A.assign("answer", A.int(3)), A.assign("x", A.call("round", A.name("answer"))))
        let signatures = [base, otherFunction, floatLiteral].map { StructuralSignature($0).hash }
        #expect(Set(signatures).count == 3)
        #expect(StructuralSignature(swapped) == StructuralSignature(base), "alpha-renaming follows first appearance")
        #expect(StructuralSignature(base).canonicalText == "assign( v0 = int ) assign( v1 = call( round v0 ) ) ")
    }

    @Test func functionsRenameParametersButNotBuiltins() {
        let first = A.module(A.function("solver", ["n"], [A.returns(A.binary(.add, A.name("n"), A.call("len", A.name("n"))))]),
                             A.assign("ans", A.call("solver", A.int(1))))
        let second = A.module(A.function("solution", ["k"], [A.returns(A.binary(.add, A.name("k"), A.call("len", A.name("k"))))]),
                              A.assign("result", A.call("solution", A.int(5))))
        #expect(StructuralSignature(first) == StructuralSignature(second))
        #expect(StructuralSignature(first).canonicalText.contains("len"))
    }

    @Test func findsHelperCallTextsInTheProgram() {
        let program = A.module(
            A.assign("a", A.call("ask_llm", A.string("How long is a llama's gestation period?"))),
            A.assign("b", A.call("lookup", A.string("Vietnam War"), A.string("duration"))),
            A.assign("c", A.call("ask_llm", A.fstring([.literal("Is "), .replacement(value: A.name("a"), conversion: nil,
                                                                                      spec: nil, debugText: nil),
                                                        .literal(" long?")]))),
            A.assign("d", A.call("ask_llm", A.name("a"))),
            A.assign("e", A.call("print", A.string("not a helper"))))
        let found = StaticHelperCalls.find(in: program)
        #expect(found == [
            .init(function: "ask_llm", text: "How long is a llama's gestation period?"),
            .init(function: "lookup", text: "Vietnam War duration"),
            .init(function: "ask_llm", text: "Is {} long?"),
        ])
        let shadowed = A.module(A.function("ask_llm", ["q"], [A.returns(A.name("q"))]),
                                A.assign("x", A.call("ask_llm", A.string("anything"))))
        #expect(StaticHelperCalls.find(in: shadowed).isEmpty, "a program's own ask_llm is not the helper")
    }
}

@Suite struct RestatementTests {
    let detector = RestatementDetector()
    let question = "Could a llama birth twice during War in Vietnam (1945-46)?"

    @Test func contentWordsDropStopWordsAndStem() {
        #expect(RestatementDetector.contentWords(question) == ["llama", "birth", "twice", "war", "vietnam", "1945", "46"])
        #expect(RestatementDetector.contentWords("The commencements were held in cities") == ["commencement", "held", "city"])
    }

    @Test func flagsACallThatRestatesTheQuestion() throws {
        let found = try #require(detector.restatement(of: question, in: [
            "How long is the gestation period of a llama?",
            "Could a llama give birth twice during the Vietnam War?",
        ]))
        #expect(found.text == "Could a llama give birth twice during the Vietnam War?")
        #expect(abs(found.coverage - 5.0 / 7.0) < 1e-9)
    }

    @Test func decomposingCallsAreNotFlagged() {
        #expect(detector.restatement(of: question, in: [
            "How long is the gestation period of a llama?", "How long did the Vietnam War last?",
        ]) == nil)
        #expect(detector.restatement(of: "Is it hot?", in: ["Is it hot?"]) == nil, "too few content words to judge")
    }
}
