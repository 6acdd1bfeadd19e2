# sal-only: resource limit
print("-" * (2 * 10 ** 6))
answer = 1

# expect status: limit
# expect error: OutputLimit
