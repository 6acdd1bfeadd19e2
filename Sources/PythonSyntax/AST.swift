/// The abstract syntax tree of sal's Python subset.
///
/// It mirrors CPython's `ast` module for the constructs sal supports, so that `Grammar/python-subset.peg`,
/// the parser and the compiler can be read side by side with Python's own documentation. Rejected
/// constructs never reach the tree: the parser reports them as diagnostics.

/// A position in source text. `line` is 1-based; `column` is 1-based and counts Unicode scalars.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int32
    public var column: Int32

    public init(line: Int32, column: Int32) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open range of source text.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    public var description: String { "\(start)-\(end)" }
}

/// A whole program.
public struct Module: Sendable {
    public var body: [Statement]

    public init(body: [Statement]) {
        self.body = body
    }
}

public struct Statement: Sendable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public indirect enum Kind: Sendable {
        case expression(Expression)
        /// `a = b = value`: targets in source order.
        case assign(targets: [Expression], value: Expression)
        case augmentedAssign(target: Expression, op: BinaryOperator, value: Expression)
        /// `x: int = 5`; the annotation is parsed and then ignored by the runtime.
        case annotatedAssign(target: Expression, annotation: Expression, value: Expression?)
        case `if`(test: Expression, body: [Statement], orElse: [Statement])
        case `while`(test: Expression, body: [Statement], orElse: [Statement])
        case `for`(target: Expression, iterable: Expression, body: [Statement], orElse: [Statement])
        case functionDefinition(FunctionDefinition)
        case `return`(Expression?)
        case `break`
        case `continue`
        case pass
        case `try`(body: [Statement], handlers: [ExceptHandler], orElse: [Statement], finally: [Statement])
        case raise(exception: Expression?, cause: Expression?)
        case assert(test: Expression, message: Expression?)
        case delete([Expression])
        case global([String])
        case nonlocal([String])
        /// `import a.b as c, d`
        case `import`([ImportAlias])
        /// `from module import names`; `names` is empty for `from module import *`.
        case importFrom(module: String, names: [ImportAlias], level: Int)
    }
}

public struct ImportAlias: Sendable {
    /// Dotted name, e.g. `os.path` or `sqrt`.
    public var name: String
    public var asName: String?
    public var range: SourceRange

    public init(name: String, asName: String?, range: SourceRange) {
        self.name = name
        self.asName = asName
        self.range = range
    }
}

public struct FunctionDefinition: Sendable {
    public var name: String
    public var parameters: Parameters
    public var body: [Statement]
    /// Return annotation, parsed and ignored.
    public var returns: Expression?

    public init(name: String, parameters: Parameters, body: [Statement], returns: Expression?) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.returns = returns
    }
}

/// `def f(a, b=1, /, c=2, *args, d, e=3, **kwargs)`.
public struct Parameters: Sendable {
    public var positionalOnly: [Parameter]
    /// Positional-or-keyword parameters (after `/`, before `*`).
    public var positional: [Parameter]
    public var varArgs: Parameter?
    public var keywordOnly: [Parameter]
    public var varKeywords: Parameter?

    public init(positionalOnly: [Parameter] = [], positional: [Parameter] = [], varArgs: Parameter? = nil,
                keywordOnly: [Parameter] = [], varKeywords: Parameter? = nil) {
        self.positionalOnly = positionalOnly
        self.positional = positional
        self.varArgs = varArgs
        self.keywordOnly = keywordOnly
        self.varKeywords = varKeywords
    }
}

public struct Parameter: Sendable {
    public var name: String
    /// Parsed and ignored.
    public var annotation: Expression?
    public var defaultValue: Expression?
    public var range: SourceRange

    public init(name: String, annotation: Expression?, defaultValue: Expression?, range: SourceRange) {
        self.name = name
        self.annotation = annotation
        self.defaultValue = defaultValue
        self.range = range
    }
}

