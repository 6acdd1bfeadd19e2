answer = ", ".join([1, 2, 3])

# expect status: error
# expect error: TypeError "sequence item 0: expected str instance, int found"
# expect line: 1
