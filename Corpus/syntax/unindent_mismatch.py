def f():
        a = 1
    return a
answer = f()

# expect status: syntax
# expect error: IndentationError "unindent does not match any outer indentation level"
# expect line: 3
