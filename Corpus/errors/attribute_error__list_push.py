stack = [1]
stack.push(2)
answer = stack

# expect status: error
# expect error: AttributeError "'list' object has no attribute 'push'"
# expect line: 2
