# Calls with *iterable and **mapping unpacking.
def f(a, b, c=0, d=0):
    return a * 1000 + b * 100 + c * 10 + d
args = [1, 2]
kwargs = {"d": 4, "c": 3}
print(f(*args))
print(f(*args, **kwargs))
print(f(*[1], 2, *(3,), **{"d": 9}))
print(f(**{"a": 5, "b": 6}))
print(max(*[3, 9, 2]), min(*"hello"))
print(*[1, 2, 3], sep=", ")
pts = [(1, 2), (3, 4)]
print(list(zip(*pts)))
answer = f(*range(4))

# expect status: ok
# expect answer: 123
# expect type: int
# expect stdout: "1200\n1234\n1239\n5600\n9 e\n1, 2, 3\n[(1, 3), (2, 4)]\n"
