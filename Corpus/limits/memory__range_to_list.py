# sal-only: resource limit
numbers = list(range(10 ** 10))
answer = sum(numbers)

# expect status: limit
# expect error: MemoryLimit
