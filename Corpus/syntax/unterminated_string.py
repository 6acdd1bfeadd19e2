greeting = "hello
answer = greeting

# expect status: syntax
# expect error: SyntaxError "unterminated string literal (detected at line 1)"
# expect line: 1
