# Plain recursion, recursion with a memo dict, and recursion over nested lists.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))
memo = {}
def fib(n):
    if n < 2:
        return n
    if n in memo:
        return memo[n]
    memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(100))
def flatten(x):
    if not isinstance(x, list):
        return [x]
    out = []
    for item in x:
        out.extend(flatten(item))
    return out
print(flatten([1, [2, [3, [4, []]], 5]]))
def hanoi(n, src="A", dst="C", via="B"):
    if n == 0:
        return 0
    return hanoi(n - 1, src, via, dst) + 1 + hanoi(n - 1, via, dst, src)
print(hanoi(10))
answer = (fact(25), fib(80), hanoi(12))

# expect status: ok
# expect answer: (15511210043330985984000000, 23416728348467685, 4095)
# expect type: tuple
# expect stdout: "2432902008176640000 265252859812191058636308480000000\n354224848179261915075\n[1, 2, 3, 4, 5]\n1023\n"
