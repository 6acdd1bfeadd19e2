x = 3
if x > 2:
    break
answer = x

# expect status: syntax
# expect error: SyntaxError "'break' outside loop"
# expect line: 3
