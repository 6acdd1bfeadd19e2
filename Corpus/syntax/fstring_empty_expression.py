answer = f"value: {}"

# expect status: syntax
# expect error: SyntaxError "f-string: empty expression not allowed"
# expect line: 1
