(a.b := 1)
answer = 1

# expect status: syntax
# expect error: SyntaxError "cannot use assignment expressions with attribute"
# expect line: 1
