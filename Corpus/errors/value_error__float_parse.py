answer = float("1,234.5")

# expect status: error
# expect error: ValueError "could not convert string to float: '1,234.5'"
# expect line: 1
