# sal-only: sandbox
code = compile('1 + 1', '<s>', 'eval')
answer = code

# expect status: error
# expect error: NameError "name 'compile' is not defined"
# expect line: 2
