answer = “hello”

# expect status: syntax
# expect error: SyntaxError "invalid character '“' (U+201C)"
# expect line: 1
