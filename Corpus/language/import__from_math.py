# from math import names, including with 'as'.
from math import sqrt, ceil, floor as fl, pi
from math import (
    comb,
    perm,
)
print(sqrt(2), ceil(7 / 2), fl(7 / 2), pi)
print(comb(5, 2), perm(5, 2))
boxes = ceil(53 / 12)
print("boxes needed:", boxes)
answer = boxes

# expect status: ok
# expect answer: 5
# expect type: int
# expect stdout: "1.4142135623730951 4 3 3.141592653589793\n10 20\nboxes needed: 5\n"
