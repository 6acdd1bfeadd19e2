# Slicing tuples and ranges keeps their type.
t = tuple(range(10))
print(t[2:6], t[::-3], t[-2:], type(t[1:2]), t[5:5])
r = range(0, 20, 2)
print(r[2:5], r[::-1], r[::3], list(r[-3:]), len(r[1:100]))
nested = (("a", 1), ("b", 2), ("c", 3))
print(nested[1:][0], nested[::-1][0][0])
answer = (t[1:8:2], list(r[::4]))

# expect status: ok
# expect answer: ((1, 3, 5, 7), [0, 8, 16])
# expect type: tuple
# expect stdout: "(2, 3, 4, 5) (9, 6, 3, 0) (8, 9) <class 'tuple'> ()\nrange(4, 10, 2) range(18, -2, -2) range(0, 20, 6) [14, 16, 18] 9\n('b', 2) c\n"
