values = [10, 20, 30]
answer = values[3]

# expect status: error
# expect error: IndexError "list index out of range"
# expect line: 2
