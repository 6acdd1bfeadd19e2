# keys/values/items views are live and support set operations.
d = {"a": 1, "b": 2}
keys = d.keys()
values = d.values()
items = d.items()
d["c"] = 3
print(keys, values, items)
print(len(keys), "c" in keys, ("a", 1) in items, 3 in values)
print(keys & {"a", "z"}, sorted(keys | {"z"}), sorted(keys - {"a"}))
print(list(reversed(d)), list(reversed(d.values())))
print(sorted(d, reverse=True), max(d.values()), sum(values))
total = 0
for k, v in d.items():
    total += v * ord(k)
print(total)
answer = list(items)

# expect status: ok
# expect answer: [('a', 1), ('b', 2), ('c', 3)]
# expect type: list
# expect stdout: "dict_keys(['a', 'b', 'c']) dict_values([1, 2, 3]) dict_items([('a', 1), ('b', 2), ('c', 3)])\n3 True True True\n{'a'} ['a', 'b', 'c', 'z'] ['b', 'c']\n['c', 'b', 'a'] [3, 2, 1]\n['c', 'b', 'a'] 3 6\n590\n"
