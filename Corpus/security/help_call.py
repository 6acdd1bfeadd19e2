# sal-only: sandbox
help(len)
answer = 1

# expect status: error
# expect error: NameError "name 'help' is not defined"
# expect line: 2
