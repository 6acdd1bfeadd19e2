x = 5
answer = "big" if x > 3

# expect status: syntax
# expect error: SyntaxError "expected 'else' after 'if' expression"
# expect line: 2
