# Default parameter values, evaluated once at definition time.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
base = 10
def add(x, y=base):
    return x + y
base = 99
print(add(1))  # the default was captured when 'def' ran
def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket
print(append_to(1), append_to(2))
def safe_append(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket
print(safe_append(1), safe_append(2))
answer = (add(1), append_to(3))

# expect status: ok
# expect answer: (11, [1, 2, 3])
# expect type: tuple
# expect stdout: "Hello, Ann!\nHi, Bob!\nHello, Cy?\n11\n[1, 2] [1, 2]\n[1] [2]\n"
