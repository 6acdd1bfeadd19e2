Here is the solution to the problem:
answer = 6 * 7

# expect status: syntax
# expect error: SyntaxError "invalid syntax"
# expect line: 1
