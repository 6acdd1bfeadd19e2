# Mutually recursive functions defined at module level.
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print([is_even(n) for n in range(6)])
print(is_odd(301))
def count_ways(n, coins):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return count_ways(n - coins[0], coins) + count_ways(n, coins[1:])
answer = count_ways(100, [50, 25, 10, 5, 1])
print(answer)

# expect status: ok
# expect answer: 292
# expect type: int
# expect stdout: "[True, False, True, False, True, False]\nTrue\n292\n"
