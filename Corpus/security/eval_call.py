# sal-only: sandbox
answer = eval('1+1')

# expect status: error
# expect error: NameError "name 'eval' is not defined"
# expect line: 2
