total = 0
for i in range(5)
    total += i
answer = total

# expect status: syntax
# expect error: SyntaxError "expected ':'"
# expect line: 2
