/// Every diagnostic sal's front end can report: the stable ids, then one constructor per message.
///
/// Both lists are sorted. Messages of diagnostics with a `pythonType` are CPython 3.11's, word for word;
/// `Grammar/diagnostic-cases.txt` holds an example of each and `Grammar/check-diagnostic-cases.py`
/// checks them against `python3`.

/// The stable identifier of a diagnostic. The prefix names the family: `syntax`, `indentation` (CPython's
/// parser and tokenizer), `compile` (CPython's later compile passes), `unsupported` and `sandbox`
/// (constructs sal refuses), `limit` (resource limits of the parser).
public enum DiagnosticID: String, Sendable, CaseIterable {
    case asyncForOutsideAsyncFunction = "compile.async-for-outside-async-function"
    case asyncWithOutsideAsyncFunction = "compile.async-with-outside-async-function"
    case awaitOutsideAsyncFunction = "compile.await-outside-async-function"
    case awaitOutsideFunction = "compile.await-outside-function"
    case breakOutsideLoop = "compile.break-outside-loop"
    case continueOutsideLoop = "compile.continue-outside-loop"
    case defaultExceptNotLast = "compile.default-except-not-last"
    case duplicateArgument = "compile.duplicate-argument"
    case keywordArgumentRepeated = "compile.keyword-argument-repeated"
    case multipleStarredTargets = "compile.multiple-starred-targets"
    case returnOutsideFunction = "compile.return-outside-function"
    case starredNotAllowed = "compile.starred-not-allowed"
    case starredTargetOutsideSequence = "compile.starred-target-outside-sequence"
    case yieldOutsideFunction = "compile.yield-outside-function"
    case expectedIndentedBlock = "indentation.expected-block"
    case inconsistentTabs = "indentation.inconsistent-tabs"
    case tooManyIndentationLevels = "indentation.too-deep"
    case unexpectedIndent = "indentation.unexpected-indent"
    case unexpectedUnindent = "indentation.unexpected-unindent"
    case unindentMismatch = "indentation.unindent-mismatch"
    case nestingTooDeep = "limit.nesting-too-deep"
    case sourceTooLarge = "limit.source-too-large"
    case forbiddenName = "sandbox.forbidden-name"
    case privateAttribute = "sandbox.private-attribute"
    case annotatedMultipleTargets = "syntax.annotated-multiple-targets"
    case assignmentInArgument = "syntax.assignment-in-argument"
    case bareStar = "syntax.bare-star"
    case cannotAssign = "syntax.cannot-assign"
    case cannotAssignMaybeComparison = "syntax.cannot-assign-maybe-comparison"
    case cannotDelete = "syntax.cannot-delete"
    case comprehensionTargetParentheses = "syntax.comprehension-target-parentheses"
    case dictionaryKeyWithoutColon = "syntax.dict-key-without-colon"
    case dictionaryKeyWithoutValue = "syntax.dict-key-without-value"
    case dictionaryUnpackingInComprehension = "syntax.dict-unpacking-in-comprehension"
    case doubleStarredInGroup = "syntax.double-starred-in-group"
    case expectedColon = "syntax.expected-colon"
    case expectedDefaultValue = "syntax.expected-default-value"
    case expectedElse = "syntax.expected-else"
    case expectedExceptOrFinally = "syntax.expected-except-or-finally"
    case expectedOpeningParenthesis = "syntax.expected-opening-parenthesis"
    case formattedStringBackslash = "syntax.f-string-backslash"
    case formattedStringComment = "syntax.f-string-comment"
    case formattedStringEmptyExpression = "syntax.f-string-empty-expression"
    case formattedStringExpectingBrace = "syntax.f-string-expecting-brace"
    case formattedStringInvalidConversion = "syntax.f-string-invalid-conversion"
    case formattedStringMismatchedBracket = "syntax.f-string-mismatched-bracket"
    case formattedStringMissingExpression = "syntax.f-string-missing-expression"
    case formattedStringNestedTooDeeply = "syntax.f-string-nested-too-deeply"
    case formattedStringSingleClosingBrace = "syntax.f-string-single-closing-brace"
    case formattedStringTooManyBrackets = "syntax.f-string-too-many-brackets"
    case formattedStringUnmatchedBracket = "syntax.f-string-unmatched-bracket"
    case formattedStringUnterminatedString = "syntax.f-string-unterminated-string"
    case illegalAnnotationTarget = "syntax.illegal-annotation-target"
    case illegalAugmentedTarget = "syntax.illegal-augmented-target"
    case importTrailingComma = "syntax.import-trailing-comma"
    case integerLiteralTooLong = "syntax.integer-literal-too-long"
    case invalidCharacter = "syntax.invalid-character"
    case invalidDigit = "syntax.invalid-digit"
    case invalidEscape = "syntax.invalid-escape"
    case invalidNonPrintableCharacter = "syntax.invalid-non-printable-character"
    case invalidNumberLiteral = "syntax.invalid-number-literal"
    case invalidSyntax = "syntax.invalid-syntax"
    case invalidUTF8 = "syntax.invalid-utf8"
    case iterableUnpackingAfterKeywordUnpacking = "syntax.iterable-unpacking-after-keyword-unpacking"
    case leadingZeros = "syntax.leading-zeros"
    case lineContinuation = "syntax.line-continuation"
    case maybeComparisonOrWalrus = "syntax.maybe-comparison-or-walrus"
    case mismatchedBracket = "syntax.mismatched-bracket"
    case missingComma = "syntax.missing-comma"
    case missingParenthesesInCall = "syntax.missing-parentheses-in-call"
    case mixedBytesLiterals = "syntax.mixed-bytes-literals"
    case namedExpressionTarget = "syntax.named-expression-target"
    case neverClosed = "syntax.never-closed"
    case nonDefaultAfterDefault = "syntax.non-default-after-default"
    case nullByte = "syntax.null-byte"
    case parameterAfterVarKeyword = "syntax.parameter-after-var-keyword"
    case parenthesizedParameters = "syntax.parenthesized-parameters"
    case positionalAfterKeyword = "syntax.positional-after-keyword"
    case positionalAfterKeywordUnpacking = "syntax.positional-after-keyword-unpacking"
    case slashAfterStar = "syntax.slash-after-star"
    case slashTwice = "syntax.slash-twice"
    case slashWithoutParameters = "syntax.slash-without-parameters"
    case starTwice = "syntax.star-twice"
    case starredDictionaryValue = "syntax.starred-dict-value"
    case starredInGroup = "syntax.starred-in-group"
    case tooManyNestedParentheses = "syntax.too-many-nested-parentheses"
    case unexpectedEndOfFile = "syntax.unexpected-eof"
    case unmatchedBracket = "syntax.unmatched-bracket"
    case unpackingInComprehension = "syntax.unpacking-in-comprehension"
    case unparenthesizedExceptionTypes = "syntax.unparenthesized-exception-types"
    case unparenthesizedGenerator = "syntax.unparenthesized-generator"
    case unterminatedString = "syntax.unterminated-string"
    case unterminatedTripleQuotedString = "syntax.unterminated-triple-quoted-string"
    case varKeywordDefault = "syntax.var-keyword-default"
    case varPositionalDefault = "syntax.var-positional-default"
    case unsupportedAsync = "unsupported.async"
    case unsupportedBytesLiteral = "unsupported.bytes-literal"
    case unsupportedClass = "unsupported.class"
    case unsupportedComplexLiteral = "unsupported.complex-literal"
    case unsupportedDecorator = "unsupported.decorator"
    case unsupportedExceptionGroup = "unsupported.exception-group"
    case unsupportedMatch = "unsupported.match"
    case unsupportedNamedUnicodeEscape = "unsupported.named-unicode-escape"
    case unsupportedWith = "unsupported.with"
    case unsupportedYield = "unsupported.yield"
}

