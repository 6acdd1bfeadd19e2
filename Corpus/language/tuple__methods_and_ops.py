# Tuples: literals, count, index, concatenation, repetition, hashing as dict keys.
t = (3, 1, 4, 1, 5, 9, 2, 6)
print(t.count(1), t.index(1), t.index(1, 2), t.index(9, -3))
print(t[1:4], t[::-1], t + (0,), (0,) * 3, len(t), 5 in t)
single = (1,)
not_tuple = (1)
print(type(single), type(not_tuple), ())
packed = 1, 2, 3
print(packed, tuple("ab"), tuple([1, [2]]), tuple(range(3)))
grid = {(0, 0): "origin", (1, 2): "point"}
print(grid[(1, 2)], grid[0, 0])
print(max(t), min(t), sum(t), sorted(t))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0])
answer = (t.count(1), t + single, packed)

# expect status: ok
# expect answer: (2, (3, 1, 4, 1, 5, 9, 2, 6, 1), (1, 2, 3))
# expect type: tuple
# expect stdout: "2 1 3 5\n(1, 4, 1) (6, 2, 9, 5, 1, 4, 1, 3) (3, 1, 4, 1, 5, 9, 2, 6, 0) (0, 0, 0) 8 True\n<class 'tuple'> <class 'int'> ()\n(1, 2, 3) ('a', 'b') (1, [2]) (0, 1, 2)\npoint origin\n9 1 31 [1, 1, 2, 3, 4, 5, 6, 9]\n4\n"
