import math
answer = math.round(2.5)

# expect status: error
# expect error: AttributeError "module 'math' has no attribute 'round'"
# expect line: 2
