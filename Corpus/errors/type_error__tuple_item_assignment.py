point = (1, 2)
point[0] = 5
answer = point

# expect status: error
# expect error: TypeError "'tuple' object does not support item assignment"
# expect line: 2
