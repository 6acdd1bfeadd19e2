answer = int(float("inf"))

# expect status: error
# expect error: OverflowError "cannot convert float infinity to integer"
# expect line: 1
