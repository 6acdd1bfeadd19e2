# sal-only: resource limit
width = 10 ** 10
s = f"{1:>{width}}"
answer = len(s)

# expect status: limit
# expect error: MemoryLimit
