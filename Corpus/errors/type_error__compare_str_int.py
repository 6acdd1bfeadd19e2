answer = sorted([3, "2", 1])

# expect status: error
# expect error: TypeError "'<' not supported between instances of 'str' and 'int'"
# expect line: 1
