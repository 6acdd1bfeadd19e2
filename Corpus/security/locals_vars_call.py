# sal-only: sandbox
def f():
    return vars()
answer = locals()

# expect status: error
# expect error: NameError "name 'locals' is not defined"
# expect line: 4
