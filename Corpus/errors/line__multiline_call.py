def combine(a, b, c):
    return a + b + c
answer = combine(
    1,
    "two",
    3,
)

# expect status: error
# expect error: TypeError "unsupported operand type(s) for +: 'int' and 'str'"
# expect line: 2
