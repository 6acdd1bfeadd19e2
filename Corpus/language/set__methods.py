# Set methods (small ints only, so iteration order is deterministic).
s = {3, 1, 2}
s.add(4); s.add(1); print(s)
s.discard(10); s.discard(4); print(s)
s.remove(3); print(s)
print(s.pop(), s)
t = {1, 2, 3, 4}
u = {3, 4, 5}
print(t.union(u), t.intersection(u), t.difference(u), t.symmetric_difference(u))
print(t.union([9], (8,)), t.intersection(range(3)))
print({1, 2}.issubset(t), t.issuperset({1, 5}), t.isdisjoint({7, 8}))
v = set(t)
v.update([10, 11]); print(v)
v.intersection_update({1, 10, 12}); print(v)
v.difference_update({10}); print(v)
w = {1, 2, 3}
w.symmetric_difference_update({3, 4}); print(w)
c = w.copy(); c.clear(); print(c, w, len(w))
print(set(), set("aab") == {"a", "b"})
answer = sorted(t | u)

# expect status: ok
# expect answer: [1, 2, 3, 4, 5]
# expect type: list
# expect stdout: "{1, 2, 3, 4}\n{1, 2, 3}\n{1, 2}\n1 {2}\n{1, 2, 3, 4, 5} {3, 4} {1, 2} {1, 2, 5}\n{1, 2, 3, 4, 8, 9} {1, 2}\nTrue False True\n{1, 2, 3, 4, 10, 11}\n{1, 10}\n{1}\n{1, 2, 4}\nset() {1, 2, 4} 3\nset() True\n"
