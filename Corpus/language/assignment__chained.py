# Chained assignment binds every target to the same object.
a = b = c = 7
print(a, b, c)
x = y = []
x.append(1)
print(y, x is y)
d = {}
d["k"] = d["j"] = 0
print(sorted(d.items()))
i = lst = None
lst = [10, 20, 30]
i = lst[i] = 1  # targets are assigned left to right: i first, then lst[i]
print(i, lst)
answer = (a + b + c, y, lst)

# expect status: ok
# expect answer: (21, [1], [10, 1, 30])
# expect type: tuple
# expect stdout: "7 7 7\n[1] True\n[('j', 0), ('k', 0)]\n1 [10, 1, 30]\n"
