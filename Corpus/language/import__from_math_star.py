# from math import * brings the public names in (no underscore names).
from math import *
print(sqrt(81), floor(3.7), ceil(3.2), factorial(5), gcd(8, 12), e, inf, tau)
print(log(e), log10(1000), log2(8), log(8, 2), exp(0), fabs(-3), trunc(-3.7))
print(isclose(0.1 + 0.2, 0.3), isnan(nan), isinf(-inf), hypot(3, 4))
answer = floor(sqrt(50))

# expect status: ok
# expect answer: 7
# expect type: int
# expect stdout: "9.0 3 4 120 4 2.718281828459045 inf 6.283185307179586\n1.0 3.0 3.0 3.0 1.0 3.0 -3\nTrue True True 5.0\n"
