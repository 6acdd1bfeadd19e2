# sal-only: resource limit
# Doubling a list in a loop reaches the memory limit within a few dozen steps.
x = [0]
while True:
    x = x + x

# expect status: limit
# expect error: MemoryLimit
