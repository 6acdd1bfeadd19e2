# sal-only: sandbox
del __builtins__
answer = 1

# expect status: syntax
# expect error: UnsupportedSyntax "sal does not allow the name '__builtins__'"
# expect line: 2
