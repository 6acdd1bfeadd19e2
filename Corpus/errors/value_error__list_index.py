answer = ["a", "b"].index("c")

# expect status: error
# expect error: ValueError "'c' is not in list"
# expect line: 1
