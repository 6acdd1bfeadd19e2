answer = "hello".index("z")

# expect status: error
# expect error: ValueError "substring not found"
# expect line: 1
