d = {"a": 1}
answer = d.a

# expect status: error
# expect error: AttributeError "'dict' object has no attribute 'a'"
# expect line: 2
