x = 1
nonlocal x
answer = x

# expect status: syntax
# expect error: SyntaxError "name 'x' is assigned to before nonlocal declaration"
# expect line: 2
