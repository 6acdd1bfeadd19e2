# sal-only: sandbox
breakpoint()
answer = 1

# expect status: error
# expect error: NameError "name 'breakpoint' is not defined"
# expect line: 2
