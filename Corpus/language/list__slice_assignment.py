# Slice assignment can grow, shrink, insert and replace.
a = list(range(6))
a[1:3] = ["x", "y", "z"]; print(a)
a[:0] = [-1]; print(a)
a[len(a):] = [99]; print(a)
a[2:5] = []; print(a)
a[:] = "abc"; print(a)
b = list(range(10))
b[::2] = [0] * 5; print(b)
b[1::3] = "QRS"; print(b)
b[::-3] = [7, 7, 7, 7]; print(b)
c = [1, 2, 3]
c[1:2] = c; print(c)
answer = (a, b, c)

# expect status: ok
# expect answer: (['a', 'b', 'c'], [7, 'Q', 0, 7, 'R', 5, 7, 'S', 0, 7], [1, 1, 2, 3, 3])
# expect type: tuple
# expect stdout: "[0, 'x', 'y', 'z', 3, 4, 5]\n[-1, 0, 'x', 'y', 'z', 3, 4, 5]\n[-1, 0, 'x', 'y', 'z', 3, 4, 5, 99]\n[-1, 0, 3, 4, 5, 99]\n['a', 'b', 'c']\n[0, 1, 0, 3, 0, 5, 0, 7, 0, 9]\n[0, 'Q', 0, 3, 'R', 5, 0, 'S', 0, 9]\n[7, 'Q', 0, 7, 'R', 5, 7, 'S', 0, 7]\n[1, 1, 2, 3, 3]\n"
