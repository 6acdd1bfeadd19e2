#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the lexer stopped, and how its diagnostic competes with a parser error.
///
/// CPython's parser pulls tokens on demand, so which error wins depends on the kind of tokenizer error:
/// most are raised again when CPython scans the rest of the file after a parser error; indentation and
/// line-continuation errors only when the parser reaches them; an end of file inside brackets only when
/// the parser error lies on a later line than the open bracket.
struct LexerFailure {
    enum Precedence {
        case overridesParser
        case whenReached
        case unclosedBracket(openedOnLine: Int32)
    }

    var diagnostic: Diagnostic
    var precedence: Precedence
    /// Index of the `.lexerError` token that ends the token array.
    var tokenIndex: Int
}

/// Turns UTF-8 source bytes into tokens, INDENT/DEDENT included, following CPython 3.11's tokenizer.
///
/// It works on bytes and never builds Strings; identifiers, numbers and strings are decoded later by the
/// parser from the byte offsets in each token. Bytes are read through `byte(at:)`, which returns 0 at and
/// past `end`, so a sub-range (an f-string expression) can be lexed in place. The source must not hold
/// NUL bytes (checked before lexing), which makes 0 mean "end".
struct Lexer {
    struct OpenBracket {
        var byte: UInt8
        var line: Int32
        var column: Int32
    }

    /// CPython's MAXLEVEL and MAXINDENT.
    static let maximumBracketDepth = 200
    static let maximumIndentationLevels = 100

    let text: UnsafeBufferPointer<UInt8>
    let end: Int
    /// True when lexing an f-string replacement field: everything is as if inside brackets.
    let insideFormattedString: Bool
    var cursor: Int
    var line: Int32
    var lineStart: Int
    /// Added to columns on the first line of an f-string expression, which starts mid-line.
    var lineColumnBase: Int32
    /// False once a byte >= 0x80 has been passed on the current line: columns then count scalars.
    var lineIsASCII = true
    var scalarCountCache: (offset: Int, column: Int32)
    var tokens: [Token] = []
    var brackets: [OpenBracket] = []
    var indents: [Int32] = [0]
    var alternateIndents: [Int32] = [0]
    var atLineStart = true
    var lineHasTokens = false
    var commentStart: Int?
    var failure: LexerFailure?

    /// Lexes `text[start..<end]`, which begins at `line`, `column`.
    init(text: UnsafeBufferPointer<UInt8>, start: Int = 0, end: Int, line: Int32 = 1, column: Int32 = 1,
         insideFormattedString: Bool = false) {
        self.text = text
        self.end = end
        self.cursor = start
        self.line = line
        self.lineStart = start
        self.lineColumnBase = column - 1
        self.scalarCountCache = (start, column)
        self.insideFormattedString = insideFormattedString
        self.atLineStart = !insideFormattedString
        tokens.reserveCapacity((end - start) / 3 + 8)
    }

    @inline(__always) func byte(at offset: Int) -> UInt8 {
        offset < end ? text[offset] : 0
    }

    /// The 1-based column of the byte at `offset` on the current line, counting Unicode scalars.
    @inline(__always) mutating func column(at offset: Int) -> Int32 {
        if lineIsASCII { return lineColumnBase + Int32(offset - lineStart) + 1 }
        return scalarColumn(at: offset)
    }

