def outer(values):
    def inner(v):
        return 100 // v
    return [inner(v) for v in values]
print(outer([1, 2]))
answer = outer([5, 0])

# expect status: error
# expect stdout: "[100, 50]\n"
# expect error: ZeroDivisionError "integer division or modulo by zero"
# expect line: 3
