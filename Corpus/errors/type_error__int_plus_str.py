answer = 5 + "5"

# expect status: error
# expect error: TypeError "unsupported operand type(s) for +: 'int' and 'str'"
# expect line: 1
