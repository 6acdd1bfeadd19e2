answer = "ab" * 2.5

# expect status: error
# expect error: TypeError "can't multiply sequence by non-int of type 'float'"
# expect line: 1
