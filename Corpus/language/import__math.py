# import math and use it through the module name.
import math
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.pi)
print(math.factorial(10), math.gcd(12, 18), math.isqrt(99))
radius = 3
area = math.pi * radius ** 2
print(f"area = {area:.4f}")
answer = round(area, 2)

# expect status: ok
# expect answer: 28.27
# expect type: float
# expect stdout: "4.0 -3 3 3.141592653589793\n3628800 6 9\narea = 28.2743\n"
