import PythonSyntax

/// One VM instruction. Operands are register numbers of the current frame (`R`), indices into the
/// code object's tables, or jump targets (instruction indices).
///
/// Registers are laid out as [locals][constants][temporaries]: constants are copied into their registers
/// when a frame starts, so every operand is a plain register read. The trap: a constant register must
/// never be written, and a local register may hold `.unbound` (reads of possibly-unbound locals are
/// preceded by `checkBound`).
enum Instruction {
    typealias R = Int32

    case move(dst: R, src: R)
    case loadGlobal(dst: R, name: Int32)
    case storeGlobal(name: Int32, src: R)
    case deleteGlobal(name: Int32)
    case loadCell(dst: R, cell: Int32)
    case storeCell(cell: Int32, src: R)
    case deleteCell(cell: Int32)
    /// Raises `UnboundLocalError` if the local register is unbound.
    case checkBound(reg: R, name: Int32)
    case deleteLocal(reg: R, name: Int32)

    case binary(dst: R, lhs: R, rhs: R, op: BinaryOperator)
    /// Augmented assignment: lists extend in place for `+=`; otherwise as `binary`.
    case inPlace(dst: R, lhs: R, rhs: R, op: BinaryOperator)
    case unary(dst: R, src: R, op: UnaryOperator)
    case not(dst: R, src: R)
    case compare(dst: R, lhs: R, rhs: R, op: ComparisonOperator)
    /// Jumps to `target` when `lhs op rhs` is false (fused compare-and-branch for loops and ifs).
    case jumpUnlessCompare(lhs: R, rhs: R, op: ComparisonOperator, target: Int32)

    case jump(target: Int32)
    case jumpIfFalse(src: R, target: Int32)
    case jumpIfTrue(src: R, target: Int32)

    case getIterator(dst: R, src: R)
    /// Advances the iterator in `iterator`, storing the element in `dst`, or jumps to `exit` when exhausted.
    case forIter(iterator: R, dst: R, exit: Int32)
    case unpack(src: R, dst: R, count: Int32)
    /// `a, *b, c = src`: `before` targets, a list, then `after` targets, in consecutive registers from `dst`.
    case unpackStarred(src: R, dst: R, before: Int32, after: Int32)

    case buildList(dst: R, first: R, count: Int32)
    case buildTuple(dst: R, first: R, count: Int32)
    case buildSet(dst: R, first: R, count: Int32)
    /// Keys and values alternate in registers from `first`.
    case buildDictionary(dst: R, first: R, count: Int32)
    case buildSlice(dst: R, first: R)
    /// Concatenates `count` str registers (f-strings).
    case buildString(dst: R, first: R, count: Int32)
    /// `format(src, spec)` after the conversion (`!r`, `!s`, `!a`); `spec` is -1 for none.
    case formatValue(dst: R, src: R, spec: R, conversion: Int32)
    case listAppend(list: R, src: R)
    case listExtend(list: R, src: R)
    case listToTuple(dst: R, src: R)
    case setAdd(set: R, src: R)
    case setUpdate(set: R, src: R)
    case dictionarySet(dictionary: R, key: R, value: R)
    case dictionaryUpdate(dictionary: R, src: R)

    case getItem(dst: R, container: R, index: R)
    case setItem(container: R, index: R, src: R)
    case deleteItem(container: R, index: R)
    case getAttribute(dst: R, object: R, name: Int32)
    case setAttribute(object: R, name: Int32, src: R)

    /// Creates a function from `code`, with `defaultCount` defaults in registers from `defaults`
    /// (positional defaults then keyword-only defaults, as the code object describes).
    case makeFunction(dst: R, code: Int32, defaults: R, defaultCount: Int32)
    /// Calls `function` with `count` positional arguments in registers from `first`.
    case call(dst: R, function: R, first: R, count: Int32)
    /// As `call`, with the last `keywordNames[names].count` arguments passed by keyword.
    case callKeywords(dst: R, function: R, first: R, count: Int32, names: Int32)
    /// `f(*args, **kwargs)`: `arguments` holds a tuple, `keywords` a dict or -1.
    case callUnpacked(dst: R, function: R, arguments: R, keywords: R)
    /// `receiver.name(args...)`: receiver in `receiver`, `count` arguments after it.
    case callMethod(dst: R, receiver: R, name: Int32, count: Int32)
    case callMethodKeywords(dst: R, receiver: R, name: Int32, count: Int32, names: Int32)
    case returnValue(src: R)
    /// Generator frames only: yields `src`; when resumed, execution continues after it.
    case yieldValue(src: R)

    case raise(exception: R, cause: R)
    /// Re-raises the exception held in `src` (bare `raise` in a handler, and the end of a `finally`).
    case reraise(src: R)
    /// `dst = isinstance(exception, type)` for an `except type` clause.
    case exceptionMatches(dst: R, exception: R, type: R)
    /// `assert test, message`: raises AssertionError(message) (`message` is -1 for none).
    case assertionFailed(message: R)

    case importModule(dst: R, name: Int32)
    /// `from module import *`
    case importAll(module: R)
    case importFrom(dst: R, module: R, name: Int32)
}

/// A protected range of instructions and where its handler starts.
struct ExceptionHandlerEntry {
    var start: Int32
    var end: Int32
    var target: Int32
    /// Register that receives the exception.
    var exceptionRegister: Int32
}

/// The instructions of an `except` body (or of a `finally` body run for an exception) and the register
/// holding the exception it handles: where a bare `raise` in a called function finds what to re-raise.
struct HandledRange {
    var start: Int32
    var end: Int32
    var exceptionRegister: Int32
}
