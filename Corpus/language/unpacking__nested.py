# Nested unpacking in assignments and for loops.
((a, b), (c, d)) = [(1, 2), (3, 4)]
print(a + b + c + d)
points = [("A", (0, 0)), ("B", (3, 4)), ("C", (-1, 2))]
dists = {}
for name, (x, y) in points:
    dists[name] = (x * x + y * y) ** 0.5
print(dists)
(m, *ns), k = [1, 2, 3], "k"
print(m, ns, k)
pairs = list(zip("abc", [(1, 2), (3, 4), (5, 6)]))
flat = [ch + str(u + v) for ch, (u, v) in pairs]
print(flat)
answer = (dists, flat)

# expect status: ok
# expect answer: ({'A': 0.0, 'B': 5.0, 'C': 2.23606797749979}, ['a3', 'b7', 'c11'])
# expect type: tuple
# expect stdout: "10\n{'A': 0.0, 'B': 5.0, 'C': 2.23606797749979}\n1 [2, 3] k\n['a3', 'b7', 'c11']\n"
