answer = divmod(7, 0)

# expect status: error
# expect error: ZeroDivisionError "integer division or modulo by zero"
# expect line: 1
