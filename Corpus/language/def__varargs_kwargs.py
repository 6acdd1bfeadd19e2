# *args and **kwargs collect extra arguments.
def stats(*values):
    print(type(values), values)
    return sum(values) / len(values) if values else 0
print(stats(1, 2, 3, 4))
print(stats())
def config(**options):
    print(type(options), options)
    return sorted(options)
print(config(b=2, a=1))
def everything(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, kwargs)
print(everything(1, c=3))
print(everything(1, 5, 6, 7, c=8, e=9, f=10))
def forward(*args, **kwargs):
    return everything(*args, **kwargs)
print(forward(0, c=0, z=0))
answer = everything(1, 2, 3, c=4, x=5)

# expect status: ok
# expect answer: (1, 2, (3,), 4, 4, {'x': 5})
# expect type: tuple
# expect stdout: "<class 'tuple'> (1, 2, 3, 4)\n2.5\n<class 'tuple'> ()\n0\n<class 'dict'> {'b': 2, 'a': 1}\n['a', 'b']\n(1, 2, (), 3, 4, {})\n(1, 5, (6, 7), 8, 4, {'e': 9, 'f': 10})\n(0, 2, (), 0, 4, {'z': 0})\n"
