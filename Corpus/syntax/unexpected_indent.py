x = 1
    y = 2
answer = x + y

# expect status: syntax
# expect error: IndentationError "unexpected indent"
# expect line: 2
