answer = sum(x for x in range(3), 10)

# expect status: syntax
# expect error: SyntaxError "Generator expression must be parenthesized"
# expect line: 1
