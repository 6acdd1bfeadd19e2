# Every dict method.
d = {"apple": 3, "banana": 5}
print(d.get("apple"), d.get("cherry"), d.get("cherry", 0))
print(d.setdefault("cherry", 7), d.setdefault("apple", 100), d)
print(d.pop("banana"), d.pop("missing", "default"), d)
d.update({"date": 1}, elderberry=2)
d.update([("fig", 4)])
print(d)
print(d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
e = d.copy()
e["apple"] = 0
print(d["apple"], e["apple"])
print(dict.fromkeys("abc", 0), dict.fromkeys([1, 2]))
print(len(d), "apple" in d, 3 in d, 3 in d.values())
d2 = dict(a=1, b=2)
d3 = dict([("x", 1), ("y", 2)])
d4 = dict(zip("pq", [10, 20]))
print(d2, d3, d4, d2 | d3)
d2 |= {"c": 3}
print(d2)
e.clear(); print(e)
answer = d

# expect status: ok
# expect answer: {'apple': 3, 'cherry': 7, 'date': 1, 'elderberry': 2}
# expect type: dict
# expect stdout: "3 None 0\n7 3 {'apple': 3, 'banana': 5, 'cherry': 7}\n5 default {'apple': 3, 'cherry': 7}\n{'apple': 3, 'cherry': 7, 'date': 1, 'elderberry': 2, 'fig': 4}\n('fig', 4) {'apple': 3, 'cherry': 7, 'date': 1, 'elderberry': 2}\n['apple', 'cherry', 'date', 'elderberry'] [3, 7, 1, 2] [('apple', 3), ('cherry', 7), ('date', 1), ('elderberry', 2)]\n3 0\n{'a': 0, 'b': 0, 'c': 0} {1: None, 2: None}\n4 True False True\n{'a': 1, 'b': 2} {'x': 1, 'y': 2} {'p': 10, 'q': 20} {'a': 1, 'b': 2, 'x': 1, 'y': 2}\n{'a': 1, 'b': 2, 'c': 3}\n{}\n"
