# Starred targets and starred expressions in literals and calls.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *middle, z = range(2)
print(a, middle, z)
head, *tail = (9,)
print(head, tail, type(tail))
merged = [*rest, *"xy", *range(2)]
print(merged)
t = (*rest, 0)
print(t)
s = {*[1, 2], *[2, 3]}
print(sorted(s))
d = {**{"a": 1, "b": 2}, "b": 3, **{"c": 4}}
print(d)
def total(*nums):
    return sum(nums)
print(total(*rest, *[10, 20]))
[p, *q] = [[1, 2], [3]]
print(p, q)
answer = (first, rest, init, last, merged, t, d)

# expect status: ok
# expect answer: (1, [2, 3, 4], ['a', 'b', 'c'], 'd', [2, 3, 4, 'x', 'y', 0, 1], (2, 3, 4, 0), {'a': 1, 'b': 3, 'c': 4})
# expect type: tuple
# expect stdout: "1 [2, 3, 4]\n['a', 'b', 'c'] d\n0 [] 1\n9 [] <class 'list'>\n[2, 3, 4, 'x', 'y', 0, 1]\n(2, 3, 4, 0)\n[1, 2, 3]\n{'a': 1, 'b': 3, 'c': 4}\n39\n[1, 2] [[3]]\n"
