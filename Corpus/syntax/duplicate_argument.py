def f(a, a):
    return a
answer = f(1, 2)

# expect status: syntax
# expect error: SyntaxError "duplicate argument 'a' in function definition"
# expect line: 1
