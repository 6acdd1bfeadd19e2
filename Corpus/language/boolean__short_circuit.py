# Short-circuiting: the right operand is not evaluated when the left decides.
calls = []
def t(label):
    calls.append(label)
    return True
def f(label):
    calls.append(label)
    return False
r1 = f("a") and t("b")
r2 = t("c") or f("d")
r3 = f("e") or t("f") and f("g")
print(r1, r2, r3, calls)
d = {}
print("k" in d and d["k"] > 0)
lst = []
print(len(lst) > 0 and lst[0] == 1)
x = 0
print(x != 0 and 10 / x > 1)
calls.clear()
print(all(t(i) if i < 2 else f(i) for i in range(5)), calls)
answer = calls

# expect status: ok
# expect answer: [0, 1, 2]
# expect type: list
# expect stdout: "False True False ['a', 'c', 'e', 'f', 'g']\nFalse\nFalse\nFalse\nFalse [0, 1, 2]\n"
