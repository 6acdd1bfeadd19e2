def f():
    continue
answer = f()

# expect status: syntax
# expect error: SyntaxError "'continue' not properly in loop"
# expect line: 2
