# sal-only: sandbox
opener = __builtins__['open']
answer = opener

# expect status: syntax
# expect error: UnsupportedSyntax "sal does not allow the name '__builtins__'"
# expect line: 2
