# math domain and range errors, caught and printed.
import math
for fn, arg in [(math.sqrt, -1), (math.log, 0), (math.log, -2), (math.acos, 2), (math.exp, 1000), (math.factorial, -1)]:
    try:
        print(fn(arg))
    except (ValueError, OverflowError) as e:
        print(type(e), e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e), e)
try:
    math.isqrt(-4)
except ValueError as e:
    print("ValueError:", e)
answer = math.sqrt(abs(-16))

# expect status: ok
# expect answer: 4.0
# expect type: float
# expect stdout: "<class 'ValueError'> math domain error\n<class 'ValueError'> math domain error\n<class 'ValueError'> math domain error\n<class 'ValueError'> math domain error\n<class 'OverflowError'> math range error\n<class 'ValueError'> factorial() not defined for negative values\n<class 'TypeError'> 'float' object cannot be interpreted as an integer\nValueError: isqrt() argument must be nonnegative\n"
