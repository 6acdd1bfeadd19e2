# Keyword-only parameters after * or *args.
def scale(value, *, factor=2, offset=0):
    return value * factor + offset
print(scale(5))
print(scale(5, factor=3))
print(scale(5, offset=1, factor=10))
def join_all(*parts, sep="-"):
    return sep.join(parts)
print(join_all("a", "b", "c"))
print(join_all("a", "b", sep="+"))
def required_kw(a, *, b):
    return a - b
print(required_kw(10, b=3))
try:
    scale(5, 3)
except TypeError as e:
    print("TypeError:", e)
answer = (scale(5, factor=3), join_all("x", "y"), required_kw(b=1, a=2))

# expect status: ok
# expect answer: (15, 'x-y', 1)
# expect type: tuple
# expect stdout: "10\n15\n51\na-b-c\na+b\n7\nTypeError: scale() takes 1 positional argument but 2 were given\n"
