/// A function defined by the program (`def` or `lambda`): its compiled code plus what it captured.
public final class PyFunction {
    public let name: String
    let code: CodeObject
    /// Default values of positional parameters, aligned to the last parameters.
    var defaults: [Value]
    /// Default values of keyword-only parameters, by name.
    var keywordDefaults: [String: Value]
    /// Cells of the enclosing functions' variables this function reads or writes (closures).
    var closure: [Cell]
    let globals: Globals

    init(name: String, code: CodeObject, defaults: [Value], keywordDefaults: [String: Value], closure: [Cell], globals: Globals) {
        self.name = name
        self.code = code
        self.defaults = defaults
        self.keywordDefaults = keywordDefaults
        self.closure = closure
        self.globals = globals
    }
}

/// A variable shared between a function and the closures that capture it.
final class Cell {
    var value: Value
    init(_ value: Value = .unbound) { self.value = value }
}
