# Summing floats accumulates rounding error; math.fsum does not.
import math
tenths = [0.1] * 10
print(sum(tenths), math.fsum(tenths), sum(tenths) == 1.0)
prices = [19.99, 5.01, 3.50, 0.10, 0.20]
total = sum(prices)
print(total, round(total, 2), f"{total:.2f}")
print(0.1 + 0.2, 0.1 + 0.7, 1.1 + 2.2, 3 * 1.1, 0.57 * 100, 1.15 * 100)
acc = 0.0
for _ in range(1000):
    acc += 0.001
print(acc, round(acc, 10))
print(sum([1, 2.5, True]), sum([0.5, 0.25], 1), sum([1e100, 1.0, -1e100]), math.fsum([1e100, 1.0, -1e100]))
answer = sum(prices)

# expect status: ok
# expect answer: 28.8
# expect type: float
# expect stdout: "0.9999999999999999 1.0 False\n28.8 28.8 28.80\n0.30000000000000004 0.7999999999999999 3.3000000000000003 3.3000000000000003 56.99999999999999 114.99999999999999\n1.0000000000000007 1.0\n4.5 1.75 0.0 1.0\n"
