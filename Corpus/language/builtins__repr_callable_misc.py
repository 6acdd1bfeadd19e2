# repr, callable, iter/next, and builtins used less often.
print(repr("a'b"), repr('a"b'), repr("a'b\"c"), repr(1.0), repr([1, "2"]), repr(None))
print(callable(len), callable(lambda: 0), callable(5), callable("x"), callable(print), callable(int))
def f():
    return 1
print(callable(f), f() + 1)
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "done"))
print(list(iter([4, 5])), divmod(7, 2), pow(2, 5), round(2.5), abs(-3))
answer = [repr(x) for x in ("s", 1.5, [None])]

# expect status: ok
# expect answer: ["'s'", '1.5', '[None]']
# expect type: list
# expect stdout: "\"a'b\" 'a\"b' 'a\\'b\"c' 1.0 [1, '2'] None\nTrue True False False True True\nTrue 2\n0 1 2 done\n[4, 5] (3, 1) 32 2 3\n"
