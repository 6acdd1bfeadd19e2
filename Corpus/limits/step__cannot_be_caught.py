# sal-only: resource limit
# A limit is not an exception: even 'except BaseException' cannot catch it, so the handler never runs.
try:
    while True:
        pass
except BaseException:
    answer = "caught"
answer = "after"

# expect status: limit
# expect error: StepLimit
