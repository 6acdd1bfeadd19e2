s = {1, 2}
s.remove(3)
answer = s

# expect status: error
# expect error: KeyError "3"
# expect line: 2
