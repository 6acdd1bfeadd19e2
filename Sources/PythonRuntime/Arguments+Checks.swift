/// Argument-count and keyword checks with CPython 3.11's messages, which depend on how CPython
/// declares each function (no-args, one-arg, Argument Clinic, `PyArg_ParseTuple`).
///
/// For methods, `values[0]` is the receiver and is not counted as "given".
extension Arguments {
    /// `str.upper() takes no arguments (1 given)` / `str.upper() takes no keyword arguments`.
    @inlinable
    func expectNone(method qualifiedName: String) throws(ExecutionError) {
        if hasKeywords { throw .exception(.typeError("\(qualifiedName)() takes no keyword arguments")) }
        if count != 1 { throw .exception(.typeError("\(qualifiedName)() takes no arguments (\(count - 1) given)")) }
    }

    /// `list.append() takes exactly one argument (0 given)`; returns the argument.
    @inlinable
    func expectOne(method qualifiedName: String) throws(ExecutionError) -> Value {
        if hasKeywords { throw .exception(.typeError("\(qualifiedName)() takes no keyword arguments")) }
        if count != 2 { throw .exception(.typeError("\(qualifiedName)() takes exactly one argument (\(count - 1) given)")) }
        return values[1]
    }

    /// Argument Clinic, positional only: `center expected at least 1 argument, got 0`,
    /// `insert expected 2 arguments, got 1`; keywords: `str.center() takes no keyword arguments`.
    /// `offset` is 1 for methods (the receiver), 0 for functions.
    func expectPositional(_ name: String, qualifiedName: String? = nil, min: Int, max: Int, offset: Int = 1) throws(ExecutionError) {
        if hasKeywords { throw .exception(.typeError("\(qualifiedName ?? name)() takes no keyword arguments")) }
        let given = count - offset
        func plural(_ n: Int) -> String { n == 1 ? "argument" : "arguments" }
        if min == max && given != min {
            throw .exception(.typeError("\(name) expected \(min) \(plural(min)), got \(given)"))
        }
        if given < min { throw .exception(.typeError("\(name) expected at least \(min) \(plural(min)), got \(given)")) }
        if given > max { throw .exception(.typeError("\(name) expected at most \(max) \(plural(max)), got \(given)")) }
    }

    /// `PyArg_ParseTuple` style: `count() takes at least 1 argument (0 given)`,
    /// `find() takes at most 3 arguments (4 given)`, `count() takes no keyword arguments`.
    func expectTuple(_ name: String, min: Int, max: Int, offset: Int = 1) throws(ExecutionError) {
        if hasKeywords { throw .exception(.typeError("\(name)() takes no keyword arguments")) }
        let given = count - offset
        func plural(_ n: Int) -> String { n == 1 ? "argument" : "arguments" }
        if given < min { throw .exception(.typeError("\(name)() takes at least \(min) \(plural(min)) (\(given) given)")) }
        if given > max { throw .exception(.typeError("\(name)() takes at most \(max) \(plural(max)) (\(given) given)")) }
    }

    /// Binds positional and keyword arguments to `names` (Argument Clinic with keywords):
    /// `split() takes at most 2 arguments (3 given)`, `'zz' is an invalid keyword argument for split()`,
    /// `argument for split() given by name ('sep') and position (1)`. Missing ones are nil.
    func bind(_ name: String, _ names: [String], offset: Int = 1) throws(ExecutionError) -> [Value?] {
        let given = count - offset
        if given > names.count {
            let total = given + keywordNames.count
            throw .exception(.typeError("\(name)() takes at most \(names.count) argument\(names.count == 1 ? "" : "s") (\(total) given)"))
        }
        var bound = [Value?](repeating: nil, count: names.count)
        for i in 0..<given { bound[i] = values[offset + i] }
        for (k, keyword) in keywordNames.enumerated() {
            guard let slot = names.firstIndex(of: keyword) else {
                throw .exception(.typeError("'\(keyword)' is an invalid keyword argument for \(name)()"))
            }
            if slot < given {
                throw .exception(.typeError("argument for \(name)() given by name ('\(keyword)') and position (\(slot + 1))"))
            }
            bound[slot] = values[count + k]
        }
        return bound
    }

    /// Rejects keyword arguments other than `allowed`: `'x' is an invalid keyword argument for print()`.
    func checkKeywords(_ allowed: Set<String>, function name: String) throws(ExecutionError) {
        for keyword in keywordNames where !allowed.contains(keyword) {
            throw .exception(.typeError("'\(keyword)' is an invalid keyword argument for \(name)()"))
        }
    }
}

extension Value {
    /// An int argument (`'str' object cannot be interpreted as an integer`); big ints raise OverflowError.
    func asIntArgument() throws(ExecutionError) -> Int {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .bigInt: throw .exception(.overflowError("Python int too large to convert to C ssize_t"))
        default: throw .exception(.typeError("'\(typeName)' object cannot be interpreted as an integer"))
        }
    }

    /// The receiver of a method called through its type (`str.upper(5)`):
    /// `descriptor 'upper' for 'str' objects doesn't apply to a 'int' object`.
    static func descriptorError(_ method: String, _ owner: String, _ receiver: Value) -> ExecutionError {
        .exception(.typeError("descriptor '\(method)' for '\(owner)' objects doesn't apply to a '\(receiver.typeName)' object"))
    }
}

extension Arguments {
    /// The method's receiver; `unbound method str.upper() needs an argument` when called with none.
    @inlinable
    func receiver(_ qualifiedName: String) throws(ExecutionError) -> Value {
        if count == 0 { throw .exception(.typeError("unbound method \(qualifiedName)() needs an argument")) }
        return values[0]
    }
}
