# gcd, lcm, comb, perm, factorial, isqrt on ints, including big and zero arguments.
import math
print(math.gcd(48, 18), math.gcd(0, 5), math.gcd(-12, 8), math.gcd(), math.gcd(12, 18, 24), math.gcd(2 ** 100, 6 ** 50))
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(0, 4), math.lcm(), math.lcm(2 ** 40, 3 ** 20))
print(math.comb(10, 3), math.comb(10, 0), math.comb(3, 5), math.perm(5), math.perm(5, 0), math.perm(3, 4))
print(math.factorial(0), math.factorial(1), math.isqrt(0), math.isqrt(17), math.isqrt(10 ** 40 + 1))
answer = math.lcm(12, 18) + math.gcd(12, 18)

# expect status: ok
# expect answer: 42
# expect type: int
# expect stdout: "6 5 4 0 6 1125899906842624\n12 105 0 1 3833759992447475122176\n120 1 0 120 1 0\n1 1 0 4 100000000000000000000\n"
