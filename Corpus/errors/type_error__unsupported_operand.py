items = [1, 2, 3]
answer = items - [1]

# expect status: error
# expect error: TypeError "unsupported operand type(s) for -: 'list' and 'list'"
# expect line: 2
