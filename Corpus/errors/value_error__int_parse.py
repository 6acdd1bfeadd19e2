text = "12.5"
answer = int(text)

# expect status: error
# expect error: ValueError "invalid literal for int() with base 10: '12.5'"
# expect line: 2
