x = 17
answer = x % 0

# expect status: error
# expect error: ZeroDivisionError "integer modulo by zero"
# expect line: 2
