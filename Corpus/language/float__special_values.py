# inf, nan and -0.0 in arithmetic and comparisons.
import math
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, inf > 1e308)
print(nan + 1, nan * 0, nan == nan, nan != nan, math.isnan(nan), nan is nan)
print(-0.0, 0.0 * -1, -0.0 + 0.0, -0.0 == 0.0, math.copysign(1, -0.0), str(-0.0))
print(min(nan, 1), max(nan, 1), min(1, nan), sorted([3, nan, 1]))
print(math.isinf(1e308 * 10), math.isfinite(1e308), 1e308 + 1e308, -1e308 * 10)
print(round(-0.4), round(-0.0), -0.0 // 1, 0.0 // -1, abs(-0.0), int(-0.0))
answer = [inf, -inf, -0.0, 1e308 * 10]

# expect status: ok
# expect answer: [inf, -inf, -0.0, inf]
# expect type: list
# expect stdout: "inf nan nan inf 0.0 True\nnan nan False True True True\n-0.0 -0.0 0.0 True -1.0 -0.0\nnan nan 1 [3, nan, 1]\nTrue True inf -inf\n0 0 -0.0 -0.0 0.0 0\n"
