# dicts keep insertion order; updating a value keeps the key's position; delete+reinsert moves it to the end.
d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d)
d["alpha"] = 0
print(list(d))
del d["zeta"]
d["zeta"] = 99
print(list(d))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
nums = {3: "c", 1: "a", 2: "b"}
print(nums, list(nums.values()))
print({**{"b": 1, "a": 2}, "b": 3})
answer = counts

# expect status: ok
# expect answer: {'m': 1, 'i': 4, 's': 4, 'p': 2}
# expect type: dict
# expect stdout: "{'zeta': 4, 'alpha': 5, 'mid': 3, 'beta': 4}\n['zeta', 'alpha', 'mid', 'beta']\n['alpha', 'mid', 'beta', 'zeta']\n{'m': 1, 'i': 4, 's': 4, 'p': 2}\n{3: 'c', 1: 'a', 2: 'b'} ['c', 'a', 'b']\n{'b': 3, 'a': 2}\n"
