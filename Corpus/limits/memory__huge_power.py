# sal-only: resource limit
# The result would need about 4 GB; '**' estimates the size before computing.
answer = 10 ** 10 ** 10

# expect status: limit
# expect error: MemoryLimit
