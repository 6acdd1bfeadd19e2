it = iter([])
answer = next(it)

# expect status: error
# expect error: StopIteration ""
# expect line: 2
