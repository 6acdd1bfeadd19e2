def scale(x, *, factor):
    return x * factor
answer = scale(3)

# expect status: error
# expect error: TypeError "scale() missing 1 required keyword-only argument: 'factor'"
# expect line: 3
