/// The kinds of token the lexer hands to the parser.
///
/// Keywords get their own kinds so the parser dispatches on one byte; soft keywords (`match`, `case`, `_`)
/// stay `.name`, as in CPython.
enum TokenKind: UInt8 {
    case endMarker, newline, indent, dedent
    case name, number, string
    /// A character no token starts with (`$`, `?`, `!`, a backtick): the parser rejects it as `invalid syntax`.
    case unknownCharacter
    /// Stands where the lexer stopped with a diagnostic; no rule accepts it.
    case lexerError

    case leftParenthesis, rightParenthesis, leftBracket, rightBracket, leftBrace, rightBrace
    case colon, comma, semicolon, dot, ellipsis, arrow, colonEqual, equal, at
    case plus, minus, star, slash, doubleSlash, percent, doubleStar, verticalBar, circumflex, ampersand
    case tilde, leftShift, rightShift
    case less, greater, lessEqual, greaterEqual, equalEqual, notEqual
    case plusEqual, minusEqual, starEqual, slashEqual, doubleSlashEqual, percentEqual, doubleStarEqual
    case atEqual, verticalBarEqual, circumflexEqual, ampersandEqual, leftShiftEqual, rightShiftEqual

    case keywordFalse, keywordNone, keywordTrue, keywordAnd, keywordAs, keywordAssert, keywordAsync
    case keywordAwait, keywordBreak, keywordClass, keywordContinue, keywordDef, keywordDel, keywordElif
    case keywordElse, keywordExcept, keywordFinally, keywordFor, keywordFrom, keywordGlobal, keywordIf
    case keywordImport, keywordIn, keywordIs, keywordLambda, keywordNonlocal, keywordNot, keywordOr
    case keywordPass, keywordRaise, keywordReturn, keywordTry, keywordWhile, keywordWith, keywordYield

    /// The augmented-assignment operator this token spells, if it is one (`+=` -> `.add`).
    var augmentedOperator: BinaryOperator? {
        switch self {
        case .plusEqual: .add
        case .minusEqual: .subtract
        case .starEqual: .multiply
        case .slashEqual: .trueDivide
        case .doubleSlashEqual: .floorDivide
        case .percentEqual: .modulo
        case .doubleStarEqual: .power
        case .atEqual: .matrixMultiply
        case .verticalBarEqual: .bitOr
        case .circumflexEqual: .bitXor
        case .ampersandEqual: .bitAnd
        case .leftShiftEqual: .leftShift
        case .rightShiftEqual: .rightShift
        default: nil
        }
    }

    /// Whether no expression can continue past an atom when this token follows it (the parser's fast path
    /// for lone names and numbers relies on it).
    var endsExpression: Bool {
        switch self {
        case .comma, .rightParenthesis, .rightBracket, .rightBrace, .colon, .equal, .newline, .semicolon,
             .keywordFor, .endMarker, .plusEqual, .minusEqual, .starEqual, .slashEqual, .doubleSlashEqual,
             .percentEqual, .doubleStarEqual, .atEqual, .verticalBarEqual, .circumflexEqual, .ampersandEqual,
             .leftShiftEqual, .rightShiftEqual:
            true
        default:
            false
        }
    }

    /// Whether an expression can start with this token (used by the "forgot a comma?" hint).
    var canStartExpression: Bool {
        switch self {
        case .name, .number, .string, .leftParenthesis, .leftBracket, .leftBrace, .ellipsis, .plus, .minus,
             .tilde, .keywordNot, .keywordLambda, .keywordAwait, .keywordNone, .keywordTrue, .keywordFalse:
            true
        default:
            false
        }
    }
}

/// One token: its kind and where it lies, both as byte offsets into the source and as line/column.
///
/// Columns are 1-based and count Unicode scalars. An INDENT's column is the number of indentation
/// characters, which is where CPython reports "unexpected indent".
struct Token {
    var kind: TokenKind
    /// For `.number` and `.string` tokens: `NumberFlags` or `StringFlags` bits.
    var flags: UInt8
    var start: Int32
    var end: Int32
    var line: Int32
    var column: Int32
    var endLine: Int32
    var endColumn: Int32

    var startLocation: SourceLocation { SourceLocation(line: line, column: column) }
    var endLocation: SourceLocation { SourceLocation(line: endLine, column: endColumn) }
    var range: SourceRange { SourceRange(start: startLocation, end: endLocation) }
}

/// What the lexer learned about a number token while validating it.
enum NumberFlags {
    static let float: UInt8 = 1
    static let imaginary: UInt8 = 2
    /// `0x`, `0o` or `0b`: the radix follows from the second character.
    static let prefixedRadix: UInt8 = 4
}

/// String-literal prefixes and quoting, as seen by the lexer.
enum StringFlags {
    static let raw: UInt8 = 1
    static let formatted: UInt8 = 2
    static let bytes: UInt8 = 4
    static let triple: UInt8 = 8
}
