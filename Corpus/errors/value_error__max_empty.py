answer = max([])

# expect status: error
# expect error: ValueError "max() arg is an empty sequence"
# expect line: 1
