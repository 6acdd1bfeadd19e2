row = [0, 0]
row[2] = 1
answer = row

# expect status: error
# expect error: IndexError "list assignment index out of range"
# expect line: 2
