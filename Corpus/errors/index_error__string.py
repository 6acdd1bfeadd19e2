answer = "abc"[-4]

# expect status: error
# expect error: IndexError "string index out of range"
# expect line: 1
