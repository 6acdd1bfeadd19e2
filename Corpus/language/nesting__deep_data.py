# Deeply nested lists and dicts built in loops, then read back.
deep = []
cur = deep
for i in range(50):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
depth = 0
node = deep
while node:
    node = node[-1] if isinstance(node[-1], list) else None
    depth += 1
print(depth)
print(str(deep)[:40])
tree = {"name": "root", "children": [{"name": "a", "children": [{"name": "a1", "children": []}]}, {"name": "b", "children": []}]}
def names(t):
    return [t["name"]] + [n for c in t["children"] for n in names(c)]
print(names(tree))
matrix = [[[i * 100 + j * 10 + k for k in range(2)] for j in range(2)] for i in range(2)]
print(matrix, matrix[1][0][1])
nested = {"a": {"b": {"c": {"d": [1, {"e": "found"}]}}}}
print(nested["a"]["b"]["c"]["d"][1]["e"])
answer = (depth, names(tree), matrix)

# expect status: ok
# expect answer: (51, ['root', 'a', 'a1', 'b'], [[[0, 1], [10, 11]], [[100, 101], [110, 111]]])
# expect type: tuple
# expect stdout: "51\n[[0, [1, [2, [3, [4, [5, [6, [7, [8, [9,\n['root', 'a', 'a1', 'b']\n[[[0, 1], [10, 11]], [[100, 101], [110, 111]]] 101\nfound\n"
