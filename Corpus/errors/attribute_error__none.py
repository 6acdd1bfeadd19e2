result = [3, 1, 2].sort()
answer = result.append(4)

# expect status: error
# expect error: AttributeError "'NoneType' object has no attribute 'append'"
# expect line: 2