    private mutating func scalarColumn(at offset: Int) -> Int32 {
        var (position, column) = scalarCountCache
        if position < lineStart || position > offset {
            position = lineStart
            column = lineColumnBase + 1
        }
        while position < offset {
            if text[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        scalarCountCache = (offset, column)
        return column
    }

    mutating func startLine(at offset: Int) {
        line += 1
        lineStart = offset
        lineColumnBase = 0
        lineIsASCII = true
        scalarCountCache = (offset, 1)
    }

    /// Consumes a line break at `cursor` ("\n", "\r\n" or "\r") and starts the next line.
    mutating func consumeLineBreak() {
        if text[cursor] == UInt8(ascii: "\r"), byte(at: cursor + 1) == UInt8(ascii: "\n") { cursor += 1 }
        cursor += 1
        startLine(at: cursor)
    }

    mutating func append(_ kind: TokenKind, from start: Int, flags: UInt8 = 0, line startLine: Int32,
                         column startColumn: Int32) {
        let endColumn = column(at: cursor)
        tokens.append(Token(kind: kind, flags: flags, start: Int32(start), end: Int32(cursor),
                            line: startLine, column: startColumn, endLine: line, endColumn: endColumn))
        lineHasTokens = true
    }

    /// Appends a token that lies on the current line and spans `start..<cursor`.
    @inline(__always) mutating func appendOnLine(_ kind: TokenKind, from start: Int, flags: UInt8 = 0) {
        append(kind, from: start, flags: flags, line: line, column: column(at: start))
    }

    mutating func appendMarker(_ kind: TokenKind, offset: Int, location: SourceLocation) {
        tokens.append(Token(kind: kind, flags: 0, start: Int32(offset), end: Int32(offset), line: location.line,
                            column: location.column, endLine: location.line, endColumn: location.column))
    }

    /// Records the failure and ends the token array with a `.lexerError` token.
    mutating func fail(_ diagnostic: Diagnostic, _ precedence: LexerFailure.Precedence) {
        failure = LexerFailure(diagnostic: diagnostic, precedence: precedence, tokenIndex: tokens.count)
        appendMarker(.lexerError, offset: cursor, location: diagnostic.range.start)
    }

    /// A range of `length` scalars starting at `column` of the current line.
    func rangeOnLine(column: Int32, length: Int32 = 1) -> SourceRange {
        SourceRange(start: SourceLocation(line: line, column: column),
                    end: SourceLocation(line: line, column: column + length))
    }

    /// Tokenizes everything; stops early at the first error (see `failure`).
    mutating func tokenize() {
        while failure == nil {
            if atLineStart {
                atLineStart = false
                if !processIndentation() { continue }
                if failure != nil { return }
            }
            let c = byte(at: cursor)
            let before = cursor
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C:
                cursor += 1
            case UInt8(ascii: "#"):
                commentStart = cursor
                skipComment()
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                endLine()
            case UInt8(ascii: "\\"):
                lineContinuation()
            case 0 where cursor >= end:
                finish()
                return
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
                 0x80...0xFF:
                nameOrString()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                number()
            case UInt8(ascii: "."):
                let next = byte(at: cursor + 1)
                if next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9") {
                    number()
                } else if next == UInt8(ascii: "."), byte(at: cursor + 2) == UInt8(ascii: ".") {
                    let start = cursor
                    cursor += 3
                    appendOnLine(.ellipsis, from: start)
                } else {
                    let start = cursor
                    cursor += 1
                    appendOnLine(.dot, from: start)
                }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                string(start: cursor, flags: 0)
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                openBracket(c)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                closeBracket(c)
            default:
                operatorToken(c)
            }
            assert(cursor > before || failure != nil, "the lexer stalled")
        }
    }

    private mutating func skipComment() {
        while true {
            let c = byte(at: cursor)
            if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") || (c == 0 && cursor >= end) { return }
            if c >= 0x80 { lineIsASCII = false }
            cursor += 1
        }
    }

    /// A line break: NEWLINE outside brackets on a line with tokens, nothing otherwise.
    private mutating func endLine() {
        let newlineOffset = cursor
        if brackets.isEmpty && !insideFormattedString {
            let start = commentStart ?? newlineOffset
            let startColumn = column(at: start)
            let endColumn = column(at: newlineOffset)
            tokens.append(Token(kind: .newline, flags: 0, start: Int32(start), end: Int32(newlineOffset),
                                line: line, column: startColumn, endLine: line, endColumn: endColumn))
            lineHasTokens = false
            atLineStart = true
        }
        commentStart = nil
        consumeLineBreak()
    }

