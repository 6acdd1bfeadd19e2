# Unbounded recursion raises RecursionError at the recursive call.
def countdown(n):
    return countdown(n - 1)
answer = countdown(10)

# expect status: error
# expect error: RecursionError "maximum recursion depth exceeded"
# expect line: 3
