# sal-only: resource limit
padded = 'x'.ljust(10 ** 10)
answer = len(padded)

# expect status: limit
# expect error: MemoryLimit
