# ** with negative, float and fractional exponents, and its precedence.
print(2 ** 10, 2 ** -1, 2 ** -3, 10 ** -2, (-2) ** 3, (-2) ** -2, 0 ** 0, 0.0 ** 0)
print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2, (2 ** 3) ** 2, 2 ** -1 ** 2)
print(4 ** 0.5, 27 ** (1 / 3), 2 ** 0.5, 1.1 ** 10, 10 ** 0.0, 100 ** -0.5)
print(2.0 ** 10, 1.5 ** 2, (-8.0) ** 3, 0.5 ** -2, 1e10 ** 2, 10.0 ** -5)
print(type(2 ** 3), type(2 ** -3), type(2.0 ** 3), (1 + 0.05) ** 12)
principal = 1000
rate = 0.05
print(round(principal * (1 + rate) ** 10, 2))
answer = [3 ** -2, 9 ** 0.5, (-3) ** 3, 2 ** 0.5 * 2 ** 0.5]

# expect status: ok
# expect answer: [0.1111111111111111, 3.0, -27, 2.0000000000000004]
# expect type: list
# expect stdout: "1024 0.5 0.125 0.01 -8 0.25 1 1.0\n-4 4 512 64 0.5\n2.0 3.0 1.4142135623730951 2.5937424601000023 1.0 0.1\n1024.0 2.25 -512.0 4.0 1e+20 1e-05\n<class 'int'> <class 'float'> <class 'float'> 1.79585632602213\n1628.89\n"
