# sal-only: resource limit
# A loop over a billion items exhausts the step budget long before it ends.
total = 0
for i in range(10 ** 9):
    total += i
answer = total

# expect status: limit
# expect error: StepLimit
