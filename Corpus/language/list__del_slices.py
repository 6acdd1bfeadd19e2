# del on items, slices, extended slices and names.
a = list(range(12))
del a[0]; print(a)
del a[-1]; print(a)
del a[2:4]; print(a)
del a[::2]; print(a)
del a[::-2]; print(a)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]; print(d)
x = 5
del x
try:
    print(x)
except NameError as e:
    print("after del:", e)
nested = [[1, 2, 3], [4, 5]]
del nested[0][1:]; print(nested)
answer = (a, d, nested)

# expect status: ok
# expect answer: ([2, 8], {'a': 1, 'c': 3}, [[1], [4, 5]])
# expect type: tuple
# expect stdout: "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]\n[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n[1, 2, 5, 6, 7, 8, 9, 10]\n[2, 6, 8, 10]\n[2, 8]\n{'a': 1, 'c': 3}\nafter del: name 'x' is not defined\n[[1], [4, 5]]\n"
