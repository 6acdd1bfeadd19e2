# Tuple and list unpacking on the left of '='.
a, b = 1, 2
print(a, b)
a, b = b, a
print("swapped:", a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "hi"
print(f, g)
h, = [42]
print(h)
p, q, r = range(3)
print(p, q, r)
x, y = divmod(17, 5)
print(f"17 = 5*{x} + {y}")
for key, (lo, hi) in {"a": (1, 2), "b": (3, 4)}.items():
    print(key, lo + hi)
answer = [a, b, c, d, e, f, g, h, p, q, r, x, y]

# expect status: ok
# expect answer: [2, 1, 3, 4, 5, 'h', 'i', 42, 0, 1, 2, 3, 2]
# expect type: list
# expect stdout: "1 2\nswapped: 2 1\n3 4 5\nh i\n42\n0 1 2\n17 = 5*3 + 2\na 3\nb 7\n"
