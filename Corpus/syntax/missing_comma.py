values = [1 2 3]
answer = sum(values)

# expect status: syntax
# expect error: SyntaxError "invalid syntax. Perhaps you forgot a comma?"
# expect line: 1
