# in / not in on every container, and is / is not with None and singletons.
print(2 in [1, 2], 2 in (1, 2), 2 in {1, 2}, 2 in {2: "x"}, "x" in {2: "x"}, 2 in range(3))
print("ell" in "hello", "" in "abc", "z" not in "abc", "A" in "abc")
print([1] in [[1], [2]], (1, 2) in [(1, 2)], 1.0 in [1], True in [1])
x = None
print(x is None, x is not None, None == x, not x)
a = [1]
b = [1]
print(a == b, a is b, a is not b, a is a)
print(type(1) is int, type(True) is bool, type(True) is int)
answer = [3 in [1, 2, 3], "q" in "abc", None is None]

# expect status: ok
# expect answer: [True, False, True]
# expect type: list
# expect stdout: "True True True True False True\nTrue True True False\nTrue True True True\nTrue False True True\nTrue False True True\nTrue True False\n"
