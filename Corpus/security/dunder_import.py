# sal-only: sandbox
# The name __import__ is rejected at compile time.
os = __import__('os')
answer = os.getcwd()

# expect status: syntax
# expect error: UnsupportedSyntax "sal does not allow the name '__import__'"
# expect line: 3
