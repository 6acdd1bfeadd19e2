def f(a, b=1):
    return a + b
answer = f(1, 2, 3)

# expect status: error
# expect error: TypeError "f() takes from 1 to 2 positional arguments but 3 were given"
# expect line: 3
