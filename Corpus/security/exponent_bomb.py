# sal-only: sandbox
# A power tower whose value (about 1.4 GB) cannot be stored.
answer = 9 ** 9 ** 10

# expect status: limit
# expect error: MemoryLimit
