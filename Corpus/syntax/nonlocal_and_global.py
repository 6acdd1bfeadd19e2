def f():
    x = 1
    def g():
        global x
        nonlocal x
    return g
answer = 1

# expect status: syntax
# expect error: SyntaxError "name 'x' is nonlocal and global"
# expect line: 4
