nonlocal x
answer = 1

# expect status: syntax
# expect error: SyntaxError "nonlocal declaration not allowed at module level"
# expect line: 1
