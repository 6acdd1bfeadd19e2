# Positional-only parameters before /.
def power(base, exp=2, /):
    return base ** exp
print(power(3), power(2, 10))
def mixed(a, b, /, c, *, d):
    return [a, b, c, d]
print(mixed(1, 2, 3, d=4))
print(mixed(1, 2, c=3, d=4))
def kw_named_like_positional(a, /, **kw):
    return a, kw
print(kw_named_like_positional(1, a=2))  # 'a' goes to **kw
try:
    power(base=2)
except TypeError as e:
    print("TypeError:", e)
answer = (power(5), mixed(1, 2, 3, d=4))

# expect status: ok
# expect answer: (25, [1, 2, 3, 4])
# expect type: tuple
# expect stdout: "9 1024\n[1, 2, 3, 4]\n[1, 2, 3, 4]\n(1, {'a': 2})\nTypeError: power() got some positional-only arguments passed as keyword arguments: 'base'\n"
