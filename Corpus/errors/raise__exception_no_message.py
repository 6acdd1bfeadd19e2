raise RuntimeError

# expect status: error
# expect error: RuntimeError ""
# expect line: 1
