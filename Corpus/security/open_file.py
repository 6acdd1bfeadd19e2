# sal-only: sandbox
# There is no 'open' builtin: reading files is impossible.
data = open('/etc/passwd').read()
answer = len(data)

# expect status: error
# expect error: NameError "name 'open' is not defined"
# expect line: 3
