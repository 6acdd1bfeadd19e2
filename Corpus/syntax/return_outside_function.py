x = 3
return x * 2

# expect status: syntax
# expect error: SyntaxError "'return' outside function"
# expect line: 2
