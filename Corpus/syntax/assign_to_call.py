def f():
    return 1
f() = 2
answer = 1

# expect status: syntax
# expect error: SyntaxError "cannot assign to function call here. Maybe you meant '==' instead of '='?"
# expect line: 3
