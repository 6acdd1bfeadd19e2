rate = 0.0
answer = 5.5 / rate

# expect status: error
# expect error: ZeroDivisionError "float division by zero"
# expect line: 2
