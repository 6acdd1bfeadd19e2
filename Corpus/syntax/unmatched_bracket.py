data = [1, 2, 3)
answer = data

# expect status: syntax
# expect error: SyntaxError "closing parenthesis ')' does not match opening parenthesis '['"
# expect line: 1
