# Nested closures three levels deep and closures over loop results.
def level1(a):
    def level2(b):
        def level3(c):
            return a * 100 + b * 10 + c
        return level3
    return level2
print(level1(1)(2)(3))
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
def slow_square(n):
    print("computing", n)
    return n * n
fast = memoize(slow_square)
print(fast(4), fast(4), fast(5))
def fib_factory():
    memo = {0: 0, 1: 1}
    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    return fib
fib = fib_factory()
answer = fib(90)
print(answer)

# expect status: ok
# expect answer: 2880067194370816120
# expect type: int
# expect stdout: "123\ncomputing 4\ncomputing 5\n16 16 25\n2880067194370816120\n"
