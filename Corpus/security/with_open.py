# sal-only: sandbox
# 'with' statements are rejected before anything runs.
with open('/etc/passwd') as f:
    answer = f.read()

# expect status: syntax
# expect error: UnsupportedSyntax "sal does not support 'with' statements"
# expect line: 3
