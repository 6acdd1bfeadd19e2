# sal-only: sandbox
exec('x = 1')
answer = 1

# expect status: error
# expect error: NameError "name 'exec' is not defined"
# expect line: 2
