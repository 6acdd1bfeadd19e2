# The harness calls solution() with no arguments; a required parameter makes that call fail.
def solution(n):
    return n * 2

# expect status: error
# expect error: TypeError "solution() missing 1 required positional argument: 'n'"
