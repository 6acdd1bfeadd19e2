answer = (1 + 2))

# expect status: syntax
# expect error: SyntaxError "unmatched ')'"
# expect line: 1
