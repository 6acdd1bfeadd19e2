def solution():
    """A robe takes 2 bolts of blue fiber and half that much white fiber. How many bolts in total does it take?"""
    blue_fiber = 2
    white_fiber = blue_fiber / 2
    total_fiber = blue_fiber + white_fiber
    result = total_fiber
    return result

# expect status: ok
# expect answer: 3.0
# expect type: float
