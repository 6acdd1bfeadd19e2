def f(a, b):
    return a + b
answer = f(a=1, 2)

# expect status: syntax
# expect error: SyntaxError "positional argument follows keyword argument"
# expect line: 3
