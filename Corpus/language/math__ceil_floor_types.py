# math.ceil/floor/trunc return ints (even for huge floats); round without ndigits too.
import math
for x in (2.0, 2.1, -2.1, 1e20, 0.5, -0.5):
    print(x, math.ceil(x), math.floor(x), math.trunc(x), round(x), int(x))
print(type(math.ceil(2.5)), type(math.floor(2.5)), math.ceil(7), math.floor(10 ** 30))
print(math.ceil(10 / 3), math.floor(-10 / 3), -(-10 // 3), math.ceil(1.0000000000000002))
answer = math.ceil(103 / 25)

# expect status: ok
# expect answer: 5
# expect type: int
# expect stdout: "2.0 2 2 2 2 2\n2.1 3 2 2 2 2\n-2.1 -2 -3 -2 -2 -2\n1e+20 100000000000000000000 100000000000000000000 100000000000000000000 100000000000000000000 100000000000000000000\n0.5 1 0 0 0 0\n-0.5 0 -1 0 0 0\n<class 'int'> <class 'int'> 7 1000000000000000000000000000000\n4 -4 4 2\n"
