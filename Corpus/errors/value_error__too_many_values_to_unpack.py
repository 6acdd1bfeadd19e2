a, b = [1, 2, 3]
answer = a + b

# expect status: error
# expect error: ValueError "too many values to unpack (expected 2)"
# expect line: 1
