def fact(n):
    return n * fact(n - 1)
print("start")
answer = fact(5)

# expect status: error
# expect stdout: "start\n"
# expect error: RecursionError "maximum recursion depth exceeded"
# expect line: 2
