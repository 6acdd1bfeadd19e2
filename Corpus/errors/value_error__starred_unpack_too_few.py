first, second, *rest = [1]
answer = first

# expect status: error
# expect error: ValueError "not enough values to unpack (expected at least 2, got 1)"
# expect line: 1
