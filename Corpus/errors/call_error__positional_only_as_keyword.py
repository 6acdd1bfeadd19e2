def f(a, /):
    return a
answer = f(a=1)

# expect status: error
# expect error: TypeError "f() got some positional-only arguments passed as keyword arguments: 'a'"
# expect line: 3
