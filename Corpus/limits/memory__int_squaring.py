# sal-only: resource limit
# Repeated squaring doubles the size of the int each time. sal charges the work of each big
# multiplication to the step budget, so the run stops on steps before the product outgrows memory.
n = 3
while True:
    n = n * n

# expect status: limit
# expect error: StepLimit
