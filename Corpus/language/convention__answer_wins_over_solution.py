# When 'answer' is defined, solution() is never called (its print does not appear).
def solution():
    print("solution was called")
    return 1
answer = 2

# expect status: ok
# expect answer: 2
# expect type: int
