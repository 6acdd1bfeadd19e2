total = 10
answer = total(5)

# expect status: error
# expect error: TypeError "'int' object is not callable"
# expect line: 2
