# 0 raised to a negative power.
answer = 0 ** -1

# expect status: error
# expect error: ZeroDivisionError "0.0 cannot be raised to a negative power"
# expect line: 2
