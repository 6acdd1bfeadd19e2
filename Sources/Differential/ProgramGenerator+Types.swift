import PythonSyntax

/// The static type the generator gives each variable and expression, so that most generated
/// operations are well-typed and the deliberate type errors are the only ones.
indirect enum ValueType: Hashable, Sendable {
    case int, float, bool, str
    case list(ValueType)
    case dict(ValueType, ValueType)
    case set(ValueType)
    case tuple([ValueType])

    var isScalar: Bool {
        switch self {
        case .int, .float, .bool, .str: true
        default: false
        }
    }

    var isNumber: Bool { self == .int || self == .float }

    /// What iterating a value of this type yields (a dict yields its keys), if it is iterable.
    var elementType: ValueType? {
        switch self {
        case .str: .str
        case .list(let element), .set(let element): element
        case .dict(let key, _): key
        case .tuple(let elements): elements.count > 0 && elements.allSatisfy { $0 == elements[0] } ? elements[0] : nil
        default: nil
        }
    }

    /// Variable name stems by type, chosen to read like solution programs.
    var nameStems: [String] {
        switch self {
        case .int: ["count", "total", "num_items", "steps", "days", "score", "budget", "qty", "minutes", "points", "boxes"]
        case .float: ["price", "rate", "ratio", "average", "weight", "distance", "speed", "tax", "area", "cost", "share"]
        case .bool: ["is_valid", "done", "found", "flag", "ok", "has_extra"]
        case .str: ["name", "label", "text", "word", "message", "title", "code", "city"]
        case .list(.int): ["numbers", "scores", "values", "ages", "counts_list"]
        case .list(.float): ["prices", "weights", "rates", "amounts"]
        case .list: ["words", "names", "items", "tokens", "labels"]
        case .dict(.str, _): ["inventory", "stock", "tally", "prices_by_item", "table"]
        case .dict: ["labels_by_id", "lookup", "names_by_number"]
        case .set: ["seen", "unique_ids", "visited"]
        case .tuple: ["pair", "bounds", "point", "record"]
        }
    }
}

/// Exceptions an expression or statement may raise; a statement that may raise is placed in a
/// `try` whose handlers name (some of) them.
struct Risk: OptionSet, Hashable, Sendable {
    let rawValue: UInt16

    static let zeroDivision = Risk(rawValue: 1 << 0)
    static let value = Risk(rawValue: 1 << 1)
    static let index = Risk(rawValue: 1 << 2)
    static let key = Risk(rawValue: 1 << 3)
    static let type = Risk(rawValue: 1 << 4)
    static let overflow = Risk(rawValue: 1 << 5)
    static let assertion = Risk(rawValue: 1 << 6)

    static let all: [(Risk, String)] = [
        (.zeroDivision, "ZeroDivisionError"), (.value, "ValueError"), (.index, "IndexError"), (.key, "KeyError"),
        (.type, "TypeError"), (.overflow, "OverflowError"), (.assertion, "AssertionError"),
    ]

    /// The builtin exception class names for these risks.
    var exceptionNames: [String] { Self.all.filter { contains($0.0) }.map(\.1) }
}

/// A generated expression with what the generator knows of its value.
struct Generated {
    var expression: Expression
    /// An upper bound: decimal digits of an int, decimal exponent of a float's magnitude, length of a
    /// string or container. `Generated.unbounded` when nothing is known (a float may be inf or nan).
    var size: Int
    /// A container or string known to be non-empty.
    var nonEmpty: Bool
    /// For a container: the `size` bound of its elements (of its values, for a dict).
    var elementSize: Int

    static let unbounded = 1 << 20

    init(_ expression: Expression, size: Int, nonEmpty: Bool = false, elementSize: Int = 0) {
        self.expression = expression
        self.size = min(max(size, 0), Self.unbounded)
        self.nonEmpty = nonEmpty
        self.elementSize = min(max(elementSize, 0), Self.unbounded)
    }
}

/// A variable the generated program has defined, with what is known of its value.
struct Variable {
    var name: String
    var type: ValueType
    var size: Int
    var nonEmpty: Bool
    var elementSize: Int
    /// Keys a dict is known to hold (literal keys never deleted).
    var knownKeys: [Expression] = []
    /// Loop counters and loop variables must not be reassigned.
    var assignable: Bool = true
}

/// A function the generated program has defined, callable with arguments of these types.
struct FunctionInfo {
    var name: String
    var parameters: [(name: String, type: ValueType, hasDefault: Bool, keywordOnly: Bool)]
    var returnType: ValueType
    var returnSize: Int
    /// Exceptions a call may raise (an explicit `raise` in its body).
    var risk: Risk = []
    var calling = Calling.regular

    /// How calls pass arguments.
    enum Calling {
        case regular
        /// Recursive: only small int literals as arguments, so the recursion stays shallow.
        case smallIntArguments
        /// `def f(*values)`: any number of positional arguments of the first parameter's type.
        case variadic
        /// `def f(**fields)`: keyword arguments with any names, values of the first parameter's type.
        case keywordVariadic
    }
}
