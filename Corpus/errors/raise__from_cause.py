try:
    [].pop()
except IndexError as e:
    raise LookupError("nothing to pop") from e
answer = 0

# expect status: error
# expect error: LookupError "nothing to pop"
# expect line: 4
