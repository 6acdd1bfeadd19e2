answer = len(12345)

# expect status: error
# expect error: TypeError "object of type 'int' has no len()"
# expect line: 1
