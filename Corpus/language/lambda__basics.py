# lambda expressions: defaults, immediate calls, in data structures.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2))
print((lambda *a: len(a))(1, 2, 3))
print((lambda **k: sorted(k))(z=1, a=2))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({op: fn(6, 3) for op, fn in ops.items()})
compose = lambda f, g: lambda x: f(g(x))
inc_then_square = compose(square, lambda x: x + 1)
print(inc_then_square(4))
print(list(map(lambda s: s.upper(), ["a", "b"])))
print((lambda: "no args")())
answer = inc_then_square(9)

# expect status: ok
# expect answer: 100
# expect type: int
# expect stdout: "49 11 3\n3\n['a', 'z']\n{'+': 9, '-': 3, '*': 18}\n25\n['A', 'B']\nno args\n"
