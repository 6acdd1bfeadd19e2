answer = "hello".reverse()

# expect status: error
# expect error: AttributeError "'str' object has no attribute 'reverse'"
# expect line: 1
