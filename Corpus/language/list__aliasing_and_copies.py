# Aliasing: multiplication copies references; slices and copy() are shallow.
rows = [[0] * 3] * 2
rows[0][0] = 1
print(rows)
good = [[0] * 3 for _ in range(2)]
good[0][0] = 1
print(good)
orig = [[1, 2], [3]]
shallow = orig[:]
shallow[0].append(99)
shallow.append("new")
print(orig, shallow)
same = orig
same += [["added"]]
print(orig is same, orig)
cp = list(orig)
print(cp == orig, cp is orig, cp[0] is orig[0])
answer = (rows, good, orig)

# expect status: ok
# expect answer: ([[1, 0, 0], [1, 0, 0]], [[1, 0, 0], [0, 0, 0]], [[1, 2, 99], [3], ['added']])
# expect type: tuple
# expect stdout: "[[1, 0, 0], [1, 0, 0]]\n[[1, 0, 0], [0, 0, 0]]\n[[1, 2, 99], [3]] [[1, 2, 99], [3], 'new']\nTrue [[1, 2, 99], [3], ['added']]\nTrue False True\n"
