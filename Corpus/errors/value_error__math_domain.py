import math
answer = math.sqrt(-4)

# expect status: error
# expect error: ValueError "math domain error"
# expect line: 2
