# Closures capture variables, not values.
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fixed = [lambda i=i: i for i in range(3)]
print([f() for f in fixed])
def make_adders():
    adders = []
    for n in range(3):
        def add(x, n=n):
            return x + n
        adders.append(add)
    return adders
print([a(10) for a in make_adders()])
def outer():
    value = 1
    def get():
        return value
    value = 2
    return get
print(outer()())
answer = [f() for f in fns] + [f() for f in fixed]

# expect status: ok
# expect answer: [2, 2, 2, 0, 1, 2]
# expect type: list
# expect stdout: "[2, 2, 2]\n[0, 1, 2]\n[10, 11, 12]\n2\n"
