def solution():
    return 1
answer = solution(5)

# expect status: error
# expect error: TypeError "solution() takes 0 positional arguments but 1 was given"
# expect line: 3
