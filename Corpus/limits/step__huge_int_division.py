# sal-only: resource limit
# Each long division of a 1.3-million-bit int runs inside BigInt for about a second, and a loop of
# them takes only a few VM steps. sal charges each division's word products to the step budget
# before it starts, so the run stops at once instead of running past the time limit.
x = 10 ** 400000
y = 10 ** 200000 + 7
for _ in range(30):
    q = x // y
answer = q % 10

# expect status: limit
# expect error: StepLimit
