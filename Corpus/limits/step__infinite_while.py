# sal-only: resource limit
# An infinite loop runs until the step limit stops it.
answer = 0
while True:
    pass

# expect status: limit
# expect error: StepLimit
