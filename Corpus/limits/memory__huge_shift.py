# sal-only: resource limit
answer = 1 << 10 ** 10

# expect status: limit
# expect error: MemoryLimit
