# sal-only: resource limit
# Recursing again inside a RecursionError handler makes an exponential number of calls; some limit
# (steps, time or recursion) must end it. Only the status is pinned down.
def f(n):
    try:
        return f(n + 1)
    except RecursionError:
        return f(n + 1)
answer = f(0)

# expect status: limit
