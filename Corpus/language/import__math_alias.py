# import math as m, and several imports on one line.
import math as m, math
print(m.sqrt(25), m is math, m.pi == math.pi)
def hypotenuse(a, b):
    return m.sqrt(a ** 2 + b ** 2)
print(hypotenuse(5, 12), hypotenuse(1, 1))
answer = m.ceil(hypotenuse(2, 3))

# expect status: ok
# expect answer: 4
# expect type: int
# expect stdout: "5.0 True True\n13.0 1.4142135623730951\n"
