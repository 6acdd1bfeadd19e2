f = lambda x: return x
answer = f(1)

# expect status: syntax
# expect error: SyntaxError "invalid syntax"
# expect line: 1
