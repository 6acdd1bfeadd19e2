# sal-only: sandbox
g = globals()
answer = len(g)

# expect status: error
# expect error: NameError "name 'globals' is not defined"
# expect line: 2
