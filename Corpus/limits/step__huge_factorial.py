# sal-only: resource limit
# math.factorial multiplies a product tree inside one call; each product is charged before it is
# computed, so a huge argument meets the step budget instead of running past the time limit.
import math
answer = math.factorial(300000) % 1000003

# expect status: limit
# expect error: StepLimit
