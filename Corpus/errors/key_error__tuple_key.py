grid = {(0, 0): "start"}
answer = grid[(1, 2)]

# expect status: error
# expect error: KeyError "(1, 2)"
# expect line: 2
