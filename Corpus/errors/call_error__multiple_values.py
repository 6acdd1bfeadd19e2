def f(a, b):
    return a - b
answer = f(1, a=2)

# expect status: error
# expect error: TypeError "f() got multiple values for argument 'a'"
# expect line: 3
