answer = (1, 2)[2]

# expect status: error
# expect error: IndexError "tuple index out of range"
# expect line: 1
