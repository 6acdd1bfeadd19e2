# sal-only: resource limit
# A loop whose exit condition can never become false (a sign error typical of generated code).
n = 0
while n >= 0:
    n += 1
answer = n

# expect status: limit
# expect error: StepLimit
