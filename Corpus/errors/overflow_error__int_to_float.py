answer = float(10 ** 400)

# expect status: error
# expect error: OverflowError "int too large to convert to float"
# expect line: 1
