# math constants and their reprs.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.pi * 2 == math.tau, math.inf > 10 ** 1000, math.isnan(math.nan))
print(f"{math.pi:.10f} {math.e:.5f} {math.pi:e}")
answer = round(math.pi * 10 ** 2, 3)

# expect status: ok
# expect answer: 314.159
# expect type: float
# expect stdout: "3.141592653589793 2.718281828459045 6.283185307179586 inf -inf nan\nTrue True True\n3.1415926536 2.71828 3.141593e+00\n"
