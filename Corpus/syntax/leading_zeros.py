answer = 007 + 1

# expect status: syntax
# expect error: SyntaxError "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
# expect line: 1
