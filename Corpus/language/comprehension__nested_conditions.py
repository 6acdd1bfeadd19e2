# Several for clauses and several if clauses in one comprehension.
triples = [(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 25) if a * a + b * b == c * c]
print(triples)
print([x for x in range(50) if x % 3 == 0 if x % 5 == 0])
print([x for x in range(30) if x % 2 if x % 3])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([v for row in matrix for v in row if v % 2 == 1])
print([[v * 10 for v in row if v != 5] for row in matrix])
print([(i, ch) for i, word in enumerate(["ab", "c"]) for ch in word])
transpose = [[row[i] for row in matrix] for i in range(3)]
print(transpose)
answer = triples

# expect status: ok
# expect answer: [(3, 4, 5), (5, 12, 13), (6, 8, 10), (8, 15, 17), (9, 12, 15), (12, 16, 20)]
# expect type: list
# expect stdout: "[(3, 4, 5), (5, 12, 13), (6, 8, 10), (8, 15, 17), (9, 12, 15), (12, 16, 20)]\n[0, 15, 30, 45]\n[1, 5, 7, 11, 13, 17, 19, 23, 25, 29]\n[1, 3, 5, 7, 9]\n[[10, 20, 30], [40, 60], [70, 80, 90]]\n[(0, 'a'), (0, 'b'), (1, 'c')]\n[[1, 4, 7], [2, 5, 8], [3, 6, 9]]\n"
