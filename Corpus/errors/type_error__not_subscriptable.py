count = 42
answer = count[0]

# expect status: error
# expect error: TypeError "'int' object is not subscriptable"
# expect line: 2
