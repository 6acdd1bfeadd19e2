answer = 5
print answer

# expect status: syntax
# expect error: SyntaxError "Missing parentheses in call to 'print'. Did you mean print(...)?"
# expect line: 2
