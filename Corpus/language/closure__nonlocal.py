# nonlocal rebinds a name in the enclosing function.
def make_counter(start=0):
    count = start
    def step(by=1):
        nonlocal count
        count += by
        return count
    return step
c = make_counter()
print(c(), c(), c(10))
d = make_counter(100)
print(d(), c())
def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed by inner"
    inner()
    return x
print(outer())
def accumulate(values):
    total = 0
    def add(v):
        nonlocal total
        total += v
    for v in values:
        add(v)
    return total
answer = accumulate([1, 2, 3, 4])
print(answer)

# expect status: ok
# expect answer: 10
# expect type: int
# expect stdout: "1 2 12\n101 13\nchanged by inner\n10\n"
