# List literals, concatenation, repetition, membership, comparison and nesting.
a = [1, 2, 3]
b = [4, 5]
print(a + b, b * 2, [0] * 0, 3 in a, 6 not in a)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0])
print(len([]), len([[], []]), [[1, 2], [3]][1][0])
mixed = [1, "two", 3.0, None, True, [5], (6,), {"7": 8}]
print(mixed)
print(a[0], a[-1], a[len(a) - 1])
print(list("abc"), list(range(3)), list((1, 2)), list({"k": 1, "j": 2}))
print([1, 2, 3][::-1], sum([[1], [2, 3]], []))
answer = mixed

# expect status: ok
# expect answer: [1, 'two', 3.0, None, True, [5], (6,), {'7': 8}]
# expect type: list
# expect stdout: "[1, 2, 3, 4, 5] [4, 5, 4, 5] [] True True\nTrue True True True\n0 2 3\n[1, 'two', 3.0, None, True, [5], (6,), {'7': 8}]\n1 3 3\n['a', 'b', 'c'] [0, 1, 2] [1, 2] ['k', 'j']\n[3, 2, 1] [1, 2, 3]\n"
