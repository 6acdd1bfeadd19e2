answer = f"cost: {5 + 3"

# expect status: syntax
# expect error: SyntaxError "f-string: expecting '}'"
# expect line: 1
