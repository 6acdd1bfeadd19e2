answer = 7.5 % 0

# expect status: error
# expect error: ZeroDivisionError "float modulo"
# expect line: 1
