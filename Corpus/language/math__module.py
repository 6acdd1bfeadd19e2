# The math functions solution programs reach for.
import math
print(math.sqrt(2), math.sqrt(144), math.cbrt(27), math.pow(2, 0.5))
print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7), math.trunc(-3.7), math.fabs(-4))
print(math.exp(1), math.log(100), math.log(100, 10), math.log10(0.001), math.log2(1024), math.log1p(0))
print(math.sin(math.pi / 2), math.cos(0), math.tan(math.pi / 4), math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
print(math.hypot(3, 4), math.dist((0, 0), (3, 4)), math.isclose(1.0, 1.0 + 1e-10), math.copysign(3, -0.0))
print(math.fmod(-7, 3), -7 % 3, math.remainder(7, 3), math.modf(3.25), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([0.5, 4]), math.fsum([0.1] * 10))
answer = math.floor(math.log2(1000)) + math.ceil(math.sqrt(10))

# expect status: ok
# expect answer: 13
# expect type: int
# expect stdout: "1.4142135623730951 12.0 3.0000000000000004 1.4142135623730951\n3 -4 4 -3 -3 4.0\n2.718281828459045 4.605170185988092 2.0 -3.0 10.0 0.0\n1.0 1.0 0.9999999999999999 0.7853981633974483 180.0 3.141592653589793\n5.0 5.0 True -3.0\n-1.0 2 1.0 (0.25, 3.0) (0.5, 4) 8.0\n24 1 2.0 1.0\n"