    /// `\` must end the line; the next line continues this one.
    private mutating func lineContinuation() {
        let next = byte(at: cursor + 1)
        if next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r") {
            cursor += 1
            consumeLineBreak()
            if cursor >= end { failEndOfFileAfterContinuation() }
            return
        }
        if next == 0 && cursor + 1 >= end {
            let location = SourceLocation(line: line, column: column(at: cursor) + 1)
            if !brackets.isEmpty {
                failUnclosedBracket()
            } else {
                fail(.unexpectedEndOfFile(SourceRange(start: location, end: location)), .whenReached)
            }
            return
        }
        // CPython points at the character after the backslash.
        if next >= 0x80 { lineIsASCII = false }
        let column = column(at: cursor + 1)
        fail(.lineContinuation(rangeOnLine(column: column)), .whenReached)
    }

    /// A backslash continued the last line of the file. CPython reports this just past the continued line.
    mutating func failEndOfFileAfterContinuation() {
        let lineLength = scalarCount(from: lastLineStart(before: cursor), to: cursor)
        let location = SourceLocation(line: line - 1, column: Int32(lineLength) + 1)
        fail(.unexpectedEndOfFile(SourceRange(start: location, end: location)), .whenReached)
    }

    /// The offset of the first line break ("\n" or "\r") at or after `offset`, or `end`.
    ///
    /// Comment lines make up much of many programs, so this skips them with `memchr`.
    func endOfLine(from offset: Int) -> Int {
        guard offset < end, let base = text.baseAddress else { return end }
        let newline = memchr(base + offset, Int32(UInt8(ascii: "\n")), end - offset)
        let stop = newline.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? end
        // A lone "\r" also ends a line; it is rare, so look for it only up to the "\n".
        if let carriageReturn = memchr(base + offset, Int32(UInt8(ascii: "\r")), stop - offset) {
            return UnsafePointer<UInt8>(carriageReturn.assumingMemoryBound(to: UInt8.self)) - base
        }
        return stop
    }

    /// The number of scalars in `text[start..<stop]`, line terminators excluded.
    func scalarCount(from start: Int, to stop: Int) -> Int {
        var count = 0
        var position = start
        while position < stop {
            let c = text[position]
            if c & 0xC0 != 0x80 && c != UInt8(ascii: "\n") && c != UInt8(ascii: "\r") { count += 1 }
            position += 1
        }
        return count
    }

    /// Start offset of the line that the line break just before `offset` ends.
    func lastLineStart(before offset: Int) -> Int {
        var position = offset - 1
        if position >= 0 && text[position] == UInt8(ascii: "\n") { position -= 1 }
        if position >= 0 && text[position] == UInt8(ascii: "\r") { position -= 1 }
        while position >= 0 && text[position] != UInt8(ascii: "\n") && text[position] != UInt8(ascii: "\r") {
            position -= 1
        }
        return position + 1
    }

    /// End of input: close the last line, dedent everything, ENDMARKER.
    private mutating func finish() {
        if insideFormattedString {
            appendMarker(.endMarker, offset: cursor, location: SourceLocation(line: line, column: column(at: cursor)))
            return
        }
        if !brackets.isEmpty {
            failUnclosedBracket()
            return
        }
        if lineHasTokens {
            let start = commentStart ?? cursor
            let startColumn = column(at: start)
            let endColumn = column(at: cursor)
            tokens.append(Token(kind: .newline, flags: 0, start: Int32(start), end: Int32(cursor),
                                line: line, column: startColumn, endLine: line, endColumn: endColumn))
        }
        let location = endOfFileLocation()
        while indents.count > 1 {
            indents.removeLast()
            appendMarker(.dedent, offset: cursor, location: location)
        }
        appendMarker(.endMarker, offset: cursor, location: location)
    }

    /// Where CPython places errors at the end of input: just past the last line read.
    private mutating func endOfFileLocation() -> SourceLocation {
        if cursor == lineStart && line > 1 {
            let start = lastLineStart(before: cursor)
            return SourceLocation(line: line - 1, column: Int32(scalarCount(from: start, to: cursor)) + 1)
        }
        return SourceLocation(line: line, column: column(at: cursor))
    }

    private mutating func failUnclosedBracket() {
        let open = brackets[brackets.count - 1]
        let location = SourceLocation(line: open.line, column: open.column)
        let range = SourceRange(start: location, end: SourceLocation(line: open.line, column: open.column + 1))
        fail(.neverClosed(Character(Unicode.Scalar(open.byte)), range), .unclosedBracket(openedOnLine: open.line))
    }

    private mutating func openBracket(_ c: UInt8) {
        let start = cursor
        let startColumn = column(at: start)
        if brackets.count >= Lexer.maximumBracketDepth {
            fail(.tooManyNestedParentheses(rangeOnLine(column: startColumn)), .overridesParser)
            return
        }
        brackets.append(OpenBracket(byte: c, line: line, column: startColumn))
        cursor += 1
        let kind: TokenKind = c == UInt8(ascii: "(") ? .leftParenthesis : c == UInt8(ascii: "[") ? .leftBracket : .leftBrace
        append(kind, from: start, line: line, column: startColumn)
    }

    private mutating func closeBracket(_ c: UInt8) {
        let start = cursor
        let startColumn = column(at: start)
        guard let open = brackets.last else {
            fail(.unmatchedBracket(Character(Unicode.Scalar(c)), rangeOnLine(column: startColumn)), .overridesParser)
            return
        }
        let expected: UInt8 = open.byte == UInt8(ascii: "(") ? UInt8(ascii: ")")
            : open.byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
        if c != expected {
            fail(.mismatchedBracket(Character(Unicode.Scalar(c)), Character(Unicode.Scalar(open.byte)),
                                    openingLine: open.line == line ? nil : open.line,
                                    rangeOnLine(column: startColumn)), .overridesParser)
            return
        }
        brackets.removeLast()
        cursor += 1
        let kind: TokenKind = c == UInt8(ascii: ")") ? .rightParenthesis
            : c == UInt8(ascii: "]") ? .rightBracket : .rightBrace
        append(kind, from: start, line: line, column: startColumn)
    }

    /// Operators and delimiters other than brackets and dots, longest match first.
    private mutating func operatorToken(_ c: UInt8) {
        let start = cursor
        let second = byte(at: cursor + 1)
        let third = byte(at: cursor + 2)
        let equal = UInt8(ascii: "=")
        /// `single`, or `withEqual` when '=' follows.
        func choose(_ single: TokenKind, _ withEqual: TokenKind) -> (TokenKind, Int) {
            second == equal ? (withEqual, 2) : (single, 1)
        }
        /// For `**`, `//`, `<<`, `>>`: the one-character, doubled and doubled-with-'=' forms.
        func chooseDoubled(_ single: TokenKind, _ singleEqual: TokenKind, _ doubled: TokenKind,
                           _ doubledEqual: TokenKind) -> (TokenKind, Int) {
            if second == c { return third == equal ? (doubledEqual, 3) : (doubled, 2) }
            return choose(single, singleEqual)
        }
        let (kind, length): (TokenKind, Int)
        switch c {
        case UInt8(ascii: "+"): (kind, length) = choose(.plus, .plusEqual)
        case UInt8(ascii: "-"): (kind, length) = second == UInt8(ascii: ">") ? (.arrow, 2) : choose(.minus, .minusEqual)
        case UInt8(ascii: "*"): (kind, length) = chooseDoubled(.star, .starEqual, .doubleStar, .doubleStarEqual)
        case UInt8(ascii: "/"): (kind, length) = chooseDoubled(.slash, .slashEqual, .doubleSlash, .doubleSlashEqual)
        case UInt8(ascii: "<"): (kind, length) = chooseDoubled(.less, .lessEqual, .leftShift, .leftShiftEqual)
        case UInt8(ascii: ">"): (kind, length) = chooseDoubled(.greater, .greaterEqual, .rightShift, .rightShiftEqual)
        case UInt8(ascii: "%"): (kind, length) = choose(.percent, .percentEqual)
        case UInt8(ascii: "@"): (kind, length) = choose(.at, .atEqual)
        case UInt8(ascii: "|"): (kind, length) = choose(.verticalBar, .verticalBarEqual)
        case UInt8(ascii: "^"): (kind, length) = choose(.circumflex, .circumflexEqual)
        case UInt8(ascii: "&"): (kind, length) = choose(.ampersand, .ampersandEqual)
        case UInt8(ascii: "="): (kind, length) = choose(.equal, .equalEqual)
        case UInt8(ascii: "!"): (kind, length) = choose(.unknownCharacter, .notEqual)
        case UInt8(ascii: ":"): (kind, length) = choose(.colon, .colonEqual)
        case UInt8(ascii: "~"): (kind, length) = (.tilde, 1)
        case UInt8(ascii: ","): (kind, length) = (.comma, 1)
        case UInt8(ascii: ";"): (kind, length) = (.semicolon, 1)
        default: (kind, length) = (.unknownCharacter, 1)
        }
        cursor += length
        appendOnLine(kind, from: start)
    }
}
