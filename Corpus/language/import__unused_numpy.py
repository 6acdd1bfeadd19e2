# Solution programs often import numpy without using it; the program must still run.
import numpy as np
import math

def solution():
    apples = 23
    eaten = 20
    bought = 6
    remaining = apples - eaten + bought
    print(f"The cafeteria has {remaining} apples.")
    return remaining

answer = solution()

# expect status: ok
# expect answer: 9
# expect type: int
# expect stdout: "The cafeteria has 9 apples.\n"
