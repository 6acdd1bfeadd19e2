# sal-only: resource limit
# Catching MemoryError does not catch the memory limit.
try:
    big = [1] * 10 ** 11
except MemoryError:
    big = []
answer = len(big)

# expect status: limit
# expect error: MemoryLimit
