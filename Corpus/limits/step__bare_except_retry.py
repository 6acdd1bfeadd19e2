# sal-only: resource limit
# A bare except around a spinning loop, retried forever: still a limit, never swallowed.
attempts = 0
while True:
    try:
        attempts += 1
        while True:
            pass
    except:
        continue

# expect status: limit
# expect error: StepLimit
