import ProgramOutcome
import PythonRuntime
import Testing

/// Runs `source` and returns the outcome (answer read with `auto`).
func run(_ source: String, limits: Limits = .default) -> Outcome {
    Interpreter.run(source: source, limits: limits)
}

func answer(_ source: String) -> String? {
    let outcome = run(source)
    return outcome.status == .ok ? outcome.answerRepr : "\(outcome.error?.type ?? "?"): \(outcome.error?.message ?? "")"
}

@Suite("VM: control flow and scopes")
struct ControlFlowTests {
    @Test func straightLineArithmetic() {
        #expect(answer("a = 3\nb = 4\nanswer = a * b + 2") == "14")
        #expect(answer("answer = 7 // 2, -7 // 2, 7 % -3, 2 ** -1") == "(3, -4, -2, 0.5)")
    }

    @Test func loopsWithElseBreakContinue() {
        let source = """
        total = 0
        for i in range(10):
            if i % 2:
                continue
            if i > 6:
                break
            total += i
        else:
            total = -1
        n = 0
        while n < 3:
            n += 1
        else:
            n += 100
        answer = (total, n)
        """
        #expect(answer(source) == "(12, 103)")
    }

    @Test func functionsDefaultsKeywordsAndVarargs() {
        let source = """
        def f(a, b=2, *rest, c, d=4, **extra):
            return (a, b, rest, c, d, sorted(extra.items()))
        answer = [f(1, c=3), f(1, 5, 6, 7, c=8, z=9)]
        """
        #expect(answer(source) == "[(1, 2, (), 3, 4, []), (1, 5, (6, 7), 8, 4, [('z', 9)])]")
    }

    @Test func argumentErrorsMatchCPython() {
        #expect(answer("def f(a, b): pass\nf(1)") == "TypeError: f() missing 1 required positional argument: 'b'")
        #expect(answer("def f(a): pass\nf(1, 2)") == "TypeError: f() takes 1 positional argument but 2 were given")
        #expect(answer("def f(a): pass\nf(b=1)") == "TypeError: f() got an unexpected keyword argument 'b'")
        #expect(answer("def f(a, b, c): pass\nf()") == "TypeError: f() missing 3 required positional arguments: 'a', 'b', and 'c'")
    }

    @Test func closuresAndNonlocal() {
        let source = """
        def counter():
            count = 0
            def bump(step=1):
                nonlocal count
                count += step
                return count
            return bump
        c = counter()
        c(); c(5)
        adders = [lambda x, k=k: x + k for k in range(3)]
        answer = (c(), [a(10) for a in adders])
        """
        #expect(answer(source) == "(7, [10, 11, 12])")
    }

    @Test func globalDeclaration() {
        #expect(answer("x = 1\ndef g():\n    global x\n    x = 5\ng()\nanswer = x") == "5")
    }

    @Test func scopeDeclarationErrors() {
        // The symbol table reports these, in CPython's order of checks.
        #expect(run("nonlocal x\nanswer = 1").error?.message == "nonlocal declaration not allowed at module level")
        #expect(run("x = 1\nnonlocal x\nanswer = x").error?.message == "name 'x' is assigned to before nonlocal declaration")
        #expect(run("def f():\n    nonlocal y\nanswer = 1").error?.message == "no binding for nonlocal 'y' found")
        #expect(run("def f(a):\n    global a\nanswer = 1").error?.message == "name 'a' is parameter and global")
    }

