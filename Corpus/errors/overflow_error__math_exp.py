import math
answer = math.exp(1000)

# expect status: error
# expect error: OverflowError "math range error"
# expect line: 2
