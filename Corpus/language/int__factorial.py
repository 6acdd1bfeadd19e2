# Factorials and combinatorics grow into big ints.
import math
print(math.factorial(25))
print(math.factorial(52))
print(math.comb(100, 50), math.perm(20, 10))
def fact(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result
print(fact(30) == math.factorial(30), fact(0), fact(1))
trailing_zeros = len(str(math.factorial(100))) - len(str(math.factorial(100)).rstrip("0"))
print(trailing_zeros)
answer = math.factorial(40) // math.factorial(38)

# expect status: ok
# expect answer: 1560
# expect type: int
# expect stdout: "15511210043330985984000000\n80658175170943878571660636856403766975289505440883277824000000000000\n100891344545564193334812497256 670442572800\nTrue 1 1\n24\n"
