answer = list(range(0, 10, 0))

# expect status: error
# expect error: ValueError "range() arg 3 must not be zero"
# expect line: 1
