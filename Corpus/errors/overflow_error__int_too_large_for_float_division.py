answer = 10 ** 400 / 3

# expect status: error
# expect error: OverflowError "integer division result too large for a float"
# expect line: 1
