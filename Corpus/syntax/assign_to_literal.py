5 = x
answer = 5

# expect status: syntax
# expect error: SyntaxError "cannot assign to literal here. Maybe you meant '==' instead of '='?"
# expect line: 1
