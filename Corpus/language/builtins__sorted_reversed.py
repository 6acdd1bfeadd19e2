# sorted always returns a new list; reversed returns an iterator.
data = [5, 2, 9, 1, 5, 6]
print(sorted(data), sorted(data, reverse=True), data)
print(sorted("hello"), sorted({"b": 1, "a": 2}), sorted({3, 1, 2}), sorted((2, 1)))
print(sorted(["b", "A", "c", "B"]), sorted(["b", "A", "c", "B"], key=str.lower))
print(list(reversed(data)), list(reversed("abc")), list(reversed(range(4))), tuple(reversed((1, 2))))
print(sorted([3.5, 1, 2.25, -0.5, 0]), sorted([[2, 1], [1, 2], [1]]), sorted([], reverse=True))
r = reversed([1, 2, 3])
print(next(r), list(r))
answer = sorted(data, key=lambda x: (x % 3, -x))

# expect status: ok
# expect answer: [9, 6, 1, 5, 5, 2]
# expect type: list
# expect stdout: "[1, 2, 5, 5, 6, 9] [9, 6, 5, 5, 2, 1] [5, 2, 9, 1, 5, 6]\n['e', 'h', 'l', 'l', 'o'] ['a', 'b'] [1, 2, 3] [1, 2]\n['A', 'B', 'b', 'c'] ['A', 'b', 'B', 'c']\n[6, 5, 1, 9, 2, 5] ['c', 'b', 'a'] [3, 2, 1, 0] (2, 1)\n[-0.5, 0, 1, 2.25, 3.5] [[1], [1, 2], [2, 1]] []\n3 [2, 1]\n"
