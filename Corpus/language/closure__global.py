# global statements rebind module-level names.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def set_new():
    global created_later
    created_later = "made inside a function"
set_new()
print(created_later)
total = 5
def read_only():
    return total * 2  # reading a global needs no declaration
print(read_only())
def shadow():
    total = 1  # local, the global is unchanged
    return total
print(shadow(), total)
answer = (counter, total)

# expect status: ok
# expect answer: (2, 5)
# expect type: tuple
# expect stdout: "2\nmade inside a function\n10\n1 5\n"
