answer = 1
doc = """never closed

# expect status: syntax
# expect error: SyntaxError "unterminated triple-quoted string literal (detected at line 2)"
# expect line: 2