    @Test func unboundLocal() {
        #expect(answer("x = 1\ndef g():\n    y = x\n    x = 2\n    return y\nanswer = g()")
            == "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value")
    }

    @Test func recursionAndItsLimit() {
        #expect(answer("def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)\nanswer = fib(20)") == "6765")
        #expect(answer("def f(n): return f(n + 1)\nanswer = f(0)") == "RecursionError: maximum recursion depth exceeded")
        #expect(answer("def f(n): return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError:\n    answer = 'caught'") == "'caught'")
    }

    @Test func comprehensionsAndGenerators() {
        #expect(answer("answer = [x * y for x in range(3) for y in range(3) if x != y if y]") == "[0, 0, 2, 2]")
        #expect(answer("answer = {k: v for k, v in zip('ab', [1, 2])}") == "{'a': 1, 'b': 2}")
        #expect(answer("answer = sum(x * x for x in range(4)), any(x > 2 for x in [1, 3]), all(x for x in [])") == "(14, True, True)")
        #expect(answer("answer = sorted([3, 1, 2], key=lambda v: -v)") == "[3, 2, 1]")
        #expect(answer("answer = max(['bb', 'a', 'ccc'], key=lambda s: len(s))") == "'ccc'")
        #expect(answer("answer = list(enumerate(c for c in 'ab'))") == "[(0, 'a'), (1, 'b')]")
        #expect(answer("g = (i for i in range(3))\nanswer = (next(g), next(g), list(g))") == "(0, 1, [2])")
    }

    @Test func anyShortCircuitsOverAGenerator() {
        let source = """
        seen = []
        def check(x):
            seen.append(x)
            return x > 1
        found = any(check(x) for x in range(10))
        answer = (found, seen)
        """
        #expect(answer(source) == "(True, [0, 1, 2])")
    }
}

@Suite("VM: exceptions")
struct ExceptionTests {
    @Test func exceptElseFinallyOrder() {
        let source = """
        log = []
        def f(x):
            try:
                log.append('try')
                r = 10 // x
            except ZeroDivisionError as e:
                log.append('except ' + str(e))
                return -1
            else:
                log.append('else')
                return r
            finally:
                log.append('finally')
        answer = (f(2), f(0), log)
        """
        #expect(answer(source) == "(5, -1, ['try', 'else', 'finally', 'try', 'except integer division or modulo by zero', 'finally'])")
    }

    @Test func finallyRunsOnBreakAndReraises() {
        let source = """
        log = []
        for i in range(3):
            try:
                if i == 1:
                    break
            finally:
                log.append(i)
        try:
            try:
                raise ValueError('inner')
            finally:
                log.append('cleanup')
        except ValueError as e:
            log.append(e.args)
        answer = log
        """
        #expect(answer(source) == "[0, 1, 'cleanup', ('inner',)]")
    }

    @Test func uncaughtExceptionHasTypeMessageAndLine() {
        let outcome = run("x = 1\ny = [1, 2]\nanswer = y[5]")
        #expect(outcome.status == .error)
        #expect(outcome.error?.type == "IndexError")
        #expect(outcome.error?.message == "list index out of range")
        #expect(outcome.error?.line == 3)
    }

    @Test func exceptionInFunctionReportsInnermostLine() {
        let outcome = run("def f():\n    return 1 / 0\n\nanswer = f()")
        #expect(outcome.error?.type == "ZeroDivisionError")
        #expect(outcome.error?.line == 2)
    }

    @Test func bareRaiseInHandler() {
        #expect(answer("try:\n    try:\n        {}['k']\n    except KeyError:\n        raise\nexcept LookupError as e:\n    answer = repr(e)") == "\"KeyError('k')\"")
    }
}

@Suite("VM: limits")
struct LimitTests {
    @Test func stepLimitCannotBeCaught() {
        var limits = Limits()
        limits.maxSteps = 10_000
        let outcome = run("try:\n    while True:\n        pass\nexcept BaseException:\n    answer = 1", limits: limits)
        #expect(outcome.status == .limit)
        #expect(outcome.error?.type == "StepLimit")
    }

    @Test func timeLimit() {
        var limits = Limits()
        limits.maxSeconds = 0.05
        limits.maxSteps = .max
        let outcome = run("while True:\n    pass", limits: limits)
        #expect(outcome.status == .limit)
        #expect(outcome.error?.type == "TimeLimit")
    }

    @Test func deepRecursionNeverOverflowsTheHostStack() {
        var limits = Limits()
        limits.maxRecursionDepth = 100_000
        let outcome = run("def f(n): return 0 if n == 0 else 1 + f(n - 1)\nanswer = f(50000)", limits: limits)
        #expect(outcome.answerRepr == "50000")
    }
}

