# Perfect-square checks with sqrt and isqrt, and sqrt of big ints.
import math
squares = [n for n in range(1, 200) if math.isqrt(n) ** 2 == n]
print(squares)
print(math.sqrt(10 ** 20), math.sqrt(2 ** 100), math.sqrt(0), math.sqrt(0.25), 49 ** 0.5, int(math.sqrt(48)))
big = 10 ** 30 + 1
print(math.isqrt(big), math.sqrt(big), int(math.sqrt(big)) == math.isqrt(big))
def is_prime(n):
    if n < 2:
        return False
    for d in range(2, math.isqrt(n) + 1):
        if n % d == 0:
            return False
    return True
primes = [n for n in range(60) if is_prime(n)]
print(primes)
answer = sum(primes)

# expect status: ok
# expect answer: 440
# expect type: int
# expect stdout: "[1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121, 144, 169, 196]\n10000000000.0 1125899906842624.0 0.0 0.5 7.0 6\n1000000000000000 1000000000000000.0 True\n[2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59]\n"
