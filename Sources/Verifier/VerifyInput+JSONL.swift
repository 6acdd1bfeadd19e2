import Dispatch
import Foundation
import Oracle
import ProgramOutcome
import Synchronization

extension VerifyInput {
    /// Reads verifier input, JSONL; each line is one of three shapes, told apart by its fields:
    ///
    /// - a question: `{"id", "question", "candidates": [{"program", ...}], "cot_answers"?, "gold"?}`
    ///   (`qid` may stand for `id`; this covers the GSM8K votes file, whose candidates carry `cid`,
    ///   `preamble`, `convention` and the recorded `cpython_result` / `result_float` / `cpython_error`);
    /// - a candidate: `{"id", "question", "program", ...}` without `candidates`; lines with the same `id`
    ///   form one question, in order of first appearance (`question` may be left out after the first);
    /// - anything else is an `InputProblem`, as is a line that is not a JSON object, a candidate without a
    ///   string `program`, a repeated candidate id, or a question whose text differs between lines.
    ///
    /// Candidate fields: `cid`/`candidate_id` (else `<question id>#<n>`), `preamble` (a catalog name),
    /// `preamble_text` (literal text), `convention` (a catalog name) or `answer_spec` (`var:NAME`,
    /// `call:NAME`, `auto`; default `auto`); all other fields are kept as metadata.
    ///
    /// The fingerprint (a byte-serial hash of the whole text, about 1 ns a byte) is taken on another
    /// thread while the lines are parsed and assembled, since assembling leaves the other cores idle.
    public static func read(jsonl text: String, catalog: PreambleCatalog = PreambleCatalog()) -> VerifyInput {
        let fingerprint = Mutex<String?>(nil)
        let hashed = DispatchGroup()
        DispatchQueue.global().async(group: hashed) {
            let hex = StableHash.hex(text)
            fingerprint.withLock { $0 = hex }
        }
        var reader = InputAssembler(catalog: catalog)
        let lines = Self.lines(of: text)
        // Lines are parsed on all cores; assembling them into questions is sequential.
        let parsed = ParallelMap.map(lines) { line -> Result<JSONValue, JSONParseError>? in
            InputAssembler.isBlank(line) ? nil : Result { () throws(JSONParseError) in try JSONValue.parse(line) }
        }
        for (index, line) in lines.enumerated() {
            if let document = parsed[index] { reader.consume(line: line, parsed: document, number: index + 1) }
        }
        hashed.wait()
        return VerifyInput(questions: reader.questions, problems: reader.problems,
                           fingerprint: fingerprint.withLock { $0! }, text: text, catalog: catalog)
    }

    /// The text split at every newline, empty lines included (a final newline ends in an empty line), by a
    /// scan of the UTF-8 bytes: the generic `split` of a UTF-8 view is several times slower on 15 MB.
    static func lines(of text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            while true {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                if end == bytes.count { return lines }
                start = end + 1
            }
        }
    }
}

/// Accumulates questions and problems line by line.
struct InputAssembler {
    let catalog: PreambleCatalog
    var questions: [QuestionInput] = []
    var problems: [InputProblem] = []
    var positionOfQuestion: [String: Int] = [:]
    /// Question ids that came from a whole-question line (a second such line is a duplicate).
    var wholeQuestionIDs: Set<String> = []

    static let candidateKeys: Set<String> = [
        "program", "cid", "candidate_id", "preamble", "preamble_text", "convention", "answer_spec",
        "cpython_result", "result_float", "cpython_error",
    ]
    static let questionKeys: Set<String> = ["id", "qid", "question_id", "question", "gold", "cot_answers"]

    init(catalog: PreambleCatalog) {
        self.catalog = catalog
    }

    static func isBlank(_ line: String) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// Takes one non-blank line and its parse.
    mutating func consume(line: String, parsed: Result<JSONValue, JSONParseError>, number: Int) {
        let excerpt = String(line.prefix(300))
        var messages: [String] = []
        defer { problems += messages.map { InputProblem(line: number, message: $0, excerpt: excerpt) } }
        func problem(_ message: String) {
            messages.append(message)
        }
        let object: JSONValue
        switch parsed {
        case .success(let value): object = value
        case .failure(let error):
            problem("invalid JSON: \(error.description)")
            return
        }
        guard case .object = object else { return problem("not a JSON object") }
        guard let questionID = Self.questionID(object) else {
            return problem("missing question id (\"id\" or \"qid\", a string or an integer)")
        }
        if let candidates = object.member("candidates") {
            guard let items = candidates.arrayPayload else { return problem("\"candidates\" is not an array") }
            consumeQuestion(object, id: questionID, candidates: items, line: number, problem: problem)
        } else if object.member("program") != nil {
            consumeCandidateLine(object, id: questionID, line: number, problem: problem)
        } else {
            problem("neither \"candidates\" nor \"program\": not a question or a candidate")
        }
    }

    static func questionID(_ object: JSONValue) -> String? {
        for key in ["id", "qid", "question_id"] {
            switch object.member(key) {
            case .string(let text)?: return text
            case .int(let number)?: return String(number)
            default: continue
            }
        }
        return nil
    }

    mutating func consumeQuestion(_ object: JSONValue, id: String, candidates items: [JSONValue], line: Int,
                                  problem: (String) -> Void) {
        guard let questionText = object.member("question")?.stringValue else {
            return problem("missing string field \"question\"")
        }
        guard !wholeQuestionIDs.contains(id) else { return problem("question id \(id) appears on an earlier line") }
        guard let position = questionPosition(id: id, text: questionText, object: object, line: line, problem: problem)
        else { return }
        wholeQuestionIDs.insert(id)
        for (offset, item) in items.enumerated() {
            addCandidate(item, to: position, fallbackNumber: offset, line: line, candidateOnly: true,
                         problem: { problem("candidate \(offset): \($0)") })
        }
    }

