import PythonSyntax

/// Python-level versions of the builtins that consume iterables or call callables.
///
/// Natives cannot advance a generator or call a Python function (either may pause at a host call),
/// so when such a builtin receives one, the VM calls the version here instead: it runs as ordinary
/// frames and pauses like any program code. Builtins without a specific version get their lazy
/// arguments materialized into lists by `call_materialized` and then run natively. The trap: a name
/// defined here must not shadow the native it falls back to, hence the `_` suffixes.
enum PreludeSource {
    static let text = """
    MISSING = []

    def call_materialized(function, /, *args, **kwargs):
        return function(*[materialize(a) for a in args], **kwargs)

    def materialize(value):
        if is_lazy_iterator(value):
            return [x for x in value]
        return value

    def any_(iterable, /):
        for x in iterable:
            if x:
                return True
        return False

    def all_(iterable, /):
        for x in iterable:
            if not x:
                return False
        return True

    def sorted_(iterable, /, *, key=None, reverse=False):
        items = [x for x in iterable]
        if key is None:
            items.sort(reverse=reverse)
            return items
        keys = [key(x) for x in items]
        sort_by_keys(items, keys, reverse)
        return items

    def list_sort_(self, /, *, key=None, reverse=False):
        if key is None:
            self.sort(reverse=reverse)
            return None
        keys = [key(x) for x in self]
        sort_by_keys(self, keys, reverse)
        return None

    def extreme(name, args, key, default, want_max):
        if len(args) == 0:
            raise TypeError(name + " expected at least 1 argument, got 0")
        if len(args) == 1:
            items = [x for x in args[0]]
            if not items:
                if default is MISSING:
                    raise ValueError(name + "() arg is an empty sequence")
                return default
        else:
            if default is not MISSING:
                raise TypeError("Cannot specify a default for " + name + "() with multiple positional arguments")
            items = list(args)
        if key is None:
            if want_max:
                return max(items)
            return min(items)
        best = items[0]
        best_key = key(best)
        for x in items[1:]:
            k = key(x)
            if want_max:
                if k > best_key:
                    best = x
                    best_key = k
            elif k < best_key:
                best = x
                best_key = k
        return best

    def min_(*args, key=None, default=MISSING):
        return extreme("min", args, key, default, False)

    def max_(*args, key=None, default=MISSING):
        return extreme("max", args, key, default, True)

    def enumerate_(iterable, start=0):
        counter = start - 1
        return (((counter := counter + 1), x) for x in iterable)

    def map_(function, iterable, /, *iterables):
        if iterables:
            return (function(*args) for args in zip(iterable, *iterables))
        return (function(x) for x in iterable)

    def filter_(function, iterable, /):
        if function is None:
            return (x for x in iterable if x)
        return (x for x in iterable if function(x))

    def next_(iterator, /, *default):
        for x in iterator:
            return x
        if default:
            return default[0]
        raise StopIteration()

    def iter_(iterable, /, *sentinel):
        if sentinel:
            raise TypeError("sal does not support iter(callable, sentinel) with a Python function")
        return iterable

    def contains_(iterator, value):
        for x in iterator:
            if x is value or x == value:
                return True
        return False

    def not_contains_(iterator, value):
        return not contains_(iterator, value)
    """

    /// Prelude function replacing each native, by the native's qualified name.
    static let replacements: [String: String] = [
        "any": "any_", "all": "all_", "sorted": "sorted_", "list.sort": "list_sort_", "min": "min_", "max": "max_",
        "enumerate": "enumerate_", "map": "map_", "filter": "filter_", "next": "next_", "iter": "iter_",
    ]
}

/// The prelude compiled once per process, shared by every run.
struct CompiledPrelude: @unchecked Sendable {
    let code: CodeObject
    let names: GlobalNameTable

    static let shared: CompiledPrelude = {
        let module: Module
        do throws(Diagnostic) {
            module = try PythonParser.parse(PreludeSource.text)
        } catch {
            preconditionFailure("the prelude does not parse: \(error.message) at \(error.range)")
        }
        let names = GlobalNameTable()
        do throws(CompileError) {
            let code = try ProgramCompiler.compile(module, globals: names)
            return CompiledPrelude(code: code, names: names)
        } catch {
            preconditionFailure("the prelude does not compile: \(error.message)")
        }
    }()
}

/// The prelude's functions for one VM, created on first use by running the prelude's module body.
final class PreludeInstance {
    static let consumingTypes: Set<PyType.Kind> = [.list, .tuple, .set, .frozenset, .dict]

    unowned let vm: VirtualMachine
    private var globals: Globals?

    init(vm: VirtualMachine) { self.vm = vm }

    /// The prelude's namespace, running its module body (only `def`s and constants) the first time.
    func namespace() -> Globals {
        if let globals { return globals }
        let compiled = CompiledPrelude.shared
        let g = Globals(names: compiled.names)
        g.isPrelude = true
        let setup = VirtualMachine(context: vm.context, hostFunctions: [:])
        do throws(ExecutionError) {
            try setup.pushFrame(code: compiled.code, cells: [], globals: g, returnTarget: .stop) { _ throws(ExecutionError) in }
            _ = try setup.run()
        } catch {
            preconditionFailure("the prelude's module body failed")
        }
        globals = g
        return g
    }

    func function(_ name: String) -> PyFunction {
        guard case .function(let f)? = namespace().value(named: name) else {
            preconditionFailure("the prelude defines no function \(name)")
        }
        return f
    }

    /// Where to send a call of native `b` with these arguments, or nil to call the native.
    func route(_ b: BuiltinFunction, _ arguments: Arguments, isLazy: (Value) -> Bool) -> (function: PyFunction, prefix: [Value])? {
        var hasLazy = false
        var hasCallable = false
        for v in arguments.values {
            if isLazy(v) { hasLazy = true }
            switch v {
            case .function, .host: hasCallable = true
            default: break
            }
        }
        if let replacement = PreludeSource.replacements[b.qualifiedName], hasLazy || hasCallable {
            return (function(replacement), [])
        }
        if hasLazy { return (function("call_materialized"), [.builtin(b)]) }
        return nil
    }

    /// Natives only the prelude can name.
    static let natives: [String: BuiltinFunction] = [
        "is_lazy_iterator": BuiltinFunction("is_lazy_iterator") { args, _ throws(ExecutionError) in
            if case .iterator(let it) = args[0] { return .bool(!it.isNative) }
            return .bool(false)
        },
        "sort_by_keys": BuiltinFunction("sort_by_keys") { args, _ throws(ExecutionError) in
            guard case .list(let items) = args[0], case .list(let keys) = args[1] else {
                preconditionFailure("sort_by_keys takes two lists")
            }
            try ListSort.sort(&items.items, keys: keys.items, reverse: args[2].isTruthy)
            return .none
        },
    ]
}
