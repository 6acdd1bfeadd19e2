answer = {}.pop("k")

# expect status: error
# expect error: KeyError "'k'"
# expect line: 1
