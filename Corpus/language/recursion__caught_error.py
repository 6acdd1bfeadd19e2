# A RecursionError can be caught, and the program continues normally afterwards.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("caught:", type(e))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
answer = depth(500)
print(answer)

# expect status: ok
# expect answer: 500
# expect type: int
# expect stdout: "caught: <class 'RecursionError'>\n500\n"