public struct ExceptHandler: Sendable {
    /// nil for a bare `except:`.
    public var type: Expression?
    public var name: String?
    public var body: [Statement]
    public var range: SourceRange

    public init(type: Expression?, name: String?, body: [Statement], range: SourceRange) {
        self.type = type
        self.name = name
        self.body = body
        self.range = range
    }
}

public struct Expression: Sendable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public indirect enum Kind: Sendable {
        case name(String)
        case constant(Constant)
        /// An f-string, or implicit concatenation of strings of which at least one is an f-string.
        case formattedString([FormattedStringPart])
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        /// `a and b and c`: two or more operands.
        case boolean(BooleanOperator, [Expression])
        /// `a < b <= c`: the first operand, then each operator with its right operand.
        case compare(Expression, [Comparison])
        case call(function: Expression, arguments: [Argument])
        case attribute(Expression, name: String)
        case `subscript`(Expression, index: Expression)
        /// Only as a subscript index (possibly inside a tuple index).
        case slice(lower: Expression?, upper: Expression?, step: Expression?)
        /// `*x` in a call, a display or an assignment target.
        case starred(Expression)
        case list([Expression])
        case tuple([Expression])
        case set([Expression])
        case dictionary([DictionaryItem])
        case listComprehension(element: Expression, generators: [Comprehension])
        case setComprehension(element: Expression, generators: [Comprehension])
        case dictionaryComprehension(key: Expression, value: Expression, generators: [Comprehension])
        case generatorExpression(element: Expression, generators: [Comprehension])
        /// `body if test else orElse`
        case conditional(test: Expression, body: Expression, orElse: Expression)
        case lambda(Parameters, body: Expression)
        /// `name := value`
        case namedExpression(target: String, value: Expression)
    }
}

public enum Constant: Sendable, Equatable {
    case none
    case bool(Bool)
    case int(Int)
    /// An integer literal beyond Int's range, as its decimal digits (already converted from hex/octal/binary).
    case bigInt(String)
    case float(Double)
    case string(String)
    case ellipsis
}

public enum FormattedStringPart: Sendable {
    case literal(String)
    /// `{value!conversion:spec}`; `spec` may itself contain replacement fields.
    /// `debugText` holds the source text and `=` of a self-documenting field `{x=}` (rendered before the value).
    case replacement(value: Expression, conversion: Conversion?, spec: [FormattedStringPart]?, debugText: String?)

    public enum Conversion: Character, Sendable {
        case str = "s"
        case repr = "r"
        case ascii = "a"
    }
}

public enum DictionaryItem: Sendable {
    case pair(key: Expression, value: Expression)
    /// `**mapping`
    case unpack(Expression)
}

public enum Argument: Sendable {
    case positional(Expression)
    /// `*iterable`
    case starred(Expression)
    case keyword(name: String, value: Expression)
    /// `**mapping`
    case doubleStarred(Expression)
}

public struct Comparison: Sendable {
    public var op: ComparisonOperator
    public var right: Expression

    public init(op: ComparisonOperator, right: Expression) {
        self.op = op
        self.right = right
    }
}

public struct Comprehension: Sendable {
    public var target: Expression
    public var iterable: Expression
    public var conditions: [Expression]

    public init(target: Expression, iterable: Expression, conditions: [Expression]) {
        self.target = target
        self.iterable = iterable
        self.conditions = conditions
    }
}

public enum UnaryOperator: String, Sendable {
    case not = "not"
    case negate = "-"
    case plus = "+"
    case invert = "~"
}

public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case trueDivide = "/"
    case floorDivide = "//"
    case modulo = "%"
    case power = "**"
    case leftShift = "<<"
    case rightShift = ">>"
    case bitOr = "|"
    case bitXor = "^"
    case bitAnd = "&"
    case matrixMultiply = "@"
}

public enum BooleanOperator: String, Sendable {
    case and
    case or
}

public enum ComparisonOperator: String, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in` = "in"
    case notIn = "not in"
    case `is` = "is"
    case isNot = "is not"
}
