# 'and' / 'or' return one of their operands, not necessarily a bool.
print(0 or 5, 3 or 5, "" or "default", [] or {}, None or 0)
print(0 and 5, 3 and 5, "a" and "b", [] and 1, 1 and None)
print(1 and 2 or 3, 0 and 2 or 3, None or False or "", 1 or 2 and 3)
print(not 0, not "x", not [], not None, not not 5)
name = ""
print(name or "anonymous", (name and name.upper()) or "-")
print(True + (3 > 2) and "yes")
answer = [0 or 5, 3 and 5, "" or None, 2 and 0]

# expect status: ok
# expect answer: [5, 5, None, 0]
# expect type: list
# expect stdout: "5 3 default {} 0\n0 5 b [] None\n2 3  1\nTrue False True True True\nanonymous -\nyes\n"
