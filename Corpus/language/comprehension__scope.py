# Comprehension variables do not leak, but can read enclosing and global names.
x = "global x"
squares = [x * x for x in range(4)]
print(x, squares)
factor = 3
def scaled(values):
    offset = 1
    return [v * factor + offset for v in values]
print(scaled([1, 2]))
def nested_scope():
    n = 2
    return [[n * i * j for j in range(3)] for i in range(2)]
print(nested_scope())
rows = 3
table = [[r * c for c in range(rows)] for r in range(rows)]
print(table)
i = 100
gen_total = sum(i for i in range(5))
print(i, gen_total)
answer = (x, squares, i)

# expect status: ok
# expect answer: ('global x', [0, 1, 4, 9], 100)
# expect type: tuple
# expect stdout: "global x [0, 1, 4, 9]\n[4, 7]\n[[0, 0, 0], [0, 2, 4]]\n[[0, 0, 0], [0, 1, 2], [0, 2, 4]]\n100 10\n"
