import Testing
import ProgramOutcome
@testable import Oracle

@Suite struct OracleReplyTests {
    static let cases: [(String, JSONValue)] = [
        ("Yes.", .bool(true)), ("no", .bool(false)), ("TRUE", .bool(true)), ("No, it is not.", .bool(false)),
        ("42", .int(42)), ("-7", .int(-7)), ("1,200", .int(1200)), ("3.5", .double(3.5)), ("1e3", .double(1000)),
        ("Answer: 12", .int(12)), ("**8848**", .int(8848)), ("\"Paris\"", .string("Paris")), ("Paris.", .string("Paris")),
        ("```\n17\n```", .int(17)), ("12 apples", .string("12 apples")), ("1,20", .string("1,20")),
        ("None of them", .string("None of them")), ("99999999999999999999", .bigInteger("99999999999999999999")),
        ("  4\nbecause 2+2", .int(4)),
    ]

    @Test(arguments: cases)
    func typesTheReply(_ reply: String, _ expected: JSONValue) {
        #expect(OracleReply.typedAnswer(from: reply, for: .askLLM("q")) == .value(expected))
    }

    @Test func compareNeedsYesOrNo() {
        let call = HelperCall.compare(.string("a"), .string("b"))
        #expect(OracleReply.typedAnswer(from: "Yes", for: call) == .value(.bool(true)))
        guard case .miss = OracleReply.typedAnswer(from: "It depends", for: call) else {
            Issue.record("a non-boolean compare reply was accepted")
            return
        }
    }

    @Test func emptyReplyIsAMiss() {
        #expect(OracleReply.typedAnswer(from: " \n ", for: .askLLM("q")) == .miss("empty reply"))
    }
}
