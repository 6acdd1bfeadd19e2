def f(a=1, b):
    return a + b
answer = f(2, 3)

# expect status: syntax
# expect error: SyntaxError "non-default argument follows default argument"
# expect line: 1
