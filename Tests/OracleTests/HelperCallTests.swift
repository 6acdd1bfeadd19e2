import Testing
import ProgramOutcome
@testable import Oracle

@Suite struct HelperCallTests {
    @Test func bindingFillsTheDefaultRelationSoKeysMatch() throws {
        let short = try HelperCall.bind(function: "compare", positional: [.string("Paris"), .string("Rome")])
        let long = try HelperCall.bind(function: "compare", positional: [.string("Paris")],
                                       keywords: [("b", .string("Rome")), ("relation", .string(">"))])
        #expect(short == long)
        #expect(short.key == #"compare["Paris", "Rome", ">"]"#)
    }

    @Test func bindingRaisesCPythonStyleErrors() {
        func error(_ name: String, _ positional: [JSONValue], _ keywords: [(String, JSONValue)] = []) -> HelperCallError? {
            do {
                _ = try HelperCall.bind(function: name, positional: positional, keywords: keywords)
                return nil
            } catch {
                return error
            }
        }
        #expect(error("ask_llm", [])?.description == "TypeError: ask_llm() missing 1 required positional argument: 'question'")
        #expect(error("ask_llm", [.string("a"), .string("b")])?.description
            == "TypeError: ask_llm() takes 1 positional argument but 2 were given")
        #expect(error("lookup", [])?.description
            == "TypeError: lookup() missing 2 required positional arguments: 'entity' and 'attribute'")
        #expect(error("ask_llm", [.int(5)])?.description == "TypeError: ask_llm() argument 'question' must be str, not int")
        #expect(error("ask_llm", [.string("q")], [("question", .string("r"))])?.description
            == "TypeError: ask_llm() got multiple values for argument 'question'")
        #expect(error("lookup", [.string("a"), .string("b")], [("unit", .string("m"))])?.description
            == "TypeError: lookup() got an unexpected keyword argument 'unit'")
        #expect(error("compare", [.int(1), .int(2), .string("~")])?.type == "ValueError")
        #expect(error("compare", [.int(1), .int(2), .int(3), .int(4)])?.description
            == "TypeError: compare() takes from 2 to 3 positional arguments but 4 were given")
        #expect(error("search", [])?.type == "NameError")
    }

    @Test func numericComparisonsAreLocalAndExact() {
        func local(_ a: JSONValue, _ b: JSONValue, _ relation: String) -> Bool? {
            HelperCall.compare(a, b, relation).localAnswer?.value.flatMap { if case .bool(let f) = $0 { f } else { nil } }
        }
        #expect(local(.int(3), .int(2), ">") == true)
        #expect(local(.int(2), .double(2.0), "==") == true)
        #expect(local(.int(9_007_199_254_740_993), .double(9_007_199_254_740_992), ">") == true)
        #expect(local(.double(2.5), .int(2), ">=") == true)
        #expect(local(.double(-2.5), .int(-2), "<") == true)
        #expect(local(.double(.nan), .int(1), "!=") == true)
        #expect(local(.double(.nan), .int(1), "<=") == false)
        #expect(local(.bigInteger("-100000000000000000000"), .int(5), "<") == true)
        #expect(local(.bigInteger("100000000000000000001"), .bigInteger("100000000000000000000"), ">") == true)
        #expect(local(.bool(true), .int(1), "==") == true)
        #expect(HelperCall.compare(.string("Paris"), .int(2)).localAnswer == nil)
        #expect(HelperCall.askLLM("Is 3 > 2?").localAnswer == nil)
    }

    @Test func promptsReadAsQuestions() {
        #expect(HelperCall.askLLM("How tall is Everest?").oracleQuestion == "How tall is Everest?")
        #expect(HelperCall.lookup("Mount Everest", "height in metres").oracleQuestion
            == "What is the height in metres of Mount Everest?")
        #expect(HelperCall.compare(.string("a whale"), .string("a mouse"), "<=").oracleQuestion
            == "Is a whale less than or equal to a mouse? Answer yes or no.")
    }
}
