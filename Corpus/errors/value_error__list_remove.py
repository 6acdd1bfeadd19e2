items = [1, 2, 3]
items.remove(4)
answer = items

# expect status: error
# expect error: ValueError "list.remove(x): x not in list"
# expect line: 2
