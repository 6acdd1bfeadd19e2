f = lambda n: f(n + 1)
answer = f(0)

# expect status: error
# expect error: RecursionError "maximum recursion depth exceeded"
# expect line: 1
