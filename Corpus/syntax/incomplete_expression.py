total = 5 +
answer = total

# expect status: syntax
# expect error: SyntaxError "invalid syntax"
# expect line: 1
