x = 3
assert x > 5
answer = x

# expect status: error
# expect error: AssertionError ""
# expect line: 2
