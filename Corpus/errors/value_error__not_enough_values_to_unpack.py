x, y, z = "ab"
answer = x

# expect status: error
# expect error: ValueError "not enough values to unpack (expected 3, got 2)"
# expect line: 1