extension Diagnostic {
    /// CPython writes code points as at least four upper-case hex digits.
    @inline(never) private static func hexadecimal(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    @inline(never) private static func indentation(_ id: DiagnosticID, _ message: String, _ range: SourceRange) -> Diagnostic {
        Diagnostic(id: id, message: message, range: range, pythonType: PythonErrorType.indentationError)
    }

    @inline(never) private static func salOnly(_ id: DiagnosticID, _ message: String, _ range: SourceRange) -> Diagnostic {
        Diagnostic(id: id, message: message, range: range, pythonType: nil)
    }

    @inline(never) private static func syntax(_ id: DiagnosticID, _ message: String, _ range: SourceRange) -> Diagnostic {
        Diagnostic(id: id, message: message, range: range, pythonType: PythonErrorType.syntaxError)
    }

    @inline(never) static func annotatedMultipleTargets(_ kind: String, _ range: SourceRange) -> Diagnostic {
        syntax(.annotatedMultipleTargets, "only single target (not \(kind)) can be annotated", range)
    }

    @inline(never) static func assignmentInArgument(_ range: SourceRange) -> Diagnostic {
        syntax(.assignmentInArgument, "expression cannot contain assignment, perhaps you meant \"==\"?", range)
    }

    @inline(never) static func asyncForOutsideAsyncFunction(_ range: SourceRange) -> Diagnostic {
        syntax(.asyncForOutsideAsyncFunction, "'async for' outside async function", range)
    }

    @inline(never) static func asyncWithOutsideAsyncFunction(_ range: SourceRange) -> Diagnostic {
        syntax(.asyncWithOutsideAsyncFunction, "'async with' outside async function", range)
    }

    @inline(never) static func awaitOutsideAsyncFunction(_ range: SourceRange) -> Diagnostic {
        syntax(.awaitOutsideAsyncFunction, "'await' outside async function", range)
    }

    @inline(never) static func awaitOutsideFunction(_ range: SourceRange) -> Diagnostic {
        syntax(.awaitOutsideFunction, "'await' outside function", range)
    }

    @inline(never) static func bareStar(_ range: SourceRange) -> Diagnostic {
        syntax(.bareStar, "named arguments must follow bare *", range)
    }

    @inline(never) static func breakOutsideLoop(_ range: SourceRange) -> Diagnostic {
        syntax(.breakOutsideLoop, "'break' outside loop", range)
    }

    @inline(never) static func cannotAssign(_ kind: String, _ range: SourceRange) -> Diagnostic {
        syntax(.cannotAssign, "cannot assign to \(kind)", range)
    }

    @inline(never) static func cannotAssignMaybeComparison(_ kind: String, _ range: SourceRange) -> Diagnostic {
        syntax(.cannotAssignMaybeComparison, "cannot assign to \(kind) here. Maybe you meant '==' instead of '='?", range)
    }

    @inline(never) static func cannotDelete(_ kind: String, _ range: SourceRange) -> Diagnostic {
        syntax(.cannotDelete, "cannot delete \(kind)", range)
    }

    @inline(never) static func comprehensionTargetParentheses(_ range: SourceRange) -> Diagnostic {
        syntax(.comprehensionTargetParentheses, "did you forget parentheses around the comprehension target?", range)
    }

    @inline(never) static func continueOutsideLoop(_ range: SourceRange) -> Diagnostic {
        syntax(.continueOutsideLoop, "'continue' not properly in loop", range)
    }

    @inline(never) static func defaultExceptNotLast(_ range: SourceRange) -> Diagnostic {
        syntax(.defaultExceptNotLast, "default 'except:' must be last", range)
    }

    @inline(never) static func dictionaryKeyWithoutColon(_ range: SourceRange) -> Diagnostic {
        syntax(.dictionaryKeyWithoutColon, "':' expected after dictionary key", range)
    }

    @inline(never) static func dictionaryKeyWithoutValue(_ range: SourceRange) -> Diagnostic {
        syntax(.dictionaryKeyWithoutValue, "expression expected after dictionary key and ':'", range)
    }

    @inline(never) static func dictionaryUnpackingInComprehension(_ range: SourceRange) -> Diagnostic {
        syntax(.dictionaryUnpackingInComprehension, "dict unpacking cannot be used in dict comprehension", range)
    }

    @inline(never) static func doubleStarredInGroup(_ range: SourceRange) -> Diagnostic {
        syntax(.doubleStarredInGroup, "cannot use double starred expression here", range)
    }

    @inline(never) static func duplicateArgument(_ name: String, _ range: SourceRange) -> Diagnostic {
        syntax(.duplicateArgument, "duplicate argument '\(name)' in function definition", range)
    }

    @inline(never) static func expectedColon(_ range: SourceRange) -> Diagnostic {
        syntax(.expectedColon, "expected ':'", range)
    }

    @inline(never) static func expectedDefaultValue(_ range: SourceRange) -> Diagnostic {
        syntax(.expectedDefaultValue, "expected default value expression", range)
    }

    @inline(never) static func expectedElse(_ range: SourceRange) -> Diagnostic {
        syntax(.expectedElse, "expected 'else' after 'if' expression", range)
    }

    @inline(never) static func expectedExceptOrFinally(_ range: SourceRange) -> Diagnostic {
        syntax(.expectedExceptOrFinally, "expected 'except' or 'finally' block", range)
    }

    /// `construct` reads like CPython's: "'if' statement", "function definition"; nil for a bare block.
    @inline(never) static func expectedIndentedBlock(after construct: String?, line: Int32, _ range: SourceRange) -> Diagnostic {
        guard let construct else { return indentation(.expectedIndentedBlock, "expected an indented block", range) }
        return indentation(.expectedIndentedBlock, "expected an indented block after \(construct) on line \(line)", range)
    }

    @inline(never) static func expectedOpeningParenthesis(_ range: SourceRange) -> Diagnostic {
        syntax(.expectedOpeningParenthesis, "expected '('", range)
    }

    @inline(never) static func forbiddenName(_ name: String, _ range: SourceRange) -> Diagnostic {
        salOnly(.forbiddenName, "sal does not allow the name '\(name)'", range)
    }

    @inline(never) static func formattedStringBackslash(_ range: SourceRange) -> Diagnostic {
        syntax(.formattedStringBackslash, "f-string expression part cannot include a backslash", range)
    }

    @inline(never) static func formattedStringComment(_ range: SourceRange) -> Diagnostic {
        syntax(.formattedStringComment, "f-string expression part cannot include '#'", range)
    }

    @inline(never) static func formattedStringEmptyExpression(_ range: SourceRange) -> Diagnostic {
        syntax(.formattedStringEmptyExpression, "f-string: empty expression not allowed", range)
    }

    @inline(never) static func formattedStringExpectingBrace(_ range: SourceRange) -> Diagnostic {
        syntax(.formattedStringExpectingBrace, "f-string: expecting '}'", range)
    }

    @inline(never) static func formattedStringInvalidConversion(_ range: SourceRange) -> Diagnostic {
        syntax(.formattedStringInvalidConversion,
               "f-string: invalid conversion character: expected 's', 'r', or 'a'", range)
    }

    @inline(never) static func formattedStringMismatchedBracket(_ closing: Character, _ opening: Character, _ range: SourceRange) -> Diagnostic {
        syntax(.formattedStringMismatchedBracket,
               "f-string: closing parenthesis '\(closing)' does not match opening parenthesis '\(opening)'", range)
    }

    @inline(never) static func formattedStringMissingExpression(before character: Character, _ range: SourceRange) -> Diagnostic {
        syntax(.formattedStringMissingExpression, "f-string: expression required before '\(character)'", range)
    }

    @inline(never) static func formattedStringNestedTooDeeply(_ range: SourceRange) -> Diagnostic {
        syntax(.formattedStringNestedTooDeeply, "f-string: expressions nested too deeply", range)
    }

    @inline(never) static func formattedStringSingleClosingBrace(_ range: SourceRange) -> Diagnostic {
        syntax(.formattedStringSingleClosingBrace, "f-string: single '}' is not allowed", range)
    }

    @inline(never) static func formattedStringTooManyBrackets(_ range: SourceRange) -> Diagnostic {
        syntax(.formattedStringTooManyBrackets, "f-string: too many nested parenthesis", range)
    }

    @inline(never) static func formattedStringUnmatchedBracket(_ bracket: Character, _ range: SourceRange) -> Diagnostic {
        syntax(.formattedStringUnmatchedBracket, "f-string: unmatched '\(bracket)'", range)
    }

    @inline(never) static func formattedStringUnterminatedString(_ range: SourceRange) -> Diagnostic {
        syntax(.formattedStringUnterminatedString, "f-string: unterminated string", range)
    }

    @inline(never) static func illegalAnnotationTarget(_ range: SourceRange) -> Diagnostic {
        syntax(.illegalAnnotationTarget, "illegal target for annotation", range)
    }

    @inline(never) static func illegalAugmentedTarget(_ kind: String, _ range: SourceRange) -> Diagnostic {
        syntax(.illegalAugmentedTarget, "'\(kind)' is an illegal expression for augmented assignment", range)
    }

    @inline(never) static func importTrailingComma(_ range: SourceRange) -> Diagnostic {
        syntax(.importTrailingComma, "trailing comma not allowed without surrounding parentheses", range)
    }

    @inline(never) static func inconsistentTabs(_ range: SourceRange) -> Diagnostic {
        Diagnostic(id: .inconsistentTabs, message: "inconsistent use of tabs and spaces in indentation",
                   range: range, pythonType: PythonErrorType.tabError)
    }

    @inline(never) static func invalidCharacter(_ scalar: Unicode.Scalar, _ range: SourceRange) -> Diagnostic {
        syntax(.invalidCharacter, "invalid character '\(Character(scalar))' (U+\(hexadecimal(scalar)))", range)
    }

    @inline(never) static func invalidDigit(_ digit: UInt8, in kind: String, _ range: SourceRange) -> Diagnostic {
        syntax(.invalidDigit, "invalid digit '\(Character(Unicode.Scalar(digit)))' in \(kind) literal", range)
    }

    /// `position` is CPython's "0-1" span of the escape within the literal's text.
    @inline(never) static func invalidEscape(position: String, _ reason: String, _ range: SourceRange) -> Diagnostic {
        syntax(.invalidEscape, "(unicode error) 'unicodeescape' codec can't decode bytes in position \(position): \(reason)",
               range)
    }

    @inline(never) static func invalidNonPrintableCharacter(_ scalar: Unicode.Scalar, _ range: SourceRange) -> Diagnostic {
        syntax(.invalidNonPrintableCharacter, "invalid non-printable character U+\(hexadecimal(scalar))", range)
    }

    /// `kind` is "decimal", "hexadecimal", "octal", "binary" or "imaginary".
    /// CPython 3.11 refuses to convert more than 4300 decimal digits, literals included.
    @inline(never) static func integerLiteralTooLong(digits: Int, _ range: SourceRange) -> Diagnostic {
        syntax(.integerLiteralTooLong, "Exceeds the limit (4300 digits) for integer string conversion: value has \(digits) digits; "
               + "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals "
               + "to avoid decimal conversion limits.", range)
    }

    @inline(never) static func invalidNumberLiteral(_ kind: String, _ range: SourceRange) -> Diagnostic {
        syntax(.invalidNumberLiteral, "invalid \(kind) literal", range)
    }

    @inline(never) static func invalidSyntax(_ range: SourceRange) -> Diagnostic {
        syntax(.invalidSyntax, "invalid syntax", range)
    }

    @inline(never) static func invalidUTF8(_ byte: UInt8, reason: String, _ range: SourceRange) -> Diagnostic {
        let hex = String(byte, radix: 16)
        return syntax(.invalidUTF8,
                      "(unicode error) 'utf-8' codec can't decode byte 0x\(hex.count == 1 ? "0" + hex : hex): \(reason)",
                      range)
    }

    @inline(never) static func iterableUnpackingAfterKeywordUnpacking(_ range: SourceRange) -> Diagnostic {
        syntax(.iterableUnpackingAfterKeywordUnpacking,
               "iterable argument unpacking follows keyword argument unpacking", range)
    }

    @inline(never) static func keywordArgumentRepeated(_ name: String, _ range: SourceRange) -> Diagnostic {
        syntax(.keywordArgumentRepeated, "keyword argument repeated: \(name)", range)
    }

    @inline(never) static func leadingZeros(_ range: SourceRange) -> Diagnostic {
        syntax(.leadingZeros,
               "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
               range)
    }

    @inline(never) static func lineContinuation(_ range: SourceRange) -> Diagnostic {
        syntax(.lineContinuation, "unexpected character after line continuation character", range)
    }

    @inline(never) static func maybeComparisonOrWalrus(_ range: SourceRange) -> Diagnostic {
        syntax(.maybeComparisonOrWalrus, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", range)
    }

    /// `openingLine` is given when the brackets lie on different lines, as CPython then names the line.
    @inline(never) static func mismatchedBracket(_ closing: Character, _ opening: Character, openingLine: Int32?,
                                  _ range: SourceRange) -> Diagnostic {
        var message = "closing parenthesis '\(closing)' does not match opening parenthesis '\(opening)'"
        if let openingLine { message += " on line \(openingLine)" }
        return syntax(.mismatchedBracket, message, range)
    }

    @inline(never) static func missingComma(_ range: SourceRange) -> Diagnostic {
        syntax(.missingComma, "invalid syntax. Perhaps you forgot a comma?", range)
    }

    @inline(never) static func missingParenthesesInCall(_ name: String, _ range: SourceRange) -> Diagnostic {
        syntax(.missingParenthesesInCall, "Missing parentheses in call to '\(name)'. Did you mean \(name)(...)?", range)
    }

    @inline(never) static func mixedBytesLiterals(_ range: SourceRange) -> Diagnostic {
        syntax(.mixedBytesLiterals, "cannot mix bytes and nonbytes literals", range)
    }

    @inline(never) static func multipleStarredTargets(_ range: SourceRange) -> Diagnostic {
        syntax(.multipleStarredTargets, "multiple starred expressions in assignment", range)
    }

    @inline(never) static func namedExpressionTarget(_ kind: String, _ range: SourceRange) -> Diagnostic {
        syntax(.namedExpressionTarget, "cannot use assignment expressions with \(kind)", range)
    }

    @inline(never) static func nestingTooDeep(limit: Int, _ range: SourceRange) -> Diagnostic {
        salOnly(.nestingTooDeep, "expression nested too deeply: sal's parser allows \(limit) levels", range)
    }

    @inline(never) static func neverClosed(_ bracket: Character, _ range: SourceRange) -> Diagnostic {
        syntax(.neverClosed, "'\(bracket)' was never closed", range)
    }

    @inline(never) static func nonDefaultAfterDefault(_ range: SourceRange) -> Diagnostic {
        syntax(.nonDefaultAfterDefault, "non-default argument follows default argument", range)
    }


    @inline(never) static func nullByte(_ range: SourceRange) -> Diagnostic {
        syntax(.nullByte, "source code string cannot contain null bytes", range)
    }

    @inline(never) static func parameterAfterVarKeyword(_ range: SourceRange) -> Diagnostic {
        syntax(.parameterAfterVarKeyword, "arguments cannot follow var-keyword argument", range)
    }

    /// `owner` is "Function" or "Lambda expression".
    @inline(never) static func parenthesizedParameters(_ owner: String, _ range: SourceRange) -> Diagnostic {
        syntax(.parenthesizedParameters, "\(owner) parameters cannot be parenthesized", range)
    }

    @inline(never) static func positionalAfterKeyword(_ range: SourceRange) -> Diagnostic {
        syntax(.positionalAfterKeyword, "positional argument follows keyword argument", range)
    }

    @inline(never) static func positionalAfterKeywordUnpacking(_ range: SourceRange) -> Diagnostic {
        syntax(.positionalAfterKeywordUnpacking, "positional argument follows keyword argument unpacking", range)
    }

    @inline(never) static func privateAttribute(_ name: String, _ range: SourceRange) -> Diagnostic {
        salOnly(.privateAttribute, "sal does not allow attribute names that begin with '_': '\(name)'", range)
    }

    @inline(never) static func returnOutsideFunction(_ range: SourceRange) -> Diagnostic {
        syntax(.returnOutsideFunction, "'return' outside function", range)
    }

    @inline(never) static func slashAfterStar(_ range: SourceRange) -> Diagnostic {
        syntax(.slashAfterStar, "/ must be ahead of *", range)
    }

    @inline(never) static func slashTwice(_ range: SourceRange) -> Diagnostic {
        syntax(.slashTwice, "/ may appear only once", range)
    }

    @inline(never) static func slashWithoutParameters(_ range: SourceRange) -> Diagnostic {
        syntax(.slashWithoutParameters, "at least one argument must precede /", range)
    }

    @inline(never) static func sourceTooLarge(limit: Int, _ range: SourceRange) -> Diagnostic {
        salOnly(.sourceTooLarge, "source text larger than sal's limit of \(limit) bytes", range)
    }

    @inline(never) static func starredDictionaryValue(_ range: SourceRange) -> Diagnostic {
        syntax(.starredDictionaryValue, "cannot use a starred expression in a dictionary value", range)
    }

    @inline(never) static func starredInGroup(_ range: SourceRange) -> Diagnostic {
        syntax(.starredInGroup, "cannot use starred expression here", range)
    }

    @inline(never) static func starredNotAllowed(_ range: SourceRange) -> Diagnostic {
        syntax(.starredNotAllowed, "can't use starred expression here", range)
    }

    @inline(never) static func starredTargetOutsideSequence(_ range: SourceRange) -> Diagnostic {
        syntax(.starredTargetOutsideSequence, "starred assignment target must be in a list or tuple", range)
    }

    @inline(never) static func starTwice(_ range: SourceRange) -> Diagnostic {
        syntax(.starTwice, "* argument may appear only once", range)
    }

    @inline(never) static func tooManyIndentationLevels(_ range: SourceRange) -> Diagnostic {
        indentation(.tooManyIndentationLevels, "too many levels of indentation", range)
    }

    @inline(never) static func tooManyNestedParentheses(_ range: SourceRange) -> Diagnostic {
        syntax(.tooManyNestedParentheses, "too many nested parentheses", range)
    }

    @inline(never) static func unexpectedEndOfFile(_ range: SourceRange) -> Diagnostic {
        syntax(.unexpectedEndOfFile, "unexpected EOF while parsing", range)
    }

    @inline(never) static func unexpectedIndent(_ range: SourceRange) -> Diagnostic {
        indentation(.unexpectedIndent, "unexpected indent", range)
    }

    @inline(never) static func unexpectedUnindent(_ range: SourceRange) -> Diagnostic {
        indentation(.unexpectedUnindent, "unexpected unindent", range)
    }

    @inline(never) static func unindentMismatch(_ range: SourceRange) -> Diagnostic {
        indentation(.unindentMismatch, "unindent does not match any outer indentation level", range)
    }

    @inline(never) static func unmatchedBracket(_ bracket: Character, _ range: SourceRange) -> Diagnostic {
        syntax(.unmatchedBracket, "unmatched '\(bracket)'", range)
    }

    @inline(never) static func unpackingInComprehension(_ range: SourceRange) -> Diagnostic {
        syntax(.unpackingInComprehension, "iterable unpacking cannot be used in comprehension", range)
    }

    @inline(never) static func unparenthesizedExceptionTypes(_ range: SourceRange) -> Diagnostic {
        syntax(.unparenthesizedExceptionTypes, "multiple exception types must be parenthesized", range)
    }

    @inline(never) static func unparenthesizedGenerator(_ range: SourceRange) -> Diagnostic {
        syntax(.unparenthesizedGenerator, "Generator expression must be parenthesized", range)
    }

    @inline(never) static func unsupportedAsync(_ range: SourceRange) -> Diagnostic {
        salOnly(.unsupportedAsync, "sal does not support 'async' functions, loops or 'with' statements", range)
    }

    @inline(never) static func unsupportedBytesLiteral(_ range: SourceRange) -> Diagnostic {
        salOnly(.unsupportedBytesLiteral, "sal does not support bytes literals", range)
    }

    @inline(never) static func unsupportedClass(_ range: SourceRange) -> Diagnostic {
        salOnly(.unsupportedClass, "sal does not support class definitions", range)
    }

    @inline(never) static func unsupportedComplexLiteral(_ range: SourceRange) -> Diagnostic {
        salOnly(.unsupportedComplexLiteral, "sal does not support complex (imaginary) literals", range)
    }

    @inline(never) static func unsupportedDecorator(_ range: SourceRange) -> Diagnostic {
        salOnly(.unsupportedDecorator, "sal does not support decorators", range)
    }

    @inline(never) static func unsupportedExceptionGroup(_ range: SourceRange) -> Diagnostic {
        salOnly(.unsupportedExceptionGroup, "sal does not support 'except*' (exception groups)", range)
    }

    @inline(never) static func unsupportedMatch(_ range: SourceRange) -> Diagnostic {
        salOnly(.unsupportedMatch, "sal does not support 'match' statements", range)
    }

    @inline(never) static func unsupportedNamedUnicodeEscape(_ range: SourceRange) -> Diagnostic {
        salOnly(.unsupportedNamedUnicodeEscape, "sal does not support \\N{...} escapes in string literals", range)
    }

    @inline(never) static func unsupportedWith(_ range: SourceRange) -> Diagnostic {
        salOnly(.unsupportedWith, "sal does not support 'with' statements", range)
    }

    @inline(never) static func unsupportedYield(_ range: SourceRange) -> Diagnostic {
        salOnly(.unsupportedYield, "sal does not support 'yield' (generator functions)", range)
    }

    @inline(never) static func unterminatedString(detectedAt line: Int32, _ range: SourceRange) -> Diagnostic {
        syntax(.unterminatedString, "unterminated string literal (detected at line \(line))", range)
    }

    @inline(never) static func unterminatedTripleQuotedString(detectedAt line: Int32, _ range: SourceRange) -> Diagnostic {
        syntax(.unterminatedTripleQuotedString,
               "unterminated triple-quoted string literal (detected at line \(line))", range)
    }

    @inline(never) static func varKeywordDefault(_ range: SourceRange) -> Diagnostic {
        syntax(.varKeywordDefault, "var-keyword argument cannot have default value", range)
    }

    @inline(never) static func varPositionalDefault(_ range: SourceRange) -> Diagnostic {
        syntax(.varPositionalDefault, "var-positional argument cannot have default value", range)
    }

    @inline(never) static func yieldOutsideFunction(_ range: SourceRange) -> Diagnostic {
        syntax(.yieldOutsideFunction, "'yield' outside function", range)
    }
}
