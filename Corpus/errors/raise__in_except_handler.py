# An exception raised inside a handler is the one reported, at its own line.
try:
    1 / 0
except ZeroDivisionError:
    raise KeyError("while handling")
answer = 1

# expect status: error
# expect error: KeyError "'while handling'"
# expect line: 5
