# sal-only: resource limit
# A 10 GB string is refused before it is allocated.
x = 'a' * 10 ** 10
answer = len(x)

# expect status: limit
# expect error: MemoryLimit
