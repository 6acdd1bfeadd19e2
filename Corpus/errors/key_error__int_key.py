d = {1: "one"}
answer = d[2]

# expect status: error
# expect error: KeyError "2"
# expect line: 2
