# Recursion about 900 deep stays under CPython's default limit of 1000.
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(900))
def sum_to(n):
    return n + sum_to(n - 1) if n else 0
answer = sum_to(900)
print(answer)

# expect status: ok
# expect answer: 405450
# expect type: int
# expect stdout: "900\n405450\n"
