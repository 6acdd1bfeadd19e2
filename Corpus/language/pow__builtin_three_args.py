# pow with two and three arguments, including negative exponents with a modulus.
print(pow(2, 10), pow(2, -1), pow(2.5, 2), pow(-2, 3), pow(4, 0.5))
print(pow(3, 200, 1000), pow(2, 10 ** 18, 10 ** 9 + 7), pow(7, 0, 13), pow(5, 3, 1))
print(pow(-3, 3, 7), pow(3, 3, -7), pow(38, -1, 97), pow(2, -2, 5))
print(pow(base=2, exp=8), pow(10, 2, mod=7))
answer = pow(123456789, 987654321, 1000000007)

# expect status: ok
# expect answer: 652541198
# expect type: int
# expect stdout: "1024 0.5 6.25 -8 2.0\n1 719476260 1 0\n1 -1 23 4\n256 2\n"
