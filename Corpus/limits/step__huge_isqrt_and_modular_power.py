# sal-only: resource limit
# math.isqrt and three-argument pow loop inside one call; both charge their divisions and products
# before running them, so an enormous argument meets the step budget instead of running for minutes.
import math
try:
    root = math.isqrt(10 ** 600000)
except Exception:
    root = 0
answer = pow(3, 2 ** 100000, 10 ** 20000 + 1)

# expect status: limit
# expect error: StepLimit
