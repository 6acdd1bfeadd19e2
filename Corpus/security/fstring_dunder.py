# sal-only: sandbox
# f-string expressions are compiled like code, so the attribute is rejected at compile time.
answer = f'{(1).__class__}'

# expect status: syntax
# expect error: UnsupportedSyntax "sal does not allow attribute names that begin with '_': '__class__'"
# expect line: 3
