# sal-only: resource limit
zeros = [0] * 10 ** 10
answer = len(zeros)

# expect status: limit
# expect error: MemoryLimit
