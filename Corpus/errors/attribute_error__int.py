answer = (5).append(1)

# expect status: error
# expect error: AttributeError "'int' object has no attribute 'append'"
# expect line: 1
