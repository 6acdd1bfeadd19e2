stack = []
answer = stack.pop()

# expect status: error
# expect error: IndexError "pop from empty list"
# expect line: 2
