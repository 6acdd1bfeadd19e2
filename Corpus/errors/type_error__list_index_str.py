scores = [90, 85, 77]
answer = scores["1"]

# expect status: error
# expect error: TypeError "list indices must be integers or slices, not str"
# expect line: 2