    mutating func consumeCandidateLine(_ object: JSONValue, id: String, line: Int, problem: (String) -> Void) {
        let questionText = object.member("question")?.stringValue
        if let position = positionOfQuestion[id] {
            if let questionText, questionText != questions[position].question {
                return problem("question text differs from the earlier line for id \(id)")
            }
            guard mergeQuestionFields(object, into: position, problem: problem) else { return }
            addCandidate(object, to: position, fallbackNumber: questions[position].candidates.count, line: line,
                         candidateOnly: false, problem: problem)
            return
        }
        guard let questionText else { return problem("missing string field \"question\" on the first line of id \(id)") }
        guard let position = questionPosition(id: id, text: questionText, object: object, line: line, problem: problem)
        else { return }
        addCandidate(object, to: position, fallbackNumber: 0, line: line, candidateOnly: false, problem: problem)
        if questions[position].candidates.isEmpty {
            questions.removeLast()
            positionOfQuestion[id] = nil
        }
    }

    /// Creates the question on first sight and returns its position.
    mutating func questionPosition(id: String, text: String, object: JSONValue, line: Int,
                                   problem: (String) -> Void) -> Int? {
        if let position = positionOfQuestion[id] {
            guard questions[position].question == text else {
                problem("question text differs from the earlier line for id \(id)")
                return nil
            }
            return mergeQuestionFields(object, into: position, problem: problem) ? position : nil
        }
        var cot: [JSONValue] = []
        if let value = object.member("cot_answers") {
            guard let items = value.arrayPayload else {
                problem("\"cot_answers\" is not an array")
                return nil
            }
            cot = items
        }
        let gold = object.member("gold").flatMap { $0 == .null ? nil : $0 }
        questions.append(QuestionInput(id: id, index: questions.count, question: text, candidates: [],
                                       chainOfThoughtAnswers: cot, gold: gold, line: line))
        positionOfQuestion[id] = questions.count - 1
        return questions.count - 1
    }

    /// Takes `gold` and `cot_answers` from a later line of the same question; a different value is a problem.
    mutating func mergeQuestionFields(_ object: JSONValue, into position: Int, problem: (String) -> Void) -> Bool {
        if let gold = object.member("gold"), gold != .null {
            if let existing = questions[position].gold, existing != gold {
                problem("gold \(gold.serialized) differs from the earlier \(existing.serialized)")
                return false
            }
            questions[position].gold = gold
        }
        if let cot = object.member("cot_answers") {
            guard let items = cot.arrayPayload else {
                problem("\"cot_answers\" is not an array")
                return false
            }
            if questions[position].chainOfThoughtAnswers.isEmpty {
                questions[position].chainOfThoughtAnswers = items
            } else if questions[position].chainOfThoughtAnswers != items {
                problem("\"cot_answers\" differ from the earlier line")
                return false
            }
        }
        return true
    }

    mutating func addCandidate(_ object: JSONValue, to position: Int, fallbackNumber: Int, line: Int,
                               candidateOnly: Bool, problem: (String) -> Void) {
        guard case .object(let pairs) = object else { return problem("not a JSON object") }
        guard let program = object.member("program")?.stringValue else {
            return problem("missing string field \"program\"")
        }
        let questionID = questions[position].id
        let candidateID: String
        switch object.member("cid") ?? object.member("candidate_id") {
        case .string(let text)?: candidateID = text
        case .int(let number)?: candidateID = String(number)
        case nil: candidateID = "\(questionID)#\(fallbackNumber)"
        default: return problem("candidate id is not a string or an integer")
        }
        guard !questions[position].candidates.contains(where: { $0.id == candidateID }) else {
            return problem("candidate id \(candidateID) repeats in question \(questionID)")
        }
        var preambleName: String? = nil
        var preamble: String? = ""
        if let text = object.member("preamble_text") {
            guard let text = text.stringValue else { return problem("\"preamble_text\" is not a string") }
            preamble = text
        } else if let name = object.member("preamble") {
            guard let name = name.stringValue else { return problem("\"preamble\" is not a string") }
            preambleName = name
            preamble = catalog.preambles[name]
        }
        var spec = AnswerSpec.auto
        if let text = object.member("answer_spec") {
            guard let text = text.stringValue, let parsed = AnswerSpec(parsing: text) else {
                return problem("\"answer_spec\" is not var:NAME, call:NAME or auto")
            }
            spec = parsed
        } else if let name = object.member("convention") {
            guard let name = name.stringValue else { return problem("\"convention\" is not a string") }
            guard let parsed = catalog.conventions[name] ?? AnswerSpec(parsing: name) else {
                return problem("unknown convention \(name) (not in the preamble catalog, not an answer spec)")
            }
            spec = parsed
        }
        var recorded: RecordedRun? = nil
        if object.member("cpython_result") != nil || object.member("result_float") != nil
            || object.member("cpython_error") != nil {
            let float: Double?
            switch object.member("result_float") {
            case .double(let number)?: float = number
            case .int(let number)?: float = Double(number)
            case .bigInteger(let digits)?: float = Double(digits)
            default: float = nil
            }
            recorded = RecordedRun(resultRepr: object.member("cpython_result")?.stringValue, resultFloat: float,
                                   error: object.member("cpython_error")?.stringValue)
        }
        let metadata = pairs.filter { key, _ in
            !Self.candidateKeys.contains(key) && (candidateOnly || !Self.questionKeys.contains(key))
        }
        questions[position].candidates.append(CandidateInput(
            id: candidateID, program: program, preambleName: preambleName, preamble: preamble, answerSpec: spec,
            metadata: .object(metadata), recorded: recorded))
    }
}
