# del on names, list items, dict keys, slices and several targets at once.
a = 1
b = [10, 20, 30, 40]
c = {"x": 1, "y": 2, "z": 3}
del a
try:
    a
except NameError as e:
    print("NameError:", e)
del b[1], c["x"]
print(b, c)
del b[:1]
print(b)
def f():
    local = 5
    del local
    try:
        return local
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"
print(f())
a = "rebound"
answer = (a, b, c)

# expect status: ok
# expect answer: ('rebound', [30, 40], {'y': 2, 'z': 3})
# expect type: tuple
# expect stdout: "NameError: name 'a' is not defined\n[10, 30, 40] {'y': 2, 'z': 3}\n[30, 40]\nUnboundLocalError: cannot access local variable 'local' where it is not associated with a value\n"
