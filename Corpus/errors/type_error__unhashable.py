seen = {}
key = [1, 2]
seen[key] = True
answer = seen

# expect status: error
# expect error: TypeError "unhashable type: 'list'"
# expect line: 3
