# sal-only: sandbox
# A billion references to one list: refused by the memory limit before allocation.
grid = [[]] * 10 ** 9
answer = len(grid)

# expect status: limit
# expect error: MemoryLimit