@Suite("Pausing at host calls")
struct PausingTests {
    /// Drives a run, answering each host call with `respond`, and returns the calls made and the outcome.
    func drive(_ source: String, respond: (HostCall) -> JSONValue) throws -> ([HostCall], Outcome) {
        let program = try CompiledProgram(source: source)
        let run = ProgramRun(program, hostFunctions: ["ask_llm", "lookup", "compare"])
        var calls: [HostCall] = []
        var step = run.start()
        while true {
            switch step {
            case .paused(let call):
                calls.append(call)
                step = run.resume(returning: respond(call))
            case .finished(let outcome):
                return (calls, outcome)
            }
        }
    }

    @Test func pausesAtEachCallAndResumes() throws {
        let source = """
        def solution():
            height = lookup("Eiffel Tower", "height")
            limit = ask_llm("How tall can a kite fly?")
            return compare(height, limit, relation=">")
        """
        let (calls, outcome) = try drive(source) { call in
            switch call.function {
            case "lookup": .int(330)
            case "ask_llm": .int(100)
            default: .bool(true)
            }
        }
        #expect(calls.map(\.function) == ["lookup", "ask_llm", "compare"])
        #expect(calls[0].arguments == [.string("Eiffel Tower"), .string("height")])
        #expect(calls[2].arguments == [.int(330), .int(100)])
        #expect(calls[2].keywordArguments == [HostCall.Keyword("relation", .string(">"))])
        #expect(outcome.answerRepr == "True")
    }

    @Test func pausesInsideComprehensionsGeneratorsAndKeyFunctions() throws {
        let source = """
        items = ["a", "bb", "ccc"]
        sizes = [ask_llm(f"size of {x}") for x in items]
        big = any(ask_llm(f"big {x}") for x in items)
        order = sorted(items, key=lambda x: ask_llm(f"rank {x}"))
        mapped = list(map(ask_llm, ["m1", "m2"]))
        answer = (sizes, big, order, mapped)
        """
        let (calls, outcome) = try drive(source) { call in
            guard case .string(let q) = call.arguments.first else { return .null }
            if q.hasPrefix("size of ") { return .int(q.count - 8) }
            if q.hasPrefix("big ") { return .bool(q == "big bb") }
            if q.hasPrefix("rank ") { return .int(-q.count) }
            return .string(q.uppercased())
        }
        #expect(outcome.answerRepr == "([1, 2, 3], True, ['ccc', 'bb', 'a'], ['M1', 'M2'])")
        // any() stops at the first true answer, as in CPython.
        #expect(calls.filter { $0.arguments.first?.stringValue?.hasPrefix("big") == true }.count == 2)
    }

    @Test func hostCallLimitEndsTheRun() throws {
        var limits = Limits()
        limits.maxHostCalls = 100
        let program = try CompiledProgram(source: "facts = []\nfor i in range(5000):\n    facts.append(lookup(f'item {i}', 'population'))\nanswer = len(facts)")
        let run = ProgramRun(program, limits: limits, hostFunctions: ["lookup"])
        var step = run.start()
        var calls = 0
        while case .paused = step {
            calls += 1
            step = run.resume(returning: .int(calls))
        }
        guard case .finished(let outcome) = step else { return }
        #expect(outcome.status == .limit)
        #expect(outcome.error?.type == "HostCallLimit")
        #expect(calls == 100)
    }

    @Test func manyRunsWaitAtOnce() throws {
        let program = try CompiledProgram(source: "answer = ask_llm('q') + 1")
        let runs = (0..<1000).map { _ in ProgramRun(program, hostFunctions: ["ask_llm"]) }
        for r in runs {
            guard case .paused = r.start() else { Issue.record("did not pause"); return }
        }
        var total = 0
        for (i, r) in runs.enumerated() {
            if case .finished(let o) = r.resume(returning: .int(i)), let repr = o.answerRepr, let v = Int(repr) { total += v }
        }
        #expect(total == (0..<1000).reduce(0) { $0 + $1 + 1 })
    }
}
